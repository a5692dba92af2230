"""The site commands end to end: a hall and a township set themselves up and register each other."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from counter.cli.main import main
from counter.host.machine.desk_config import DeskConfig, config_path, load_desk_config, save_desk_config
from counter.sync.keys import (
    encryption_key_text,
    key_fingerprint,
    new_encryption_key,
    new_private_key,
    public_key_text,
)
from tests.conftest import SHIPPED_CATALOG, made_database

TOWNSHIP_NAME = "阿尔山市明水河镇便民服务中心"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def told(err: str) -> str:
    """What the command said on stderr but its hints (提示) of settings left blank: tests/cli/test_set_up_blanks."""
    return "".join(line for line in err.splitlines(keepends=True) if not line.startswith("提示："))


class Sites:
    """Two machines, each with its own data folder and database."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        self.monkeypatch = monkeypatch

    def at(self, site: str, *, catalog: bool = True) -> str:
        """Work as the machine ``site``: its data folder; the database URL to pass (``catalog``: a new one holds the
        bundled catalog already)."""
        self.monkeypatch.setenv("COUNTER_HOME", str(self.root / site / "home"))
        path = self.root / site / "counter.sqlite3"
        return f"sqlite:///{path}" if path.exists() else made_database(path, catalog=catalog)


@pytest.fixture
def sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sites:
    return Sites(tmp_path, monkeypatch)


@pytest.mark.slow
def test_a_hall_and_a_township_register_each_other(capsys: pytest.CaptureFixture[str], sites: Sites) -> None:
    township = sites.at("township")
    code, out, err = run(
        capsys, "site", "init", "--code", "ARS01", "--name", TOWNSHIP_NAME, "--kind", "township", "--db", township
    )
    assert (code, told(err)) == (0, "")  # nothing but the set-up's hints of what is left blank
    assert "苏木乡镇便民服务中心" in out
    assert "公钥指纹" in out
    key_file = sites.root / "township" / "home" / "keys" / "site.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    township_card = sites.root / "township.json"
    code, out, _ = run(capsys, "site", "card", "--out", str(township_card), "--db", township)
    assert code == 0
    card = json.loads(township_card.read_text(encoding="utf-8"))
    assert card["code"] == "ARS01"
    assert card["kind"] == "township"
    assert card["format"] == "counter-site/2"
    assert card["fingerprint"] in out
    assert len(card["fingerprint"].split()) == 8  # 128 bits, read out in groups of four
    assert stat.S_IMODE((key_file.parent / "site-encryption.key").stat().st_mode) == 0o600

    hall = sites.at("hall")
    code, out, _ = run(capsys, "site", "show", "--json", "--db", hall)
    assert code == 0
    shown = json.loads(out)
    assert (shown["code"], shown["kind"], shown["key_here"]) == ("XAM01", "hall", True)  # from the default desk
    assert shown["fingerprint"] == key_fingerprint(shown["public_key"], shown["encryption_key"])
    code, out, _ = run(capsys, "site", "register", str(township_card), "--db", hall)
    assert code == 0
    assert card["fingerprint"] in out
    assert "已登记站点 ARS01" in out
    code, out, _ = run(capsys, "site", "peers", "--json", "--db", hall)
    listed = json.loads(out)
    assert [(p["code"], p["name"], p["kind"], p["public_key"], p["encryption_key"]) for p in listed] == [
        ("ARS01", TOWNSHIP_NAME, "township", card["public_key"], card["encryption_key"])
    ]
    assert listed[0]["registered_at"].endswith("+00:00")
    hall_card = sites.root / "hall.json"
    assert run(capsys, "site", "card", "--out", str(hall_card), "--db", hall)[0] == 0

    township = sites.at("township")
    code, out, _ = run(
        capsys, "site", "register", str(hall_card), "--fingerprint", shown["fingerprint"], "--db", township
    )
    assert code == 0
    code, out, err = run(capsys, "site", "peers", "--db", township)
    assert code == 0
    assert "XAM01" in out
    assert "政务服务中心" in out
    assert shown["fingerprint"] in out
    assert "共 1 个对方站点" in err


