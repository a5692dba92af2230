"""``counter sync export|import|status|review`` on two real databases, each site with its own data folder and key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter.actions.site.demo import run_demo
from counter.cli.main import main
from counter.host.keys.data_key import sm4_key_path
from counter.host.machine.paths import site_key_path
from counter.sync.sites import SiteKind
from counter.words.at_command_line import fault_text
from counter.words.sync import package_rejected, sync_not_possible
from tests.db.test_personal_sealing import damaged, put_back
from tests.sync.sync_world import TODAY, introduce, make_site, sqlite_copy


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_a_package_goes_from_township_to_hall_by_the_command_line(
    tmp_path: Path, shipped_catalog_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    homes = {"ARS01": tmp_path / "ars-home", "XAM01": tmp_path / "hall-home"}
    urls = {site_code: f"sqlite:///{tmp_path / site_code}.sqlite3" for site_code in homes}
    sites = {}
    for site_code, kind in (("ARS01", SiteKind.TOWNSHIP), ("XAM01", SiteKind.HALL)):
        monkeypatch.setenv("COUNTER_HOME", str(homes[site_code]))
        sessions = sqlite_copy(shipped_catalog_db, tmp_path / f"{site_code}.sqlite3")
        sites[site_code] = make_site(sessions, site_code, f"{site_code}站点", kind, homes[site_code] / "keys")
    introduce(sites["ARS01"], sites["XAM01"])
    monkeypatch.setenv("COUNTER_HOME", str(homes["ARS01"]))  # its cases sealed under the township's own data key
    run_demo(sites["ARS01"].sessions, sites["ARS01"].desk, TODAY)
    for site in sites.values():
        site.sessions.kw["bind"].dispose()
    package = tmp_path / "ars-1.counter-sync"

    monkeypatch.setenv("COUNTER_HOME", str(homes["ARS01"]))
    code, out, _err = run(capsys, "sync", "status", "--json", "--db", urls["ARS01"])
    assert code == 0
    assert json.loads(out)["pending_cases"] == 6
    # the key file is where make_site put it, not in the data folder's default place: export names the problem
    code, _out, err = run(capsys, "sync", "export", "--out", str(package), "--db", urls["ARS01"])
    assert code == 1
    assert "签名密钥" in err
    assert not package.exists()
    _move_keys(homes["ARS01"], "ARS01")
    code, out, _err = run(capsys, "sync", "export", "--out", str(package), "--db", urls["ARS01"])
    assert code == 0
    assert "第 1 号数据包" in out
    assert package.read_bytes().startswith(b"COUNTER-SYNC/2\n")

    monkeypatch.setenv("COUNTER_HOME", str(homes["XAM01"]))
    broken = tmp_path / "broken.counter-sync"
    broken.write_bytes(package.read_bytes()[:-10])
    code, _out, err = run(capsys, "sync", "import", str(broken), "--db", urls["XAM01"])
    assert code == 1
    assert package_rejected("truncated") in err
    zipped = tmp_path / "photos.zip"  # the wrong file off the stick: refused as it is read, nothing changed
    zipped.write_bytes(b"PK\x03\x04 a zip file" * 10)
    assert run(capsys, "sync", "import", str(zipped), "--db", urls["XAM01"]) == (
        1, "", package_rejected("not_a_package") + "\n"
    )  # fmt: skip
    gone = tmp_path / "usb" / "ARS01.counter-sync"
    assert run(capsys, "sync", "import", str(gone), "--db", urls["XAM01"]) == (
        1, "", f"无法读取 {gone}：找不到这个文件或文件夹\n"
    )  # fmt: skip
    # a hall desk without the site's keys cannot open the package, and says where the key should be
    code, _out, err = run(capsys, "sync", "import", str(package), "--db", urls["XAM01"])
    assert code == 1
    assert "解密密钥" in err
    _move_keys(homes["XAM01"], "XAM01")
    code, out, _err = run(capsys, "sync", "import", str(package), "--json", "--db", urls["XAM01"])
    assert code == 0
    assert json.loads(out) | {} == {
        "ok": True, "from_site": "ARS01", "kind": "cases", "export_no": 1, "applied": 6, "unchanged": 0,
        "held": 0, "replayed": False,
    }  # fmt: skip
    code, out, _err = run(capsys, "sync", "import", str(package), "--db", urls["XAM01"])
    assert code == 0
    assert "此前已导入" in out
    code, out, _err = run(capsys, "sync", "review", "--json", "--db", urls["XAM01"])
    assert (code, json.loads(out)) == (0, [])
    code, out, _err = run(capsys, "sync", "status", "--db", urls["XAM01"])
    assert code == 0
    assert "待核对记录：0 条" in out
    assert "待上报帮您办项目：0 个" in out
    code, _out, err = run(capsys, "sync", "export", "--out", str(tmp_path / "u.counter-sync"), "--db", urls["XAM01"])
    assert code == 1
    assert sync_not_possible("to_site_required") in err


def _move_keys(home: Path, code: str) -> None:
    """The site's two key files from where make_site put them to the data folder's default place."""
    from counter.host.machine.paths import site_key_path
    from counter.sync.keys import encryption_key_path

    path = site_key_path()
    assert path.is_relative_to(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    made = home / "keys" / f"{code}.pem"
    encryption_key_path(made).rename(encryption_key_path(path))
    made.rename(path)


@pytest.mark.slow
def test_export_to_a_hall_registered_from_an_old_card_names_the_card(
    tmp_path: Path, shipped_catalog_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A peer without an encryption key (registered before packages were sealed): nothing can be sealed to it."""
    from counter.actions.admin.site import register_peer

    monkeypatch.setenv("COUNTER_HOME", str(tmp_path / "home"))
    sessions = sqlite_copy(shipped_catalog_db, tmp_path / "ars.sqlite3")
    township = make_site(sessions, "ARS01", "明水河镇", SiteKind.TOWNSHIP, tmp_path / "home" / "keys")
    hall = make_site(sqlite_copy(shipped_catalog_db, tmp_path / "hall.sqlite3"), "XAM01", "中心",
                     SiteKind.HALL, tmp_path / "hall-keys")  # fmt: skip
    with sessions.begin() as session:
        register_peer(session, "XAM01", "中心", SiteKind.HALL, hall.identity.public_key, desk=township.desk)
    sessions.kw["bind"].dispose()
    hall.sessions.kw["bind"].dispose()
    _move_keys(tmp_path / "home", "ARS01")
    out = tmp_path / "ars.counter-sync"
    code, _out, err = run(capsys, "sync", "export", "--out", str(out), "--db", f"sqlite:///{tmp_path / 'ars.sqlite3'}")
    assert code == 1
    assert sync_not_possible("old_card", "XAM01") in err
    assert not out.exists()


