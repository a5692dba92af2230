"""A body's seal taken from the province's 电子印章 system (``counter site seal --province``) against a local stub
that keeps the key: the paper it signs verifies with ``counter paper verify`` (the same check the papers are held
to before they are kept); a silent province, a signature over another digest and a seal of a maker the site does
not trust are each said in Chinese, and the paper is printed as ever, its OFD unsealed, nothing lost."""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.cli.main import main
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.host.machine.paths import site_key_path
from counter.seals.store import seals_dir
from tests.cli.test_paper_seals import EXAMPLE
from tests.cli.test_township_office import run
from tests.conftest import made_database
from tests.province_seals_stub import (
    ACCOUNT,
    CREDIT_CODE,
    MALFORMED,
    OTHER_DIGEST,
    SEAL_CODE,
    SECRET,
    SILENT,
    Province,
    running_province,
)


@pytest.fixture
def hall(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, str, str]:
    """A desk's database with one case taken: the database, the case's number, the body its receipt is sealed by."""
    save_desk_config(DeskConfig(clerk="乌兰"))
    db = made_database(tmp_path / "desk.sqlite3")
    assert main(["case", "take", str(EXAMPLE), "--json", "--db", db]) == 0
    case_no = json.loads(capsys.readouterr().out)["case_no"]
    _, _, err = run(capsys, "print", case_no, "--doc", "receipt", "--ofd", str(tmp_path / "plain.ofd"), "--db", db)
    found = re.search(r"本机没有(.+?)的电子印章", err)
    assert found is not None, err
    return db, case_no, found.group(1)


@pytest.fixture
def province(hall: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Province]:
    monkeypatch.setenv("COUNTER_SEAL_SECRET", SECRET)
    with running_province(hall[2]) as running:
        yield running


def _anchor(capsys: pytest.CaptureFixture[str], db: str, province: Province) -> None:
    """The site's administrator registers the province's seal maker as a trust anchor, by command, from the PEM file
    the province hands out."""
    pem = Path(db.removeprefix("sqlite:///")).parent / "province-ca.pem"
    body = base64.encodebytes(province.maker).decode("ascii")
    pem.write_text(f"-----BEGIN CERTIFICATE-----\n{body}-----END CERTIFICATE-----\n", encoding="ascii")
    code, out, err = run(capsys, "site", "seal-anchor", "--add", str(pem), "--db", db)
    assert code == 0, err
    assert "SHA-256 指纹：" in out


def _take(capsys: pytest.CaptureFixture[str], db: str, body: str, province: Province) -> tuple[int, str, str]:
    return run(
        capsys, "site", "seal", "--body", body, "--province", CREDIT_CODE, "--endpoint", province.url,
        "--account", ACCOUNT, "--secret-from-env", "--timeout", "1", "--db", db,
    )  # fmt: skip


def _print(capsys: pytest.CaptureFixture[str], db: str, case_no: str, folder: Path, name: str) -> tuple[Path, str]:
    paper, package = folder / f"{name}.pdf", folder / f"{name}.ofd"
    code, _, err = run(
        capsys, "print", case_no, "--doc", "receipt", "--out", str(paper), "--ofd", str(package), "--db", db
    )
    assert code == 0, err
    assert paper.read_bytes().startswith(b"%PDF")  # the paper itself, whatever the seal
    return package, err


def test_a_paper_signed_by_the_province_verifies_and_no_key_is_here(
    capsys: pytest.CaptureFixture[str], hall: tuple[str, str, str], province: Province, tmp_path: Path
) -> None:
    db, case_no, body = hall
    _anchor(capsys, db, province)
    code, out, err = _take(capsys, db, body, province)
    assert code == 0, err
    assert f"已从省电子印章系统取用{body}的电子印章" in out
    assert province.asked[0] == ("seal", {"request_id": province.asked[0][1]["request_id"], "credit_code": CREDIT_CODE})
    assert not list(seals_dir(site_key_path()).glob("body-*.key"))  # the key stays at the province

    package, err = _print(capsys, db, case_no, tmp_path, "sealed")
    assert f"已加盖{body}的电子印章" in err
    assert province.asked[-1][0] == "sign"
    assert province.asked[-1][1]["seal_code"] == SEAL_CODE
    assert province.bad_signatures == 0
    code, out, err = run(capsys, "paper", "verify", str(package))
    assert code == 0, out + err
    assert "电子印章有效" in out
    assert f"由{body}于" in out


