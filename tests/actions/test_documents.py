"""Notices through the actions: numbered once, the same paper on every reprint, every print on record."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.documents import (
    make_document,
    make_guide_notice,
    office_settings,
    record_print,
    save_office_settings,
)
from counter.actions.site.demo import run_demo
from counter.case.not_found import CaseNotFound
from counter.case.numbers import DOC_NO_MAX, DeskIdentity
from counter.cli.main import main
from counter.db import models
from counter.db.case_page_reads import case_page_reads
from counter.db.case_store import case_view
from counter.documents.kinds import DocumentKind
from counter.documents.made import MadeDocument, PrintNotMade
from counter.documents.model import DocumentNotPossible
from tests.actions.conftest import TODAY
from tests.cups_server import Cups


@pytest.fixture
def cases(sessions: sessionmaker[Session], desk: Desk) -> dict[str, str]:
    return {c.label: c.case_no for c in run_demo(sessions, desk, TODAY)}


def make(
    sessions: sessionmaker[Session], desk: Desk, case_no: str, kind: DocumentKind, day: dt.date = TODAY
) -> MadeDocument:
    with sessions.begin() as s:
        return make_document(s, desk, case_no, kind, day)


def test_a_reprint_months_later_is_the_same_paper(
    sessions: sessionmaker[Session], desk: Desk, cases: dict[str, str]
) -> None:
    first = make(sessions, desk, cases["受理"], DocumentKind.RECEIPT)
    assert not first.reprint
    assert len(first.doc_no) <= DOC_NO_MAX
    assert first.pdf.startswith(b"%PDF")
    # the office moves and renames itself; a reprint in spring still says what the paper said
    with sessions.begin() as s:
        moved = dataclasses.replace(office_settings(s, "XAM01"), office_name="兴安盟政务服务中心（新址）")
        save_office_settings(s, "XAM01", moved)
    later = make(sessions, desk, cases["受理"], DocumentKind.RECEIPT, TODAY.replace(year=2027, month=3))
    assert later.reprint
    assert (later.doc_no, later.content_hash, later.pdf) == (first.doc_no, first.content_hash, first.pdf)
    # a new notice is made under the new settings
    fresh = make(sessions, desk, cases["撤回申请"], DocumentKind.REFUSAL)
    with sessions() as s:
        record = s.get(models.DocumentRecord, fresh.document_id)
        assert record is not None
        assert json.loads(record.office)["office_name"] == "兴安盟政务服务中心（新址）"


def test_a_correction_notice_issued_in_time_reprints_after_its_five_working_days(
    sessions: sessionmaker[Session], desk: Desk, cases: dict[str, str]
) -> None:
    """The five working days bound the issue of a 补齐补正通知书, never a copy of one issued within them."""
    number = cases["补正（委托代理人办理）"]
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.notify_due is not None
    first = make(sessions, desk, number, DocumentKind.CORRECTION)
    late = view.notify_due + dt.timedelta(days=30)
    again = make(sessions, desk, number, DocumentKind.CORRECTION, late)
    assert again.reprint
    assert (again.doc_no, again.pdf) == (first.doc_no, first.pdf)  # the paper as issued, its date too


def test_numbers_are_unique_and_the_pledge_has_its_own_series(
    sessions: sessionmaker[Session], desk: Desk, cases: dict[str, str]
) -> None:
    deferral = make(sessions, desk, cases["容缺受理"], DocumentKind.DEFERRAL)
    pledge = make(sessions, desk, cases["容缺受理"], DocumentKind.PLEDGE)
    receipt = make(sessions, desk, cases["容缺受理"], DocumentKind.RECEIPT)
    correction = make(sessions, desk, cases["补正（委托代理人办理）"], DocumentKind.CORRECTION)
    assert len({deferral.doc_no, pledge.doc_no, receipt.doc_no, correction.doc_no}) == 4
    assert pledge.doc_no.split("-")[2] == "C"  # the pledge's own letter, not the deferral notice's R
    assert deferral.doc_no.split("-")[2] == "R"
    with sessions() as s:
        page = case_page_reads(s, cases["容缺受理"])
        assert page is not None
        assert [line.kind for line in page.documents] == ["deferral", "pledge", "receipt"]


def test_a_notice_that_does_not_fit_the_case_is_refused_with_every_reason(
    sessions: sessionmaker[Session], desk: Desk, cases: dict[str, str]
) -> None:
    with pytest.raises(DocumentNotPossible) as caught:
        make(sessions, desk, cases["撤回申请"], DocumentKind.RECEIPT)
    assert caught.value.problems
    with pytest.raises(CaseNotFound):
        make(sessions, desk, "XAM01-20990101-01-0001", DocumentKind.RECEIPT)
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(models.DocumentRecord)) == 0


def test_every_print_is_recorded_also_a_failed_one(
    sessions: sessionmaker[Session], desk: Desk, cases: dict[str, str]
) -> None:
    made = make(sessions, desk, cases["受理"], DocumentKind.RECEIPT)
    with sessions.begin() as s:
        record_print(s, desk, made, "printer:desk8", ok=False, error="printer_stopped")
        record_print(s, desk, made, "printer:desk8", ok=True)
    with sessions() as s:
        page = case_page_reads(s, cases["受理"])
        assert page is not None
        (line,) = page.documents
        prints = s.scalars(select(models.PrintRecord).order_by(models.PrintRecord.id)).all()
    assert (line.prints, line.failed_prints) == (2, 1)
    assert [(p.ok, p.clerk, p.desk_no, p.content_hash) for p in prints] == [
        (False, "乌兰", "8", made.content_hash),
        (True, "乌兰", "8", made.content_hash),
    ]


def test_a_print_is_recorded_only_of_a_paper_this_desk_made_as_it_made_it(
    sessions: sessionmaker[Session], desk: Desk, cases: dict[str, str]
) -> None:
    """Another desk (or a second clerk at it) records no print of desk 8's receipt, nor desk 8 one of bytes never
    made (a zero hash); a reprint desk 3 makes is desk 3's to record."""
    made = make(sessions, desk, cases["受理"], DocumentKind.RECEIPT)
    other = dataclasses.replace(desk, identity=DeskIdentity(desk.identity.site_code, "3"), clerk="萨茹拉")
    forged = (
        (other, made),
        (dataclasses.replace(desk, clerk="萨茹拉"), made),
        (desk, dataclasses.replace(made, content_hash="0" * 64)),
    )
    for at, paper in forged:
        with pytest.raises(PrintNotMade), sessions.begin() as s:
            record_print(s, at, paper, "printer:desk8", ok=True)
    with sessions() as s:
        assert s.scalars(select(models.PrintRecord)).all() == []
    again = make(sessions, other, cases["受理"], DocumentKind.RECEIPT)  # desk 3 reprints it for the applicant
    with sessions.begin() as s:
        record_print(s, other, again, "printer:desk3", ok=True)
    with sessions.begin() as s:
        notice = make_guide_notice(s, desk, "XAM-YJS-008", TODAY)
    with pytest.raises(PrintNotMade), sessions.begin() as s:
        record_print(s, other, notice, "printer:desk3", ok=True)


