"""``--out`` writes into a folder that exists: a mistyped path is named, and no folder is made along it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter.cli.main import main
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from tests.conftest import REPO, made_database
from tests.documents.test_ofd import LEAKS, ofd_text, pdf_raw_text
from tests.entrusted import ACTS_OPTION, ENTRUSTMENT, RESTAURANT_ITEMS, by_command

EXAMPLE = REPO / "docs" / "examples" / "intake-xiaocanguan.json"


def test_print_out_into_a_missing_folder_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    save_desk_config(DeskConfig(clerk="乌兰"))  # a desk whose clerk is named: one without takes no intake
    db = made_database(tmp_path / "desk.sqlite3")
    assert main(["case", "take", str(EXAMPLE), "--json", "--db", db]) == 0
    case_no = json.loads(capsys.readouterr().out)["case_no"]
    wrong = tmp_path / "usb" / "回执" / "receipt.pdf"
    assert main(["print", case_no, "--doc", "receipt", "--out", str(wrong), "--db", db]) == 1
    assert f"文件夹 {wrong.parent} 不存在" in capsys.readouterr().err
    assert not (tmp_path / "usb").exists()
    assert main(["print", case_no, "--doc", "receipt", "--out", str(tmp_path / "receipt.pdf"), "--db", db]) == 0
    assert (tmp_path / "receipt.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.slow
def test_notice_and_demo_make_no_folders_above_their_own(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = made_database(tmp_path / "desk.sqlite3")
    assert main(["notice", "008", "--out", str(tmp_path / "a" / "notice.pdf"), "--db", db]) == 1
    assert main(["demo", "--today", "2026-11-20", "--out", str(tmp_path / "b" / "demo")]) == 1
    assert "不存在" in capsys.readouterr().err
    assert not (tmp_path / "a").exists()
    assert not (tmp_path / "b").exists()
    assert main(["demo", "--today", "2026-11-20", "--out", str(tmp_path / "demo")]) == 0  # its own folder: made
    assert any((tmp_path / "demo").glob("*.pdf"))


def test_a_receipt_of_several_issuing_bodies_is_written_a_file_each(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Three departments entrusted the hall: their three 受理凭证, each its own paper (one paper, one body), go to
    FILE.pdf, FILE-2.pdf and FILE-3.pdf; ``--item`` writes one body's alone."""
    save_desk_config(DeskConfig(clerk="乌兰"))
    db = made_database(tmp_path / "desk.sqlite3")
    entrusted = (f"--entrust={code}={ENTRUSTMENT}" for code in by_command(RESTAURANT_ITEMS, db))
    assert main(["site", "authority", ACTS_OPTION, *entrusted, "--db", db]) == 0
    assert main(["office", "--administrative-organ", "yes", "--db", db]) == 0
    capsys.readouterr()
    assert main(["case", "take", str(EXAMPLE), "--json", "--db", db]) == 0
    case_no = json.loads(capsys.readouterr().out)["case_no"]
    out = tmp_path / "papers" / "receipt.pdf"
    out.parent.mkdir()
    assert main(["print", case_no, "--doc", "receipt", "--out", str(out), "--db", db]) == 0
    written = sorted(path.name for path in out.parent.iterdir())
    assert written == ["receipt-2.pdf", "receipt-3.pdf", "receipt.pdf"]
    printed = capsys.readouterr().out.split()
    assert len({line for line in printed if line.startswith("XAM01-")}) == 3  # three numbers, one per paper
    one = tmp_path / "one.pdf"
    signboard = RESTAURANT_ITEMS[2]  # 户外招牌设置审批: the 城管局's, the second body in the guide's order
    assert main(["print", case_no, "--doc", "receipt", "--item", signboard, "--out", str(one), "--db", db]) == 0
    assert one.read_bytes() == (out.parent / "receipt-2.pdf").read_bytes()  # its paper, reprinted as made


def test_a_notice_going_nowhere_is_misuse_and_takes_no_number(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Without ``--out`` or ``--printer`` a 一次性告知单 would take its number and be recorded as issued, yet reach
    nobody: it is refused, as ``print`` refuses it, and the next notice takes the number it would have taken."""
    first_numbers = []
    for name, nowhere_first in (("a", True), ("b", False)):
        db = made_database(tmp_path / f"{name}.sqlite3")
        if nowhere_first:
            assert main(["notice", "008", "--db", db]) == 2
            assert "--out" in capsys.readouterr().err
        capsys.readouterr()
        assert main(["notice", "008", "--out", str(tmp_path / f"{name}.pdf"), "--db", db]) == 0
        first_numbers.append(capsys.readouterr().out.split("\t")[0])
    assert first_numbers[0] == first_numbers[1]


@LEAKS
def test_a_paper_is_also_written_as_an_ofd_that_another_reader_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``print --ofd``: the same receipt as an OFD package (GB/T 33190), read back by easyofd with the PDF's words;
    a reprint's OFD is the first one's bytes."""
    save_desk_config(DeskConfig(clerk="乌兰"))
    db = made_database(tmp_path / "desk.sqlite3")
    assert main(["case", "take", str(EXAMPLE), "--json", "--db", db]) == 0
    case_no = json.loads(capsys.readouterr().out)["case_no"]
    pdf, ofd = tmp_path / "receipt.pdf", tmp_path / "receipt.ofd"
    assert main(["print", case_no, "--doc", "receipt", "--out", str(pdf), "--ofd", str(ofd), "--db", db]) == 0
    assert str(ofd) in capsys.readouterr().out
    first = ofd.read_bytes()
    read = ofd_text(first, tmp_path, monkeypatch)
    assert case_no in read
    (tmp_path / "pdf").mkdir()
    assert read == pdf_raw_text(pdf.read_bytes(), tmp_path / "pdf")
    again = tmp_path / "again.ofd"
    assert main(["print", case_no, "--doc", "receipt", "--ofd", str(again), "--db", db]) == 0  # the OFD alone
    assert again.read_bytes() == first