def test_show_is_stable_and_says_where_the_key_is(capsys: pytest.CaptureFixture[str], sites: Sites) -> None:
    db = sites.at("hall")
    first = run(capsys, "site", "show", "--db", db)
    assert first[0] == 0
    assert "XAM01" in first[1]
    assert "可以签发数据包" in first[1]
    assert run(capsys, "site", "show", "--db", db) == first
    sites.at("second-desk")  # another desk of the hall, on the same database, without the key file
    code, out, _ = run(capsys, "site", "show", "--json", "--db", db)
    assert code == 0
    assert json.loads(out)["key_here"] is False


def test_init_problems_are_listed(capsys: pytest.CaptureFixture[str], sites: Sites) -> None:
    db = sites.at("township")
    code, out, err = run(capsys, "site", "init", "--code", "ars01", "--name", " ", "--kind", "township", "--db", db)
    assert (code, out) == (1, "")
    assert "站点编码应为 2-12 位大写字母或数字：ars01" in err
    assert "请填写站点名称" in err
    code, _, err = run(capsys, "site", "init", "--code", "ARS01", "--name", "镇", "--kind", "village", "--db", db)
    assert code == 2
    assert "village" in err


def test_register_refuses_bad_cards(capsys: pytest.CaptureFixture[str], sites: Sites) -> None:
    db = sites.at("hall")
    junk = sites.root / "junk.json"
    junk.write_bytes(b"\xff\xfe not a card")
    code, _, err = run(capsys, "site", "register", str(junk), "--db", db)
    assert code == 1
    assert "这不是站点名片文件" in err
    code, _, err = run(capsys, "site", "register", str(sites.root / "missing.json"), "--db", db)
    assert code == 1
    assert "无法读取" in err

    own = sites.root / "own.json"
    assert run(capsys, "site", "card", "--out", str(own), "--db", db)[0] == 0
    code, _, err = run(capsys, "site", "register", str(own), "--db", db)
    assert code == 1
    assert "XAM01 是本站点自己的编码" in err

    other = {
        "format": "counter-site/2",
        "code": "ARS02",
        "name": "白狼镇便民服务中心",
        "kind": "township",
        "public_key": public_key_text(new_private_key()),
        "encryption_key": encryption_key_text(new_encryption_key()),
    }
    changed = sites.root / "changed.json"
    changed.write_text(json.dumps({**other, "fingerprint": "0000 " * 7 + "0000"}), encoding="utf-8")
    code, _, err = run(capsys, "site", "register", str(changed), "--db", db)
    assert code == 1
    assert "指纹与其中的公钥不符" in err

    good = sites.root / "good.json"
    fingerprint = key_fingerprint(other["public_key"], other["encryption_key"])
    good.write_text(json.dumps({**other, "fingerprint": fingerprint}), encoding="utf-8")
    code, _, err = run(capsys, "site", "register", str(good), "--fingerprint", "1234 5678 9abc def0", "--db", db)
    assert code == 1
    assert "不符" in err
    code, _, err = run(capsys, "site", "register", str(good), "--fingerprint", fingerprint[:19], "--db", db)
    assert code == 1  # the first 64 bits, as the old fingerprint read them, are not enough
    assert "不符" in err
    old = sites.root / "old.json"
    first_format = {**other, "format": "counter-site/1", "fingerprint": key_fingerprint(other["public_key"])}
    del first_format["encryption_key"]
    old.write_text(json.dumps(first_format), encoding="utf-8")
    code, _, err = run(capsys, "site", "register", str(old), "--db", db)
    assert code == 1
    assert "旧版站点名片" in err
    code, out, _ = run(capsys, "site", "peers", "--json", "--db", db)
    assert json.loads(out) == []


