"""The role check at the action itself: every permission refused to the wrong role, allowed to the right one.

A button hidden in the window proves nothing about the command line or an old
window; so each action is called directly, as each role, on a database with
accounts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.not_permitted import NotPermitted
from counter.access.roles import GRANTS, SINGLE_DESK, SINGLE_DESK_GRANTS, Actor, Permission, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.decisions import deny_lapsed_deferral
from counter.actions.cases.documents import make_document, make_guide_notice, office_settings, save_office_settings
from counter.actions.cases.holidays import import_schedule, set_holiday
from counter.actions.cases.item_authority import authority_key
from counter.actions.cases.item_steps import route_items
from counter.actions.catalog.imports import import_source
from counter.actions.intake.take import extend_deferral, fulfil_deferred, move_case, take_intake
from counter.actions.ratings.follow_up import decide_appeal, move_rectification
from counter.actions.ratings.period_figures import period_figures
from counter.actions.ratings.record import rating_figures, ratings_for_export, save_rating_settings, send_to_pad
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.status import CaseEvent
from counter.db.catalog_store import current_guide
from counter.db.settings_store import put_setting
from counter.documents.kinds import DocumentKind
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.ratings.figures import Grouping
from counter.ratings.rectification import AppealGround, RectEvent
from counter.ratings.settings import RatingSettings
from tests.audit.conftest import ACTORS, APPLICANT_ID, NOW, TODAY, Facts, add_accounts, desk_of
from tests.conftest import SHIPPED_CATALOG
from tests.entrusted import ENTRUSTMENT, RESTAURANT_ITEMS

Call = Callable[[sessionmaker[Session], Actor, Facts], object]

APPEAL_REASON = "申请人按错了评价等级，本人来电说明"
SCHEDULE_2027 = "一、元旦：1月1日放假，共1天。\n"


def _take(sessions: sessionmaker[Session], actor: Actor, facts: Facts) -> object:
    with sessions() as s:
        stored = current_guide(s, "XAM-YJS-008")
    assert stored is not None
    parties = Parties(Applicant(ApplicantKind.PERSON, "其其格", APPLICANT_ID, "15647821234", "乌兰浩特市"))
    request = IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), parties)
    with sessions.begin() as s:
        return take_intake(s, desk_of(actor), request, TODAY, office_calendar(s))


def _in(action: Callable[[Session, Actor, Facts], object]) -> Call:
    """The action in a transaction of its own, as the window and the command line run it."""

    def call(sessions: sessionmaker[Session], actor: Actor, facts: Facts) -> object:
        with sessions.begin() as s:
            return action(s, actor, facts)

    return call


def _import_catalog(sessions: sessionmaker[Session], actor: Actor, facts: Facts) -> object:
    return import_source(sessions, SHIPPED_CATALOG, desk=desk_of(actor))


def _revisit_then_explain(session: Session, actor: Actor, facts: Facts) -> object:
    move_rectification(
        session, facts.rectification_id, RectEvent.REVISITED, "巴特尔", "已电话回访", NOW, desk=desk_of(actor)
    )
    return move_rectification(
        session, facts.rectification_id, RectEvent.EXPLAINED, "巴特尔", "已说明", NOW, desk=desk_of(actor)
    )


def _export_package(session: Session, actor: Actor, facts: Facts) -> object:
    """A hall's updates for a township it registered (the key file made in this test's data folder)."""
    from counter.actions.admin.site import this_site
    from counter.actions.sync.packages import export_package
    from counter.db import models
    from counter.sync.keys import encryption_key_text, new_encryption_key, new_private_key, public_key_text

    this_site(session)
    if session.get(models.SitePeer, "ARS01") is None:
        key, sealing = public_key_text(new_private_key()), encryption_key_text(new_encryption_key())
        session.add(
            models.SitePeer(
                code="ARS01", name="明水河镇便民服务中心", kind="township", public_key=key, encryption_key=sealing
            )
        )
    return export_package(session, desk_of(actor), NOW, to_site="ARS01")


def _entrusted_then_extend(session: Session, actor: Actor, facts: Facts) -> object:
    """An extension of the 容缺 deadline, at a window the restaurant's departments entrusted in writing: the extension
    keeps their items waiting, so it is the window's only so (counter.access.case_acts); the 授权 stored as the
    administrator's `site authority` stores it."""
    entrusted = dict.fromkeys(RESTAURANT_ITEMS, ENTRUSTMENT)
    put_setting(session, authority_key("XAM01"), json.dumps({"site_items": [], "entrusted": entrusted}))
    extend_deferral(session, desk_of(actor), facts.awaiting, TODAY + dt.timedelta(days=14), "不可抗力")
    return None


