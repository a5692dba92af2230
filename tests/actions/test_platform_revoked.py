"""A licence revoked on a promise found false (行政许可法 第六十九条第二款) is withdrawn from the platform's 证照库
(电子证照作废) with the revocation's day and what the check found, as a voided case's is; one revoked before it left
is never reported.

On both databases, against a real HTTPS server playing the platform with its own CA (:mod:`tests.platform_stub`).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.case.decisions import item_note
from counter.case.status import CaseEvent
from counter.db import models
from counter.db.platform_store import queue_from_record
from counter.platform.events import PlatformKind
from counter.sync.records import CaseRecord
from tests.actions.test_notice_pledges import FIRE
from tests.actions.test_platform import configure, events
from tests.actions.test_platform_case import Sender
from tests.actions.test_platform_licence import held_of_kind
from tests.actions.test_revoked_licences import CHECKED, FINDING, granted_then_revoked, revoked
from tests.platform_stub import running_platform


def test_a_licence_sent_then_revoked_is_withdrawn_with_the_revocations_day_and_finding(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        sender = Sender(sessions, keys)
        case_no, supervisor = granted_then_revoked(sessions, desk, revoke=False)
        assert sender.due_now().failed == 0  # the 消防 licence is on the platform
        assert [e.state for e in events(sessions) if e.kind == PlatformKind.LICENCE_ISSUED.value] == ["sent"]
        revoked(sessions, supervisor, case_no)
        withdrawn = [e for e in events(sessions) if e.kind == PlatformKind.LICENCE_VOIDED.value]
        assert [(e.item_code, e.state) for e in withdrawn] == [(FIRE, "waiting")]
        assert sender.due_now().failed == 0
    held = held_of_kind(platform, PlatformKind.LICENCE_VOIDED)
    assert (held["projid"], held["licence_item_code"]) == (case_no, FIRE)
    assert (held["void_date"], held["void_reason"]) == (CHECKED.isoformat(), FINDING)


def test_a_licence_revoked_before_it_left_is_never_reported(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        granted_then_revoked(sessions, desk)  # granted and revoked before the sender ran
        Sender(sessions, keys).due_now()
    assert not [r for r in platform.requests if r["event_type"] == "电子证照"]
    assert not [e for e in events(sessions) if e.kind == PlatformKind.LICENCE_VOIDED.value]  # nothing to withdraw
    (withheld,) = (e for e in events(sessions) if e.kind == PlatformKind.LICENCE_ISSUED.value)
    assert withheld.state == "failed"
    assert "revoked" in withheld.last_error
    assert json.loads(withheld.detail)["note"].startswith(FIRE)


def test_a_townships_revocation_taken_in_at_the_hall_withdraws_the_licence_the_platform_holds(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """A township's package carries its body's revocation (its lines, under its keys): the hall queues the licence's
    withdrawal as it does a voiding's, with what the check found."""
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        case_no, _ = granted_then_revoked(sessions, desk, revoke=False)
        assert Sender(sessions, keys).due_now().failed == 0  # the 消防 licence is on the platform
        with sessions() as s:
            case = s.scalars(select(models.Case).where(models.Case.case_no == case_no)).one()
            case_id, uid = case.id, case.uid
        at = dt.datetime.combine(CHECKED, dt.time(2), dt.UTC)
        revocation = SimpleNamespace(event=CaseEvent.ITEM_REVOKED.value, note=item_note(FIRE, FINDING), at=at)
        record = cast(CaseRecord, SimpleNamespace(uid=uid, history=[revocation], ratings=[]))
        with sessions.begin() as s:
            assert queue_from_record(s, case_id, record) == 1
        with sessions.begin() as s:
            assert queue_from_record(s, case_id, record) == 0  # the next package carries it again: queued once
    [withdrawn] = [e for e in events(sessions) if e.kind == PlatformKind.LICENCE_VOIDED.value]
    assert (withdrawn.item_code, withdrawn.state, json.loads(withdrawn.detail)) == (FIRE, "waiting", {"note": FINDING})