def test_a_silent_province_leaves_the_paper_printed_and_its_ofd_unsealed_until_the_next_print(
    capsys: pytest.CaptureFixture[str], hall: tuple[str, str, str], province: Province, tmp_path: Path
) -> None:
    db, case_no, body = hall
    _anchor(capsys, db, province)
    assert _take(capsys, db, body, province)[0] == 0
    province.mode = SILENT
    started = time.monotonic()
    package, err = _print(capsys, db, case_no, tmp_path, "silent")
    assert time.monotonic() - started < 10  # the settings' one second, not the province's silence
    assert "省电子印章系统没有按时应答" in err
    assert f"未加盖{body}的电子印章" in err
    assert "未加盖电子印章" in run(capsys, "paper", "verify", str(package))[1]

    province.mode = "good"  # nothing of the failure was kept: the next print asks again, and is sealed
    package, err = _print(capsys, db, case_no, tmp_path, "again")
    assert f"已加盖{body}的电子印章" in err
    assert run(capsys, "paper", "verify", str(package))[0] == 0


def test_a_signature_over_another_digest_is_refused_before_it_is_kept(
    capsys: pytest.CaptureFixture[str], hall: tuple[str, str, str], province: Province, tmp_path: Path
) -> None:
    db, case_no, body = hall
    _anchor(capsys, db, province)
    assert _take(capsys, db, body, province)[0] == 0
    for mode, why in ((OTHER_DIGEST, "与本单位、本文书不符"), (MALFORMED, "应答无法识别")):
        province.mode = mode
        package, err = _print(capsys, db, case_no, tmp_path, mode)
        assert why in err, mode
        assert f"未加盖{body}的电子印章" in err, mode
        assert "未加盖电子印章" in run(capsys, "paper", "verify", str(package))[1], mode


def test_a_seal_whose_maker_the_site_does_not_trust_is_not_taken(
    capsys: pytest.CaptureFixture[str], hall: tuple[str, str, str], province: Province
) -> None:
    db, _case_no, body = hall  # the province's maker never registered as an anchor
    code, _, err = _take(capsys, db, body, province)
    assert code == 1
    assert f"未能从省电子印章系统取用{body}的电子印章" in err
    assert "不是本站点信任的制章机构制作的" in err
    assert not list(seals_dir(site_key_path()).glob("body-*"))  # nothing kept


def test_a_silent_province_gives_no_seal_and_keeps_nothing(
    capsys: pytest.CaptureFixture[str], hall: tuple[str, str, str], province: Province
) -> None:
    db, _case_no, body = hall
    _anchor(capsys, db, province)
    province.mode = SILENT
    code, _, err = _take(capsys, db, body, province)
    assert code == 1
    assert "省电子印章系统没有按时应答" in err
    assert not list(seals_dir(site_key_path()).glob("body-*"))


def test_a_seal_made_here_later_replaces_the_province_s_and_signs_here(
    capsys: pytest.CaptureFixture[str], hall: tuple[str, str, str], province: Province, tmp_path: Path
) -> None:
    db, case_no, body = hall
    _anchor(capsys, db, province)
    assert _take(capsys, db, body, province)[0] == 0
    assert list(seals_dir(site_key_path()).glob("body-*.province"))
    assert run(capsys, "site", "seal", "--body", body, "--db", db)[0] == 0
    assert not list(seals_dir(site_key_path()).glob("body-*.province"))
    asked = len(province.asked)
    package, err = _print(capsys, db, case_no, tmp_path, "here")
    assert f"已加盖{body}的电子印章" in err
    assert len(province.asked) == asked  # signed with the key made here: the province not asked
    assert run(capsys, "paper", "verify", str(package))[0] == 0


def test_the_province_s_settings_are_kept_the_secret_in_its_own_file_and_bad_ones_refused(
    capsys: pytest.CaptureFixture[str], hall: tuple[str, str, str], province: Province, tmp_path: Path
) -> None:
    db, _case_no, body = hall
    _anchor(capsys, db, province)
    assert _take(capsys, db, body, province)[0] == 0
    secret = site_key_path().parent / "seal-province.secret"
    assert secret.read_text(encoding="utf-8") == SECRET
    assert secret.stat().st_mode & 0o777 == 0o600
    assert SECRET.encode() not in Path(db.removeprefix("sqlite:///")).read_bytes()
    code, _, err = run(capsys, "site", "seal", "--body", body, "--province", SEAL_CODE, "--db", db)
    assert code == 0, err  # the endpoint, account and timeout stored: by the seal's code this time
    assert province.asked[-1][1]["seal_code"] == SEAL_CODE
    code, _, err = run(
        capsys, "site", "seal", "--body", body, "--province", SEAL_CODE, "--endpoint", "http://eseal.example/api",
        "--timeout", "90", "--db", db,
    )  # fmt: skip
    assert code == 1
    assert "须以 https:// 开头" in err
    assert "超时秒数须在 1 到 30 之间" in err