def _register_project(session: Session, actor: Actor, facts: Facts) -> object:
    """A 帮您办 application registered at the window."""
    from counter.actions.projects.project_steps import register_project
    from tests.projects.samples import FACTS

    return register_project(session, desk_of(actor), FACTS, TODAY, NOW)


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    permission: Permission
    allowed: frozenset[Role]
    call: Call


FOOD = "152201-YJS008-02"  # 食品经营许可 of 我要开小餐馆
CLERK, SUPERVISOR, ADMIN = frozenset({Role.CLERK}), frozenset({Role.SUPERVISOR}), frozenset({Role.ADMIN})
TABLE = [
    Row("take_intake", Permission.TAKE_INTAKE, CLERK, _take),
    Row("fulfil_deferred", Permission.TAKE_INTAKE, CLERK,
        _in(lambda s, a, f: fulfil_deferred(s, desk_of(a), f.awaiting, set(f.deferrable), TODAY))),
    Row("sent_to_approval", Permission.TAKE_INTAKE, CLERK,
        _in(lambda s, a, f: move_case(s, desk_of(a), f.accepted, CaseEvent.SENT_TO_APPROVAL))),
    Row("extend_deferral", Permission.DECIDE_DEFERRAL, SUPERVISOR, _in(_entrusted_then_extend)),
    # the window records the fact; the items' 不予批准 is their bodies' (tests/actions/test_case_act_standing.py)
    Row("deny_lapsed_deferral", Permission.TAKE_INTAKE, CLERK,
        _in(lambda s, a, f: deny_lapsed_deferral(s, desk_of(a), f.awaiting, TODAY + dt.timedelta(days=30)))),
    Row("void", Permission.VOID_CASE, SUPERVISOR,
        _in(lambda s, a, f: move_case(s, desk_of(a), f.accepted, CaseEvent.VOIDED, "重复录入"))),
    Row("make_document", Permission.PRINT, CLERK,
        _in(lambda s, a, f: make_document(s, desk_of(a), f.accepted, DocumentKind.RECEIPT, TODAY))),
    Row("make_guide_notice", Permission.PRINT, CLERK,
        _in(lambda s, a, f: make_guide_notice(s, desk_of(a), "XAM-YJS-008", TODAY))),
    Row("send_to_pad", Permission.SEND_TO_PAD, CLERK,
        _in(lambda s, a, f: send_to_pad(s, f.unsent, desk_of(a), NOW))),
    Row("move_rectification", Permission.RECTIFY, SUPERVISOR,
        _in(lambda s, a, f: move_rectification(s, f.rectification_id, RectEvent.REVISITED, "巴特尔", "已电话回访", NOW,
                                               desk=desk_of(a)))),
    Row("move_rectification (handling)", Permission.RECTIFY, SUPERVISOR, _in(_revisit_then_explain)),
    Row("decide_appeal", Permission.RECTIFY, SUPERVISOR,
        _in(lambda s, a, f: decide_appeal(s, f.rating_id, "巴特尔", AppealGround.MISTAKEN, APPEAL_REASON, True, NOW,
                                          desk=desk_of(a)))),
    Row("rating_figures", Permission.SEE_FIGURES, SUPERVISOR,
        _in(lambda s, a, f: rating_figures(s, TODAY, TODAY, Grouping.DESK, desk=desk_of(a)))),
    Row("period_figures", Permission.SEE_FIGURES, SUPERVISOR,
        _in(lambda s, a, f: period_figures(s, TODAY, TODAY, Grouping.SITE, TODAY, desk=desk_of(a)))),
    Row("ratings_for_export", Permission.SEE_FIGURES, SUPERVISOR,
        _in(lambda s, a, f: ratings_for_export(s, TODAY, TODAY, desk=desk_of(a)))),
    Row("save_rating_settings", Permission.CHANGE_SETTINGS, ADMIN,
        _in(lambda s, a, f: save_rating_settings(s, RatingSettings(timeout_seconds=90), desk=desk_of(a)))),
    Row("save_office_settings", Permission.CHANGE_SETTINGS, ADMIN,
        _in(lambda s, a, f: save_office_settings(
            s, "XAM01", dataclasses.replace(office_settings(s, "XAM01"), consult_phone="0482-8200000"),
            desk=desk_of(a)))),
    Row("import_schedule", Permission.EDIT_HOLIDAYS, ADMIN,
        _in(lambda s, a, f: import_schedule(s, SCHEDULE_2027, 2027, "国办发明电", desk=desk_of(a)))),
    Row("set_holiday", Permission.EDIT_HOLIDAYS, ADMIN,
        _in(lambda s, a, f: set_holiday(s, dt.date(2027, 2, 20), "off", desk=desk_of(a)))),
    Row("import_source", Permission.MANAGE_CATALOG, ADMIN, _import_catalog),
    Row("export_package", Permission.SYNC, CLERK | ADMIN, _in(_export_package)),
    Row("route_items", Permission.TAKE_INTAKE, CLERK,
        _in(lambda s, a, f: route_items(s, desk_of(a), f.accepted, NOW))),
    Row("register_project", Permission.AGENT_SERVICE, CLERK, _in(_register_project)),
]  # fmt: skip
ROWS = {row.name: row for row in TABLE}


