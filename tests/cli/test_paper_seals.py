"""A body with no electronic seal gets paper only, said at set-up and when printing ``--ofd``; with its seal made
(``counter site seal``) its OFD is sealed, and ``counter paper verify`` says who sealed what and when, and says not
once a character is changed."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from counter.cli.main import main
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.host.machine.paths import site_key_path
from counter.seals.store import seals_dir
from tests.cli.test_township_office import TOWNSHIP, db, run
from tests.conftest import REPO, made_database

__all__ = ["db"]

EXAMPLE = REPO / "docs" / "examples" / "intake-xiaocanguan.json"


def _seal_line(err: str) -> str:
    (line,) = [line for line in err.splitlines() if "未设电子印章" in line]
    return line


def test_the_set_up_names_the_bodies_with_no_seal_until_one_is_made(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, _, err = run(capsys, "desk", "--site", "ARX01", "--site-name", TOWNSHIP, "--desk", "1", "--db", db)
    assert code == 0, err
    code, _, err = run(capsys, "site", "init", "--code", "ARX01", "--name", TOWNSHIP, "--kind", "township", "--db", db)
    assert code == 0, err
    assert TOWNSHIP in _seal_line(err)
    assert "只出纸质文书" in _seal_line(err)
    code, out, err = run(capsys, "site", "seal", "--body", TOWNSHIP, "--db", db)
    assert code == 0, err
    assert f"已为{TOWNSHIP}制作电子印章" in out
    code, _, err = run(capsys, "office", "--consult-phone", "0482-7123456", "--db", db)
    assert code == 0, err
    assert TOWNSHIP not in _seal_line(err)  # the departments' papers still go out as paper only


def _changed(package: bytes, case_no: str) -> bytes:
    """The package with one character of its first page changed (the case number's last digit), the rest as it
    was."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "Doc_0/Pages/Page_0/Content.xml":
                assert case_no.encode() in content
                other = case_no[:-1] + ("1" if case_no[-1] != "1" else "2")
                content = content.replace(case_no.encode(), other.encode(), 1)
            target.writestr(name, content)
    return out.getvalue()


def test_an_ofd_is_sealed_once_its_body_has_a_seal_and_verify_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    save_desk_config(DeskConfig(clerk="乌兰"))
    db = made_database(tmp_path / "desk.sqlite3")
    assert main(["case", "take", str(EXAMPLE), "--json", "--db", db]) == 0
    case_no = json.loads(capsys.readouterr().out)["case_no"]
    plain = tmp_path / "plain.ofd"
    code, _, err = run(capsys, "print", case_no, "--doc", "receipt", "--ofd", str(plain), "--db", db)
    assert code == 0, err
    found = re.search(r"本机没有(.+?)的电子印章", err)
    assert found is not None, err  # made, unsealed, and said
    body = found.group(1)
    code, out, _ = run(capsys, "paper", "verify", str(plain))
    assert code == 1
    assert "未加盖电子印章" in out

    assert run(capsys, "site", "seal", "--body", body, "--db", db)[0] == 0
    sealed = tmp_path / "sealed.ofd"
    code, _, err = run(capsys, "print", case_no, "--doc", "receipt", "--ofd", str(sealed), "--db", db)
    assert code == 0, err
    assert f"已加盖{body}的电子印章" in err
    code, out, err = run(capsys, "paper", "verify", str(sealed))
    assert code == 0, out + err
    assert "电子印章有效" in out
    assert f"由{body}于" in out
    code, out, _ = run(capsys, "paper", "verify", str(sealed), "--json")
    assert json.loads(out)["verdict"] == "good"

    changed = tmp_path / "changed.ofd"
    changed.write_bytes(_changed(sealed.read_bytes(), case_no))
    code, out, _ = run(capsys, "paper", "verify", str(changed))
    assert code == 1
    assert "盖章后已被改动" in out
    assert "有 1 页的内容与盖章时不同" in out


def test_a_seal_image_that_is_not_a_png_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = made_database(tmp_path / "desk.sqlite3")
    scan = tmp_path / "seal.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0 a JPEG scan")
    code, _, err = run(capsys, "site", "seal", "--body", TOWNSHIP, "--image", str(scan), "--db", db)
    assert code == 1
    assert "印章图像须是 PNG 图片" in err
    assert not list(seals_dir(site_key_path()).glob("body-*"))  # nothing made


def test_a_reprint_is_the_sealed_file_made_the_first_time(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A seal carries its moment and a signature new at each sealing: the reprint gives back the first file."""
    save_desk_config(DeskConfig(clerk="乌兰"))
    db = made_database(tmp_path / "desk.sqlite3")
    assert main(["case", "take", str(EXAMPLE), "--json", "--db", db]) == 0
    case_no = json.loads(capsys.readouterr().out)["case_no"]
    plain = tmp_path / "plain.ofd"
    _, _, err = run(capsys, "print", case_no, "--doc", "receipt", "--ofd", str(plain), "--db", db)
    found = re.search(r"本机没有(.+?)的电子印章", err)
    assert found is not None, err
    assert run(capsys, "site", "seal", "--body", found.group(1), "--db", db)[0] == 0
    first, again = tmp_path / "first.ofd", tmp_path / "again.ofd"
    for package in (first, again):
        code, _, err = run(capsys, "print", case_no, "--doc", "receipt", "--ofd", str(package), "--db", db)
        assert code == 0, err
    assert again.read_bytes() == first.read_bytes()
    said = []
    for package in (first, again):
        code, out, _ = run(capsys, "paper", "verify", str(package), "--json")
        assert code == 0, out
        said.append(json.loads(out))
    assert said[1]["verdict"] == "good"
    assert said[1] == said[0]  # the same seal time, the same signer