def test_site_changes_need_an_administrator(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, sites: Sites
) -> None:
    db = sites.at("hall")
    save_desk_config(DeskConfig())
    monkeypatch.setattr("sys.stdin", io.StringIO("bayan2026ok\n"))
    added = run(capsys, "user", "add", "batu", "--name", "巴图", "--role", "admin", "--password-stdin", "--db", db)
    assert added[0] == 0
    code, _, err = run(
        capsys, "site", "init", "--code", "XAM01", "--name", "兴安盟政务服务中心", "--kind", "hall", "--db", db
    )
    assert code == 1
    assert err
    assert run(capsys, "site", "show", "--db", db)[0] == 0  # reading needs nobody signed in
    monkeypatch.setenv("COUNTER_PASSWORD", "bayan2026ok")
    code, out, err = run(
        capsys,
        "--user",
        "batu",
        "site",
        "init",
        "--code",
        "XAM02",
        "--name",
        "兴安盟政务服务中心",
        "--kind",
        "hall",
        "--db",
        db,
    )
    assert (code, told(err)) == (0, "")  # nothing but the set-up's hints of what is left blank
    assert "XAM02" in out


def guide_versions(db: str) -> int:
    """The guide versions in the database at ``db``, counted without the program (which would load a catalog)."""
    engine = create_engine(db)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM guide_version")).scalar_one())
    finally:
        engine.dispose()


@pytest.mark.slow
def test_init_gives_this_desk_the_sites_code_and_loads_the_catalog(
    capsys: pytest.CaptureFixture[str], sites: Sites
) -> None:
    township = sites.at("township", catalog=False)
    assert run(capsys, "db", "upgrade", "--db", township)[0] == 0
    assert guide_versions(township) == 0
    code, out, err = run(
        capsys, "site", "init", "--code", "ARX01", "--name", TOWNSHIP_NAME, "--kind", "township", "--db", township
    )
    assert (code, told(err)) == (0, "")  # nothing but the set-up's hints of what is left blank
    assert load_desk_config().site_code == "ARX01"  # the township's cases are numbered as the township's
    assert load_desk_config().site_name == TOWNSHIP_NAME
    desk_file = json.loads(config_path().read_text(encoding="utf-8"))
    assert (desk_file["site_code"], desk_file["site_name"]) == ("ARX01", TOWNSHIP_NAME)
    assert "此后的办件编号以 ARX01 开头" in out
    assert guide_versions(township) == len(list(SHIPPED_CATALOG.glob("*.toml")))
    assert "已载入随程序提供的目录" in out

    code, out, _ = run(
        capsys, "site", "init", "--code", "ARX01", "--name", TOWNSHIP_NAME, "--kind", "township", "--db", township
    )
    assert code == 0
    assert "已载入" not in out  # a catalog is there: nothing is loaded again
    assert guide_versions(township) == len(list(SHIPPED_CATALOG.glob("*.toml")))


def test_a_hall_set_up_from_the_command_line_alone_has_the_catalog(
    capsys: pytest.CaptureFixture[str], sites: Sites
) -> None:
    """A hall that has run only ``db upgrade`` and ``site init`` takes a township's cases in, not on the review list."""
    hall = sites.at("hall")
    assert run(capsys, "db", "upgrade", "--db", hall)[0] == 0
    code, _, err = run(
        capsys, "site", "init", "--code", "XAM01", "--name", "兴安盟政务服务中心", "--kind", "hall", "--db", hall
    )
    assert (code, told(err)) == (0, "")  # nothing but the set-up's hints of what is left blank
    assert guide_versions(hall) == len(list(SHIPPED_CATALOG.glob("*.toml")))


