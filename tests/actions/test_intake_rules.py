"""The hall's intake rules through the actions: the 容缺 margin and the 补正 period, checked, audited and used."""

from __future__ import annotations

import dataclasses
import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Actor, Permission, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.intake_settings import (
    CORRECTION_PERIOD_KEY,
    DEFERRAL_MARGIN_KEY,
    intake_rules,
    save_intake_rules,
)
from counter.actions.intake.take import preview
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.intake.checklist import Receipt, record
from counter.intake.rules import IntakeRule, IntakeRules, RuleProblem, RulesRefused
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request

SUPERVISOR = Desk(DeskIdentity("XAM01", "1"), "值班长")


def setting_changes(sessions: sessionmaker[Session]) -> list[tuple[str, dict[str, str | None]]]:
    with sessions() as s:
        rows = s.execute(
            select(models.AuditEntry.subject, models.AuditEntry.detail)
            .where(models.AuditEntry.action == "setting_changed")
            .order_by(models.AuditEntry.seq)
        ).all()
    return [(subject, json.loads(detail)) for subject, detail in rows]


def test_the_rules_of_new_settings_count_as_soon_as_they_are_saved(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        first = intake_rules(s)
    with sessions.begin() as s:
        save_intake_rules(s, IntakeRules(deferral_margin_days=1, correction_period_days=20), desk=SUPERVISOR)
    with sessions() as s:
        changed = intake_rules(s)
    assert changed == IntakeRules(1, 20)
    assert changed.correction_policy().applicant_period.value == 20
    assert first.correction_policy().applicant_period.value == 15


def test_the_correction_period_is_a_hall_setting_read_by_the_intake(sessions: sessionmaker[Session]) -> None:
    request = full_request(sessions)
    request = dataclasses.replace(request, checklist=record(request.checklist, "M05", Receipt.MISSING))
    with sessions() as s:
        assert intake_rules(s) == IntakeRules(2, 15)
        before = preview(s, request, TODAY, office_calendar(s))
        calendar = office_calendar(s)
    with sessions.begin() as s:
        save_intake_rules(s, IntakeRules(deferral_margin_days=3, correction_period_days=30), desk=SUPERVISOR)
    with sessions() as s:
        assert intake_rules(s) == IntakeRules(3, 30)
        after = preview(s, request, TODAY, office_calendar(s))
    assert before.correction_due == calendar.add_working_days(TODAY, 15).date
    assert after.correction_due == calendar.add_working_days(TODAY, 30).date
    assert setting_changes(sessions) == [
        (DEFERRAL_MARGIN_KEY, {"from": None, "to": "3"}),
        (CORRECTION_PERIOD_KEY, {"from": None, "to": "30"}),
    ]
    with sessions.begin() as s:  # only what changed is written and recorded
        save_intake_rules(s, IntakeRules(deferral_margin_days=0, correction_period_days=30), desk=SUPERVISOR)
    assert setting_changes(sessions)[2:] == [(DEFERRAL_MARGIN_KEY, {"from": "3", "to": "0"})]


def test_values_out_of_range_are_all_refused_and_nothing_is_saved(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s, pytest.raises(RulesRefused) as refused:
        save_intake_rules(s, IntakeRules(deferral_margin_days=11, correction_period_days=0), desk=SUPERVISOR)
    assert refused.value.problems == (
        RuleProblem(IntakeRule.DEFERRAL_MARGIN, 11),
        RuleProblem(IntakeRule.CORRECTION_PERIOD, 0),
    )
    assert [(p.low, p.high) for p in refused.value.problems] == [(0, 10), (1, 60)]
    with sessions.begin() as s, pytest.raises(RulesRefused):
        save_intake_rules(s, IntakeRules(deferral_margin_days=-1), desk=SUPERVISOR)
    with sessions() as s:
        assert intake_rules(s) == IntakeRules()
    assert setting_changes(sessions) == []


def test_a_clerk_may_not_change_the_rules(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:  # as the account actions store them
        s.add(models.Account(login="saran", name="萨仁", roles="admin", password_hash="x"))
        s.add(models.Account(login="wulan", name="乌兰", roles="clerk", password_hash="x"))
    clerk = Desk(DeskIdentity("XAM01", "8"), "乌兰", Actor("wulan", "乌兰", frozenset({Role.CLERK})))
    with sessions.begin() as s, pytest.raises(NotPermitted) as refused:
        save_intake_rules(s, IntakeRules(deferral_margin_days=5), desk=clerk)
    assert refused.value.permission is Permission.CHANGE_SETTINGS
    with sessions() as s:
        assert intake_rules(s) == IntakeRules()


@pytest.mark.parametrize(("margin", "period"), [("三", "十五"), ("99", "0"), ("", "2.5")])
def test_rules_written_by_hand_that_are_no_usable_number_leave_the_intake_on_its_defaults(
    sessions: sessionmaker[Session], margin: str, period: str
) -> None:
    """A value put in the settings table by hand (no number, or out of its range) is not what the window counts
    with: the intake's dates are the defaults', as on a hall that never set its rules."""
    request = full_request(sessions)
    request = dataclasses.replace(request, checklist=record(request.checklist, "M05", Receipt.MISSING))
    with sessions.begin() as s:
        s.add(models.Setting(key=DEFERRAL_MARGIN_KEY, value=margin))
        s.add(models.Setting(key=CORRECTION_PERIOD_KEY, value=period))
    with sessions() as s:
        assert intake_rules(s) == IntakeRules()
        shown = preview(s, request, TODAY, office_calendar(s))
        assert shown.correction_due == office_calendar(s).add_working_days(TODAY, 15).date
