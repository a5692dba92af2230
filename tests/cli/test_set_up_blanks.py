"""``counter site init`` and ``counter office`` say what the papers would print blank: no progress QR code until the
site sets its progress page, and each department whose papers would leave 承办人 and phone to be filled in by hand."""

from __future__ import annotations

import pytest

from counter.words.office import OFFICE_NO_PROGRESS_PAGE
from tests.cli.test_township_office import TOWNSHIP, db, run

__all__ = ["db"]


def test_the_set_up_names_the_progress_page_and_the_departments_with_no_contact(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, _, err = run(capsys, "desk", "--site", "ARX01", "--site-name", TOWNSHIP, "--desk", "1", "--db", db)
    assert code == 0, err
    code, _, err = run(capsys, "site", "init", "--code", "ARX01", "--name", TOWNSHIP, "--kind", "township", "--db", db)
    assert code == 0, err
    assert OFFICE_NO_PROGRESS_PAGE in err
    assert "未登记承办人或电话" in err
    assert "乌兰浩特市市场监督管理局" in err  # a department of the shipped catalog, by the name its papers print
    contacts = "乌兰浩特市市场监督管理局=王敏|0482-8100001"
    code, _, err = run(
        capsys, "office", "--progress-url-base", "https://progress.example.test/p?case=",
        "--department-contacts", contacts, "--db", db,
    )  # fmt: skip
    assert code == 0, err
    assert OFFICE_NO_PROGRESS_PAGE not in err
    (contacts_line,) = [line for line in err.splitlines() if "未登记承办人或电话" in line]  # the others still
    assert "乌兰浩特市市场监督管理局" not in contacts_line