def test_init_keeps_following_the_machines_file_where_it_agrees(
    capsys: pytest.CaptureFixture[str], sites: Sites, tmp_path: Path
) -> None:
    """The desk's user file gets what differs from the machine's file: the same code is not written there."""
    machine = tmp_path / "machine" / "desk.toml"
    machine.parent.mkdir(parents=True, exist_ok=True)
    machine.write_text('site_code = "HLR02"\nsite_name = "海拉尔区政务服务中心"\ndesk_no = 8\n', encoding="utf-8")
    db = sites.at("hall")
    code, _, _ = run(capsys, "site", "init", "--code", "HLR02", "--name", "海拉尔区政务服务中心", "--kind", "hall",
                     "--db", db)  # fmt: skip
    assert code == 0
    assert json.loads(config_path().read_text(encoding="utf-8")) == {}
    assert load_desk_config().desk_no == "8"
    code, _, _ = run(capsys, "site", "init", "--code", "HLR03", "--name", "海拉尔区政务服务中心", "--kind", "hall",
                     "--db", db)  # fmt: skip
    assert code == 0
    assert json.loads(config_path().read_text(encoding="utf-8")) == {"site_code": "HLR03"}


def test_a_refused_init_changes_neither_the_desk_nor_the_database(
    capsys: pytest.CaptureFixture[str], sites: Sites
) -> None:
    db = sites.at("township", catalog=False)
    code, _, err = run(capsys, "site", "init", "--code", "arx01", "--name", "镇", "--kind", "township", "--db", db)
    assert code == 1
    assert "站点编码应为 2-12 位大写字母或数字：arx01" in err
    assert not config_path().exists()
    assert guide_versions(db) == 0


def test_a_site_set_up_before_sealing_hands_out_a_card_with_its_encryption_key(
    capsys: pytest.CaptureFixture[str], sites: Sites
) -> None:
    """As an older program left it: a signing key only. A desk without the keys refuses a card (it has no keys to
    take the card's from); the machine that holds them makes the encryption key and writes the card with it."""
    db = sites.at("hall")
    assert run(capsys, "site", "show", "--db", db)[0] == 0
    keys = sites.root / "hall" / "home" / "keys"
    (keys / "site-encryption.key").unlink()
    engine = create_engine(db)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM setting WHERE key = 'site.encryption_key'"))
    engine.dispose()
    (keys / "site.key").rename(sites.root / "site.key")  # this desk is not the key machine
    card = sites.root / "hall.json"
    code, _, err = run(capsys, "site", "card", "--out", str(card), "--db", db)
    assert code == 1
    assert "本机没有本站点的签名密钥文件" in err
    assert not card.exists()
    (sites.root / "site.key").rename(keys / "site.key")  # the key machine
    code, out, _ = run(capsys, "site", "card", "--out", str(card), "--db", db)
    assert code == 0
    written = json.loads(card.read_text(encoding="utf-8"))
    assert written["encryption_key"]
    assert stat.S_IMODE((keys / "site-encryption.key").stat().st_mode) == 0o600
    assert written["fingerprint"] == key_fingerprint(written["public_key"], written["encryption_key"])
    assert written["fingerprint"] in out


