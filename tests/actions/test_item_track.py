"""The items a site only received, read from the office snapshot its receipt was printed under."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.office import stored_office_settings
from counter.actions.cases.item_steps import item_standings
from counter.db import models
from counter.documents.model import OfficeSettings
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request, take


@pytest.mark.parametrize("raw", ["[]", "1", '"兴安盟政务服务中心"', "null", "{not json", ""])
def test_a_receipts_office_snapshot_that_is_no_object_is_read_as_none_kept(
    sessions: sessionmaker[Session], desk: Desk, raw: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A receipt's record carried in a township's package with a snapshot that is not the object this program
    writes: the case's items are tracked as with no receipt, and its page opens, where it raised before."""
    number = take(sessions, desk, full_request(sessions))
    with sessions() as s:
        before = item_standings(s, number, TODAY)
    with sessions.begin() as s:
        case_id = s.scalars(select(models.Case.id).where(models.Case.case_no == number)).one()
        s.add(models.DocumentRecord(
            doc_no="SJ-0001", case_id=case_id, kind="receipt", issued_on=TODAY, site_code="XAM01", desk_no="8",
            clerk="乌兰", office=raw, content_hash="0" * 64,
        ))  # fmt: skip
    with sessions() as s, caplog.at_level(logging.WARNING):
        assert item_standings(s, number, TODAY) == before
    assert f"case {number}: its receipt's kept settings unreadable; the site's own used" in caplog.text


@pytest.mark.parametrize("raw", ["[]", "1", '"x"', "null", "{not json"])
def test_office_settings_that_are_no_object_give_the_defaults_and_say_so(
    raw: str, caplog: pytest.LogCaptureFixture
) -> None:
    assert stored_office_settings(raw, "XAM01") == OfficeSettings()
    assert "office settings of XAM01 unreadable; defaults used" in caplog.text