@pytest.mark.slow  # about a second alone: in the full run, not the quick tier
def test_an_export_killed_while_writing_takes_no_number_and_the_next_removes_what_it_left(
    tmp_path: Path, shipped_catalog_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The program killed while the package is being written (an interrupt at the file's sync, here): nothing is
    recorded, the next export is package 1 again, and the killed one's ``.part`` file is gone after it."""
    import os
    from types import SimpleNamespace

    home = tmp_path / "ars-home"
    monkeypatch.setenv("COUNTER_HOME", str(home))
    catalog = shipped_catalog_db
    township = make_site(sqlite_copy(catalog, tmp_path / "ars.sqlite3"), "ARS01", "明水河镇", SiteKind.TOWNSHIP,
                         home / "keys")  # fmt: skip
    hall = make_site(sqlite_copy(catalog, tmp_path / "hall.sqlite3"), "XAM01", "中心", SiteKind.HALL, tmp_path)
    introduce(township, hall)
    run_demo(township.sessions, township.desk, TODAY)
    for site in (township, hall):
        site.sessions.kw["bind"].dispose()
    _move_keys(home, "ARS01")
    url = f"sqlite:///{tmp_path / 'ars.sqlite3'}"
    stick = tmp_path / "stick"
    stick.mkdir()

    def killed(_fd: int) -> None:
        raise KeyboardInterrupt

    for name in ("ARS01-0900.sync", "ARS01-0910.sync"):
        with monkeypatch.context() as m:
            m.setattr("counter.sync.package_files.os", SimpleNamespace(fsync=killed))  # its file's sync only
            with pytest.raises(KeyboardInterrupt):
                main(["sync", "export", "--out", str(stick / name), "--db", url])
    left = sorted(p.name for p in stick.iterdir())
    assert left == ["ARS01-0900.sync.part", "ARS01-0910.sync.part"]  # a sealed copy of the cases each
    hour_ago = (stick / left[0]).stat().st_mtime - 3600
    (stick / "photo.jpg.part").write_bytes(b"not a package")  # someone else's: never touched
    for name in (left[0], "photo.jpg.part"):
        os.utime(stick / name, (hour_ago, hour_ago))

    code, out, _err = run(capsys, "sync", "export", "--out", str(stick / "ARS01-0930.sync"), "--db", url)
    assert code == 0
    assert "第 1 号数据包" in out  # the killed exports took no number
    # the one left an hour ago is removed; the one of a minute ago may be another desk's export still being written
    assert sorted(p.name for p in stick.iterdir()) == ["ARS01-0910.sync.part", "ARS01-0930.sync", "photo.jpg.part"]
    code, out, _err = run(capsys, "sync", "export", "--out", str(stick / "ARS01-0910.sync"), "--db", url)
    assert code == 0
    assert "第 2 号数据包" in out
    assert sorted(p.name for p in stick.iterdir()) == ["ARS01-0910.sync", "ARS01-0930.sync", "photo.jpg.part"]


@pytest.mark.slow
def test_a_case_held_at_the_hall_is_listed_for_review_in_words_and_in_json(
    tmp_path: Path, shipped_catalog_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A township's case under a guide version the hall lacks waits in ``sync review`` until it can go in."""
    import dataclasses

    from sqlalchemy import func, select, update

    from counter.actions.site.demo import DEMO_BUNDLE
    from counter.db import models
    from counter.db.catalog_store import current_guide, import_bundles

    homes = {"ARS01": tmp_path / "ars-home", "XAM01": tmp_path / "hall-home"}
    urls = {site_code: f"sqlite:///{tmp_path / site_code}.sqlite3" for site_code in homes}
    sites = {}
    for site_code, kind in (("ARS01", SiteKind.TOWNSHIP), ("XAM01", SiteKind.HALL)):
        monkeypatch.setenv("COUNTER_HOME", str(homes[site_code]))
        sessions = sqlite_copy(shipped_catalog_db, tmp_path / f"{site_code}.sqlite3")
        sites[site_code] = make_site(sessions, site_code, f"{site_code}站点", kind, homes[site_code] / "keys")
        _move_keys(homes[site_code], site_code)
    introduce(sites["ARS01"], sites["XAM01"])
    monkeypatch.setenv("COUNTER_HOME", str(homes["ARS01"]))  # its cases sealed under the township's own data key
    run_demo(sites["ARS01"].sessions, sites["ARS01"].desk, TODAY)
    with sites["ARS01"].sessions.begin() as session:  # the township tries out its own version of the guide
        stored = current_guide(session, DEMO_BUNDLE)
        assert stored is not None
        changed = dataclasses.replace(stored.bundle, name=stored.bundle.name + "（乡镇试行版）")
        import_bundles(session, [changed], "乡镇试行指南", "folder")
        version = session.scalar(select(func.max(models.GuideVersion.id)))
        odd = session.scalar(select(models.Case.uid).order_by(models.Case.id).limit(1))
        session.execute(update(models.Case).where(models.Case.uid == odd).values(guide_version_id=version))
    for site in sites.values():
        site.sessions.kw["bind"].dispose()
    package = tmp_path / "ars-1.counter-sync"
    monkeypatch.setenv("COUNTER_HOME", str(homes["ARS01"]))
    nowhere = tmp_path / "usb" / package.name  # a stick not in: said in words, nothing exported
    code, out, err = run(capsys, "sync", "export", "--out", str(nowhere), "--db", urls["ARS01"])
    assert (code, out, err) == (1, "", f"无法写入 {nowhere}：找不到这个文件或文件夹。未导出。\n")
    assert run(capsys, "sync", "export", "--out", str(package), "--db", urls["ARS01"])[0] == 0

    monkeypatch.setenv("COUNTER_HOME", str(homes["XAM01"]))
    code, out, _err = run(capsys, "sync", "import", str(package), "--db", urls["XAM01"])
    assert (code, out) == (0, "已导入 ARS01 的第 1 号数据包：新增或更新 5 条，无变化 0 条，待核对 1 条。\n")
    code, out, _err = run(capsys, "sync", "review", "--json", "--db", urls["XAM01"])
    assert code == 0
    [held] = json.loads(out)
    assert (held["from_site"], held["export_no"], held["record_type"], held["record_key"], held["reason"]) == (
        "ARS01", 1, "case", odd, "unknown_guide"
    )  # fmt: skip
    code, out, _err = run(capsys, "sync", "review", "--db", urls["XAM01"])
    assert code == 0
    assert out.splitlines() == [
        f"#{held['id']}  ARS01 第1号包  办件 {odd}  {held['message']}  办事指南 XAM-YJS-008 第2版",
        "共 1 条待核对记录。",
    ]  # the record's kind in words, as the sync page names it: never the package's own code


@pytest.mark.slow  # three sites' keys made: about a second
def test_a_township_exporting_without_its_one_hall_is_told_which_is_missing(
    tmp_path: Path, shipped_catalog_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No hall registered yet, two registered and none named, a site named that is not registered, a township named:
    each export refused in words, and no package written."""
    monkeypatch.setenv("COUNTER_HOME", str(tmp_path / "home"))
    sessions = sqlite_copy(shipped_catalog_db, tmp_path / "ars.sqlite3")
    township = make_site(sessions, "ARS01", "明水河镇", SiteKind.TOWNSHIP, tmp_path / "home" / "keys")
    _move_keys(tmp_path / "home", "ARS01")
    db = f"sqlite:///{tmp_path / 'ars.sqlite3'}"
    out = tmp_path / "ars.counter-sync"

    def refused(*to: str) -> str:
        code, _out, err = run(capsys, "sync", "export", "--out", str(out), *to, "--db", db)
        assert code == 1
        assert not out.exists()
        return err

    assert sync_not_possible("no_hall", "") in refused()
    others = {}
    for site, name, kind in (("XAM01", "兴安盟中心", SiteKind.HALL), ("XAM02", "乌兰浩特中心", SiteKind.HALL),
                             ("ARS02", "索伦镇", SiteKind.TOWNSHIP)):  # fmt: skip
        others[site] = make_site(sqlite_copy(shipped_catalog_db, tmp_path / f"{site}.sqlite3"), site, name, kind,
                                 tmp_path / f"{site}-keys")  # fmt: skip
        introduce(township, others[site])
        others[site].sessions.kw["bind"].dispose()
    sessions.kw["bind"].dispose()
    assert sync_not_possible("several_halls", "XAM01, XAM02") in refused()
    assert sync_not_possible("unknown_peer", "XAM09") in refused("--to", "XAM09")
    assert sync_not_possible("wrong_peer_kind", "ARS02") in refused("--to", "ARS02")
    code, printed, _err = run(capsys, "sync", "export", "--out", str(out), "--to", "XAM02", "--db", db)
    assert code == 0
    assert "第 1 号数据包" in printed


@pytest.mark.parametrize("damage", ["cut short", "missing"])
def test_an_export_whose_values_cannot_be_opened_is_refused_never_sent_as_placeholders(
    tmp_path: Path, shipped_catalog_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    damage: str,
) -> None:  # fmt: skip
    """A township's data key damaged: its cases' ID numbers read as （已加密）, which a package would have carried to
    the hall as the applicants' numbers.  The export is refused in the words of a damaged key and writes nothing;
    with the key put back from its copy it goes."""
    home = tmp_path / "ars-home"
    monkeypatch.setenv("COUNTER_HOME", str(home))
    sessions = sqlite_copy(shipped_catalog_db, tmp_path / "ARS01.sqlite3")
    township = make_site(sessions, "ARS01", "ARS01站点", SiteKind.TOWNSHIP, home / "keys")
    hall = make_site(sqlite_copy(shipped_catalog_db, tmp_path / "XAM01.sqlite3"), "XAM01", "XAM01站点", SiteKind.HALL,
                     tmp_path / "hall-keys")  # fmt: skip
    introduce(township, hall)
    run_demo(sessions, township.desk, TODAY)
    sessions.kw["bind"].dispose()
    _move_keys(home, "ARS01")
    url = f"sqlite:///{tmp_path / 'ARS01'}.sqlite3"
    key_file = sm4_key_path(site_key_path(), 1)
    kept = key_file.read_bytes()
    damaged(key_file, damage)
    package = tmp_path / "ars-1.counter-sync"

    assert run(capsys, "sync", "export", "--out", str(package), "--db", url) == (1, "", fault_text("data_key") + "\n")
    assert not package.exists()
    put_back(key_file, kept)
    code, out, _err = run(capsys, "sync", "export", "--out", str(package), "--db", url)
    assert code == 0
    assert "第 1 号数据包" in out


def test_a_package_file_beyond_the_limit_is_refused_in_words_and_the_database_is_not_touched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stick's file too large to be a package is refused before it is read, as a package the desk cannot take."""
    from counter.sync.package import MAX_FILE
    from tests.conftest import made_database

    database = tmp_path / "hall.sqlite3"
    url = made_database(database)
    before = database.read_bytes()
    huge = tmp_path / "huge.counter-sync"
    with open(huge, "wb") as file:
        file.truncate(MAX_FILE + 1)  # sparse: nothing written, nothing to read
    code, out, err = run(capsys, "sync", "import", str(huge), "--db", url)
    assert (code, out) == (1, "")
    assert err.strip() == package_rejected("too_large")
    assert "不能接受" in err
    assert database.read_bytes() == before