@pytest.mark.parametrize("setting", ["site.public_key", "site.encryption_key"])
def test_a_card_is_refused_when_the_stored_keys_are_not_the_key_files(
    capsys: pytest.CaptureFixture[str], sites: Sites, setting: str
) -> None:
    """A desk that may write the settings puts its own public key there: the card would hand it the township's trust.

    The card takes its keys from the key files, so it is refused and says why; ``site show`` reads the fingerprint
    from the files and names the disagreement."""
    db = sites.at("hall")
    code, out, _ = run(capsys, "site", "show", "--json", "--db", db)
    assert code == 0
    real = json.loads(out)
    encryption = setting == "site.encryption_key"
    forged = encryption_key_text(new_encryption_key()) if encryption else public_key_text(new_private_key())
    engine = create_engine(db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE setting SET value = :v WHERE key = :k"), {"v": forged, "k": setting})
    engine.dispose()
    card = sites.root / "hall.json"
    code, out, err = run(capsys, "site", "card", "--out", str(card), "--db", db)
    assert code == 1
    assert "数据库中保存的本站点公钥与本机的密钥文件" in err
    assert "不符" in err
    assert "请联系技术支持" in err
    assert not card.exists()
    code, out, err = run(capsys, "site", "show", "--json", "--db", db)
    assert code == 0
    shown = json.loads(out)
    assert (shown["fingerprint"], shown["stored_keys_changed"], shown["key_here"]) == (real["fingerprint"], True, False)
    code, out, err = run(capsys, "site", "show", "--db", db)
    assert real["fingerprint"] in out
    assert "数据库中保存的本站点公钥与本机的密钥文件" in err


def test_a_card_is_written_only_where_the_key_files_are(capsys: pytest.CaptureFixture[str], sites: Sites) -> None:
    db = sites.at("hall")
    card = sites.root / "hall.json"
    code, out, _ = run(capsys, "site", "card", "--out", str(card), "--db", db)
    assert code == 0
    written = json.loads(card.read_text(encoding="utf-8"))
    assert written["fingerprint"] in out
    card.unlink()
    sites.at("second-desk")  # another desk of the hall, on the same database, without the key files
    code, _, err = run(capsys, "site", "card", "--out", str(card), "--db", db)
    assert code == 1
    assert "本机没有本站点的签名密钥文件" in err
    assert not card.exists()
    code, out, _ = run(capsys, "site", "show", "--json", "--db", db)
    assert code == 0
    shown = json.loads(out)
    assert (shown["fingerprint"], shown["key_here"], shown["stored_keys_changed"]) == (
        written["fingerprint"],
        False,
        False,
    )


@pytest.mark.slow
def test_a_league_registers_a_hall_with_its_county(capsys: pytest.CaptureFixture[str], sites: Sites) -> None:
    hall = sites.at("hall")
    hall_card = sites.root / "hall.json"
    assert run(capsys, "site", "card", "--out", str(hall_card), "--db", hall)[0] == 0
    league = sites.at("league")
    code, out, _ = run(capsys, "site", "init", "--code", "XAM", "--name", "兴安盟政务服务中心（盟级）", "--kind",
                       "league", "--db", league)  # fmt: skip
    assert code == 0
    assert "盟级政务服务中心" in out
    code, _, err = run(capsys, "site", "register", str(hall_card), "--county", "15220", "--db", league)
    assert code != 0
    assert "6 位行政区划代码" in err
    assert run(capsys, "site", "register", str(hall_card), "--county", "152201", "--db", league)[0] == 0
    assert run(capsys, "site", "register", str(hall_card), "--db", league)[0] == 0  # again, without: kept
    code, out, _ = run(capsys, "site", "peers", "--json", "--db", league)
    assert [(p["code"], p["kind"], p["county"]) for p in json.loads(out)] == [("XAM01", "hall", "152201")]


def test_a_card_from_a_site_that_replaced_its_key_names_the_retired_fingerprints(
    capsys: pytest.CaptureFixture[str], sites: Sites
) -> None:
    township = sites.at("township")
    init = ("site", "init", "--code", "ARS01", "--name", TOWNSHIP_NAME, "--kind", "township", "--db", township)
    assert run(capsys, *init)[0] == 0
    card_file = sites.root / "township.json"
    assert run(capsys, "site", "card", "--out", str(card_file), "--db", township)[0] == 0
    old = json.loads(card_file.read_text(encoding="utf-8"))["fingerprint"]
    hall = sites.at("hall")
    assert run(capsys, "site", "register", str(card_file), "--db", hall)[0] == 0

    township = sites.at("township")
    assert run(capsys, "site", "rotate-key", "--db", township)[0] == 0
    assert run(capsys, "site", "card", "--out", str(card_file), "--db", township)[0] == 0
    hall = sites.at("hall")
    code, out, _ = run(capsys, "site", "register", str(card_file), "--db", hall)
    assert code == 0
    assert f"该站点更换过密钥，已停用的旧签名密钥指纹：{old}" in out.splitlines()
    code, out, err = run(capsys, "site", "peers", "--db", hall)
    new = json.loads(card_file.read_text(encoding="utf-8"))["fingerprint"]
    assert (code, err) == (0, "共 1 个对方站点。\n")
    assert new in out
    assert old not in out
