"""A rating action taken at a desk is in the trail under the account signed in there, at that desk.

The account and the place come from the one Desk the action is handed: a
signed-in supervisor deciding at desk 3 is recorded as that login at XAM01/3,
not as this machine's desk nor the file's clerk.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.roles import Role
from counter.actions.ratings.follow_up import move_rectification
from counter.actions.ratings.record import record_export, send_to_pad
from counter.audit.actions import AuditAction
from counter.db import models
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import DeskConfig
from counter.ratings.rectification import RectEvent
from tests.audit.conftest import ACTORS, NOW, TODAY, Facts, add_accounts

DESK_3 = DeskConfig(site_code="XAM01", site_name="兴安盟政务服务中心", desk_no="3", clerk="值班员", staff_no="XA0300")


def _last_entry(sessions: sessionmaker[Session], action: AuditAction) -> tuple[str, str, str]:
    entry = models.AuditEntry
    with sessions() as s:
        row = s.execute(
            select(entry.actor, entry.site_code, entry.desk_no)
            .where(entry.action == action.value)
            .order_by(entry.id.desc())
        ).first()
    assert row is not None
    return row.actor, row.site_code, row.desk_no


def test_a_decision_is_recorded_under_the_supervisor_at_their_desk(
    sessions: sessionmaker[Session], facts: Facts
) -> None:
    add_accounts(sessions)
    supervisor = desk_at(DESK_3, ACTORS[Role.SUPERVISOR])
    with sessions.begin() as s:
        move_rectification(s, facts.rectification_id, RectEvent.REVISITED, "巴特尔", "已电话回访", NOW, desk=supervisor)
        record_export(s, TODAY, TODAY, 1, "stdout", desk=supervisor)
    assert _last_entry(sessions, AuditAction.RATING_DECIDED) == ("bater", "XAM01", "3")
    assert _last_entry(sessions, AuditAction.EXPORTED) == ("bater", "XAM01", "3")


def test_a_service_sent_to_the_pad_names_the_clerk_signed_in_at_that_desk(
    sessions: sessionmaker[Session], facts: Facts
) -> None:
    add_accounts(sessions)
    clerk = desk_at(DESK_3, ACTORS[Role.CLERK], staff_no="XA0815")
    with sessions.begin() as s:
        pad = send_to_pad(s, facts.unsent, clerk, NOW)
    assert (pad.office, pad.desk_no, pad.clerk, pad.staff_no) == ("兴安盟政务服务中心", "3", "乌兰", "XA0815")
    assert _last_entry(sessions, AuditAction.SENT_TO_PAD) == ("wulan", "XAM01", "3")