def test_guide_notice_for_someone_who_only_asks(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions.begin() as s:
        notice = make_guide_notice(s, desk, "XAM-YJS-008", TODAY)
    assert notice.kind is DocumentKind.GUIDE_NOTICE
    assert "-G-" in notice.doc_no
    assert notice.pdf.startswith(b"%PDF")


@pytest.mark.slow
def test_print_command_writes_the_file_and_sends_to_a_real_queue(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, cups: Cups, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    assert main(["demo", "--out", str(tmp_path / "demo"), "--today", "2026-11-20", "--db", db]) == 0
    case_no = capsys.readouterr().out.splitlines()[0].split("\t")[0]
    out = tmp_path / "reprint.pdf"
    assert main(["print", case_no, "--doc", "receipt", "--out", str(out), "--db", db]) == 0
    assert out.read_bytes() == (tmp_path / "demo" / f"{case_no}-receipt.pdf").read_bytes()
    folder = cups.add_queue("cli-desk")
    monkeypatch.setenv("CUPS_SERVER", cups.env["CUPS_SERVER"])
    assert main(["print", case_no, "--doc", "receipt", "--printer", "cli-desk", "--db", db]) == 0
    assert cups.wait_for_job(folder) == out.read_bytes()
    cups.run("cupsdisable", "cli-desk")
    capsys.readouterr()
    assert main(["print", case_no, "--doc", "receipt", "--printer", "cli-desk", "--db", db]) == 1
    err = capsys.readouterr().err
    assert "已停止或未开机" in err
    assert "可随时重新打印" in err
    assert main(["print", case_no, "--doc", "denial", "--out", str(out), "--db", db]) == 1