def test_the_table_matches_the_grants() -> None:
    """The expectations above are written out by hand; they agree with the one table of grants."""
    for row in TABLE:
        assert row.allowed == {role for role, granted in GRANTS.items() if row.permission in granted}, row.name
    # an item's decision and steps are the authority rule's too (tests/access/test_authority.py): whose item it is
    # decides, beside the role, so they are walked there
    left_out = {Permission.SEE_FULL_ID, Permission.MANAGE_ACCOUNTS, Permission.ITEM_STEPS}
    assert {row.permission for row in TABLE} == set(Permission) - left_out


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("row", TABLE, ids=[r.name for r in TABLE])
def test_each_action_checks_its_permission(sessions: sessionmaker[Session], facts: Facts, row: Row, role: Role) -> None:
    add_accounts(sessions)
    actor = ACTORS[role]
    if role in row.allowed:
        row.call(sessions, actor, facts)
        if row.permission is not Permission.SEE_FIGURES:  # reading figures changes nothing, so records nothing
            assert _entries_by(sessions, actor.login), f"{row.name} by {role} left no audit entry"
        return
    with pytest.raises(NotPermitted) as refused:
        row.call(sessions, actor, facts)
    assert refused.value.permission is row.permission
    assert refused.value.signed_in
    assert _entries_by(sessions, actor.login) == []


@pytest.mark.parametrize("row", TABLE, ids=[r.name for r in TABLE])
def test_a_database_with_accounts_refuses_the_single_desk(
    sessions: sessionmaker[Session], facts: Facts, row: Row
) -> None:
    """Without accounts the desk is a clerk and its site's set-up; once an account exists, nothing unsigned."""
    if row.permission in SINGLE_DESK_GRANTS:
        row.call(sessions, SINGLE_DESK, facts)
    else:  # a supervisor's or a reviewer's: never at a desk without accounts, which held every role before
        with pytest.raises(NotPermitted) as kept_out:
            row.call(sessions, SINGLE_DESK, facts)
        assert (kept_out.value.permission, kept_out.value.single_desk) == (row.permission, True)
    add_accounts(sessions)
    with pytest.raises(NotPermitted) as refused:
        row.call(sessions, SINGLE_DESK, facts)
    assert refused.value.permission is row.permission
    assert not refused.value.signed_in


def test_a_disabled_account_is_refused_although_it_signed_in(sessions: sessionmaker[Session], facts: Facts) -> None:
    from counter.db import models

    add_accounts(sessions)
    with sessions.begin() as s:
        account = s.get(models.Account, "bater")
        assert account is not None
        account.disabled = True
    with pytest.raises(NotPermitted):
        ROWS["void"].call(sessions, ACTORS[Role.SUPERVISOR], facts)


def _entries_by(sessions: sessionmaker[Session], login: str) -> list[str]:
    from sqlalchemy import select

    from counter.db import models

    with sessions() as s:
        return list(s.scalars(select(models.AuditEntry.action).where(models.AuditEntry.actor == login)))


def test_a_departments_staff_see_id_numbers_masked(sessions: sessionmaker[Session], facts: Facts) -> None:
    """A department decides on the materials routed to it; the window's clerk and supervisor see the number whole."""
    from counter.actions.cases.case_reads import may_see_whole_numbers

    add_accounts(sessions)
    with sessions() as s:
        seen = {role: may_see_whole_numbers(s, desk_of(actor)) for role, actor in ACTORS.items()}
    assert seen == {Role.CLERK: True, Role.SUPERVISOR: True, Role.ADMIN: False, Role.DEPARTMENT: False}
