"""The command line, as a clerk meets a provisional date: `counter demo` on 2026-12-28, `counter holidays import` of
next year's arrangement, the same intake again.  The receipt's line goes, the old case's stays.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.cli.main import main
from counter.documents.words import DOC_PROVISIONAL_DATES
from tests.actions.test_provisional_dates import NOTICE_2027
from tests.documents.pdf_tools import pdf_text

PROVISIONAL = "".join(DOC_PROVISIONAL_DATES.split())
TAKEN = "XAM01-20261228-01-0001"  # the demo's first case: 受理, XAM-YJS-008, promised in 5 working days


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, _ = capsys.readouterr()
    return code, out


@pytest.mark.slow
def test_an_import_removes_the_mark_from_new_cases_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert run(capsys, "demo", "--out", str(tmp_path / "before"), "--today", "2026-12-28", "--db", db)[0] == 0
    receipt = pdf_text(tmp_path / "before" / f"{TAKEN}-receipt.pdf")
    assert "2027年1月5日前办结" in receipt
    assert PROVISIONAL in receipt

    schedule = tmp_path / "2027.txt"
    schedule.write_text(NOTICE_2027, encoding="utf-8")
    assert run(capsys, "holidays", "import", str(schedule), "--year", "2027", "--db", db)[0] == 0

    assert run(capsys, "demo", "--out", str(tmp_path / "after"), "--today", "2026-12-28", "--db", db)[0] == 0
    first_after = "XAM01-20261228-01-0007"  # numbers go on from the first run's six cases
    receipt = pdf_text(tmp_path / "after" / f"{first_after}-receipt.pdf")
    assert "2027年1月5日前办结" in receipt
    assert PROVISIONAL not in receipt
    code, shown = run(capsys, "case", "show", first_after, "--db", db)
    assert code == 0
    assert "暂定" not in shown

    code, shown = run(capsys, "case", "show", TAKEN, "--db", db)
    assert code == 0
    assert "注意：期限为暂定日期" in shown  # what the case was taken with, as its paper says


def test_printing_a_paper_with_provisional_dates_tells_the_clerk_to_check_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``counter print`` of the receipt whose promised day lies in a year without its published arrangement: the
    paper carries its line, and the clerk at the terminal is told the same, beside the document's number."""
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert run(capsys, "demo", "--out", str(tmp_path / "demo"), "--today", "2026-12-28", "--db", db)[0] == 0
    out_pdf = tmp_path / "receipt.pdf"
    code = main(["print", TAKEN, "--doc", "receipt", "--out", str(out_pdf), "--today", "2026-12-28", "--db", db])
    out, err = capsys.readouterr()
    assert code == 0
    assert out.strip()  # the document's number
    assert "注意：文书上的日期为暂定日期，按法定节假日推算，已注明以国务院办公厅公布的安排为准。" in err
    assert PROVISIONAL in pdf_text(out_pdf)
