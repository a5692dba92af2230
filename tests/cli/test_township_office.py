"""A township set up from the command line, as the install guide sets one up, heads its papers with its own name.

``counter desk --site``, ``counter site init`` and ``counter office --seal-caption …`` never name the office: the
office is the site's, named by it, unless someone names it otherwise (``--office-name``).  Its receipt, 补正 notice
and 一次性告知单, read back with ``pdftotext``, name the township and never the league hall, whose name is the
program's default.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from counter.cli.main import main
from counter.documents.data import OfficeSettings
from tests.conftest import REPO, made_database
from tests.pg_server import BACKENDS, CATALOG

EXAMPLES = REPO / "docs" / "examples"
TOWNSHIP = "阿尔山市白狼镇便民服务中心"
HALL = OfficeSettings().office_name  # 兴安盟政务服务中心: what every site printed before its office was named
DAY = "2026-11-20"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new database with the bundled catalog, on the backend under test."""
    if request.param == "postgresql":
        url: str = request.getfixturevalue("fresh_pg").url(CATALOG)
        return url
    return made_database(tmp_path / "township.sqlite3")


def set_up_as_the_guide_says(capsys: pytest.CaptureFixture[str], db: str) -> None:
    """docs/install-and-operations.md, 八、乡镇同步: the desk, the site, its office with its own 复议 body (a township
    prints nothing while it is the hall's); the name given to none of them."""
    steps = (
        ("desk", "--site", "ARX01", "--site-name", TOWNSHIP, "--desk", "1", "--clerk", "其木格"),
        ("site", "init", "--code", "ARX01", "--name", TOWNSHIP, "--kind", "township"),
        ("office", "--seal-caption", "阿尔山市白狼镇人民政府便民服务专用章", "--address", "阿尔山市白狼镇政府院内一楼",
         "--hours", "星期一至星期五 08:30-12:00 14:30-17:30", "--consult-phone", "0482-7123456",
         "--complaint-phone", "12345", "--review-body", "阿尔山市人民政府"),
    )  # fmt: skip
    for step in steps:
        code, _, err = run(capsys, *step, "--db", db)
        assert (code, step) == (0, step), err


def pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(text.split())


def case_paper(capsys: pytest.CaptureFixture[str], db: str, example: str, doc: str, out: Path) -> str:
    """The text of the paper ``doc`` of a case taken from ``example`` at the township."""
    code, taken, err = run(capsys, "--db", db, "--today", DAY, "case", "take", str(EXAMPLES / example), "--json")
    assert code == 0, err
    case_no = json.loads(taken)["case_no"]
    assert case_no.startswith("ARX01-")
    code, _, err = run(capsys, "--db", db, "--today", DAY, "print", case_no, "--doc", doc, "--out", str(out))
    assert code == 0, err
    return pdf_text(out)


@pytest.mark.slow
def test_a_township_set_up_as_the_guide_says_prints_its_own_name(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    set_up_as_the_guide_says(capsys, db)
    code, out, _ = run(capsys, "office", "--json", "--db", db)
    assert code == 0
    assert json.loads(out)["office_name"] == TOWNSHIP

    receipt = case_paper(capsys, db, "intake-xiaocanguan.json", "receipt", tmp_path / "receipt.pdf")
    correction = case_paper(capsys, db, "intake-xiaocanguan-correction.json", "correction", tmp_path / "bz.pdf")
    assert run(capsys, "--db", db, "--today", DAY, "notice", "008", "--out", str(tmp_path / "notice.pdf"))[0] == 0
    notice = pdf_text(tmp_path / "notice.pdf")
    for paper in (receipt, correction, notice):
        assert TOWNSHIP in paper
        assert HALL not in paper
    assert "受理凭证" in receipt or "收件凭证" in receipt
    assert "（阿尔山市白狼镇人民政府便民服务专用章）" in receipt  # its own seal's caption, never the hall's
    assert "政务服务中心政务服务专用章" not in receipt
    assert "补正" in correction


def test_an_office_named_otherwise_keeps_its_name_and_a_renamed_site_renames_the_rest(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    """``--office-name`` names the office otherwise, whatever the site is called later; an office never named
    follows the site's name when the site is renamed."""
    set_up_as_the_guide_says(capsys, db)
    renamed = "阿尔山市白狼镇政务服务站"
    assert run(capsys, "site", "init", "--code", "ARX01", "--name", renamed, "--kind", "township", "--db", db)[0] == 0
    code, out, _ = run(capsys, "office", "--json", "--db", db)
    assert (code, json.loads(out)["office_name"]) == (0, renamed)
    full = "阿尔山市白狼镇人民政府便民服务中心"
    assert run(capsys, "office", "--office-name", full, "--db", db)[0] == 0
    assert run(capsys, "site", "init", "--code", "ARX01", "--name", TOWNSHIP, "--kind", "township", "--db", db)[0] == 0
    code, out, _ = run(capsys, "office", "--json", "--db", db)
    assert (code, json.loads(out)["office_name"]) == (0, full)
