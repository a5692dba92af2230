"""The items a site only received, read from the office snapshot its receipt was printed under."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.office import stored_office_settings
from counter.actions.cases.case_reads import case_rows
from counter.actions.cases.case_view import read_case
from counter.actions.cases.documents import make_document
from counter.actions.cases.item_steps import item_standings
from counter.db import models
from counter.documents.kinds import DocumentKind
from counter.documents.model import OfficeSettings
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request, take


@pytest.mark.parametrize("raw", ["[]", "1", '"兴安盟政务服务中心"', "null", "{not json", ""])
def test_a_receipts_office_snapshot_that_is_no_object_is_read_as_none_kept(
    sessions: sessionmaker[Session], desk: Desk, raw: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A receipt's record carried in a township's package with a snapshot that is not the object this program
    writes: the case's items are tracked as with no receipt, its page opens and the case list shows it, where each
    raised before."""
    number = take(sessions, desk, full_request(sessions))
    with sessions() as s:
        before = item_standings(s, number, TODAY)
        page_before = read_case(s, number, TODAY)
    with sessions.begin() as s:
        case_id = s.scalars(select(models.Case.id).where(models.Case.case_no == number)).one()
        s.add(models.DocumentRecord(
            doc_no="SJ-0001", case_id=case_id, kind="receipt", issued_on=TODAY, site_code="XAM01", desk_no="8",
            clerk="乌兰", office=raw, content_hash="0" * 64,
        ))  # fmt: skip
    with sessions() as s, caplog.at_level(logging.WARNING):
        assert item_standings(s, number, TODAY) == before
        page = read_case(s, number, TODAY)
        assert page is not None
        assert page_before is not None
        assert page.notices is not None
        assert page_before.notices is not None
        assert (page.items, page.notices.titles) == (page_before.items, page_before.notices.titles)
        assert [line.doc_no for line in page.notices.lines] == ["SJ-0001"]
        assert [r.case_no for r in case_rows(s, TODAY)] == [number]
    with sessions.begin() as s:  # its reprint: under the site's settings now, its number kept
        made = make_document(s, desk, number, DocumentKind.RECEIPT, TODAY)
    assert made.doc_no == "SJ-0001"
    assert made.pdf.startswith(b"%PDF")
    assert f"case {number}: its receipt's kept settings unreadable; the site's own used" in caplog.text


@pytest.mark.parametrize("raw", ["[]", "1", '"x"', "null", "{not json"])
def test_office_settings_that_are_no_object_give_the_defaults_and_say_so(
    raw: str, caplog: pytest.LogCaptureFixture
) -> None:
    assert stored_office_settings(raw, "XAM01") == OfficeSettings()
    assert "office settings of XAM01 unreadable; defaults used" in caplog.text
