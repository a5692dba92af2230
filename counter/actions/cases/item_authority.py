"""The authority rule (:mod:`counter.access.authority`) fed from the database, and the site's settings it reads.

Each item's deciding body is named by the site's catalog and office settings (:func:`counter.actions.catalog.guides
.decider_names`); what the site itself holds is its authority setting, one per site (``authority.<site>``, JSON):

* ``site_items``: the 实施编码 of the items the site decides in its own name (a 行政审批局 that holds the power under
  相对集中行政许可权, or an item the site's own office decides);
* ``entrusted``: 实施编码 → the department's written 授权 (document number and date) under which the window records
  that department's decision for it;
* ``acts``: 实施编码 → the acts that 授权 covers (:class:`~counter.case.site_authority.EntrustedAct`); an entrusted
  item without a line here was recorded before agreements named their acts, and covers all of them
  (:data:`~counter.case.site_authority.KEPT_DEFAULT`, argued there).

Both are the administrator's (CHANGE_SETTINGS), audited.  Every decision and item step asks :func:`check_item`,
whatever face it came from.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session

from counter.access.authority import RECORDED_FOR, AuthorityRefusal, ItemAuthority, Ruling, Standing, item_ruling
from counter.access.case_acts import DEPARTMENT_ACTS, WINDOW_PERMISSION, CaseAct, act_ruling, touched_items
from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.accounts import own_department
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import current_roles, require
from counter.actions.catalog.guides import current_guide, decider_names, search_entries
from counter.audit.actions import AuditAction
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.item_lines import office_day
from counter.case.site_authority import (
    ALL_ACTS,
    AuthorityProblem,
    AuthorityRefused,
    CatalogItem,
    EntrustedAct,
    SiteAuthority,
    check_changes,
    cross_level,
    match,
    matched,
    matches,
)
from counter.case.status import CaseEvent
from counter.catalog.departments import is_vertical
from counter.catalog.model import Bundle, ItemType
from counter.db import models
from counter.db.case_store import answers_of, case_by_no, case_view
from counter.db.catalog_store import guide_version
from counter.db.settings_store import AUTHORITY_PREFIX, drop_setting, get_setting, put_setting
from counter.parties.text import TextField, check_text

log = logging.getLogger(__name__)

CLERK_COLUMN = 60  # case_history.clerk: the name a recorded-for line is kept under

_REFUSAL_PROBLEM = {
    AuthorityRefusal.NOT_DECIDING_BODY: DecisionProblem.NOT_DECIDING_BODY,
    AuthorityRefusal.OTHER_DEPARTMENT: DecisionProblem.OTHER_DEPARTMENT,
    AuthorityRefusal.NO_ROLE: DecisionProblem.NO_ITEM_ROLE,
    AuthorityRefusal.ACT_NOT_ENTRUSTED: DecisionProblem.ACT_NOT_ENTRUSTED,
}


def authority_key(site_code: str) -> str:
    return AUTHORITY_PREFIX + site_code


def site_authority(session: Session, site_code: str) -> SiteAuthority:
    """The site's authority setting; nothing held when unset or unreadable (logged: the window then decides none)."""
    raw = get_setting(session, authority_key(site_code))
    if not raw:
        return SiteAuthority()
    try:
        stored = json.loads(raw)
        items = frozenset(str(code) for code in stored.get("site_items", []))
        entrusted = {str(code): str(text) for code, text in dict(stored.get("entrusted", {})).items() if text}
        acts = {
            str(code): frozenset(EntrustedAct(act) for act in named)
            for code, named in dict(stored.get("acts", {})).items()
            if str(code) in entrusted
        }
    except (ValueError, TypeError, AttributeError):
        log.error("authority setting of %s unreadable: the window decides no item there", site_code)
        return SiteAuthority()
    return SiteAuthority(items, entrusted, acts=acts)


def item_authorities(
    session: Session, bundle: Bundle, site_code: str, acting_site: str = ""
) -> dict[str, ItemAuthority]:
    """Each item of ``bundle`` with its deciding body and what the site holds of it, by 实施编码.

    The deciding body is named as the case's site (``site_code``) names it; what the window holds is the acting
    desk's site's (``acting_site``, the case's when not given): a hall's window records a township's case for the
    departments that entrusted that window.
    """
    held = site_authority(session, acting_site or site_code)
    deciders = decider_names(session, bundle, site_code)
    return {
        item.code: ItemAuthority(
            deciders[item.code],
            item.code in held.site_items,
            held.entrusted.get(item.code, ""),
            held.acts_of(item.code),
        )
        for item in bundle.items
    }


@dataclass(frozen=True, slots=True)
class Acting:
    """Who a decision or step is recorded as: the desk's clerk, or the department the window records for."""

    ruling: Ruling
    authority: ItemAuthority
    clerk: str  # the history line's name

    def audit(self) -> dict[str, str]:
        """What the audit entry adds: in whose name, and under which 授权, when not the clerk's own department's."""
        if self.ruling.standing is Standing.ENTRUSTED:
            return {"on_behalf_of": self.authority.deciding, "entrustment": self.authority.entrustment}
        if self.ruling.standing is Standing.SITE_BODY:
            return {"site_body": self.authority.deciding}
        return {}


def check_item(
    session: Session,
    desk: Desk,
    case_no: str,
    bundle: Bundle,
    site_code: str,
    item_code: str,
    act: EntrustedAct | None = None,
) -> Acting:
    """May the desk's account decide ``item_code`` of the case, or take its step (of ``act``: the window under an
    entrustment only where its agreement covers it); and in whose name it is recorded.

    Raises :class:`DecisionRefused` (``NOT_DECIDING_BODY``, ``OTHER_DEPARTMENT``, ``NO_ITEM_ROLE`` or
    ``ACT_NOT_ENTRUSTED``, with the deciding body named) when the rule refuses.  Roles and department are read as they
    are now, as every check is.
    """
    authority = item_authorities(session, bundle, site_code, desk.identity.site_code).get(item_code)
    if authority is None:
        raise DecisionRefused(DecisionProblem.UNKNOWN_ITEM, case_no, item_code)
    ruling = item_ruling(current_roles(session, desk.actor), own_department(session, desk), authority, act)
    if ruling.refusal is not None:
        log.warning("case %s: item %s refused to %s: %s", case_no, item_code, desk.clerk, ruling.refusal.value)
        problem = _REFUSAL_PROBLEM[ruling.refusal]
        named = act.value if act is not None and ruling.refusal is AuthorityRefusal.ACT_NOT_ENTRUSTED else ""
        raise DecisionRefused(problem, case_no, item_code, deciding=authority.deciding, act=named)
    clerk = desk.clerk
    if ruling.standing is Standing.ENTRUSTED:
        clerk = recorded_for(authority.deciding, desk.clerk)
    return Acting(ruling, authority, clerk)


@dataclass(frozen=True, slots=True)
class ActStanding:
    """What an act (:class:`~counter.access.case_acts.CaseAct`) may do to the items it touches: the items it may
    decide or end, each with the name it is recorded under; the others, each with the rule's refusal and the body
    that decides it."""

    acting: dict[str, Acting]
    refused: dict[str, tuple[AuthorityRefusal, str]]


def act_standing(
    session: Session, desk: Desk, bundle: Bundle, site_code: str, act: CaseAct, codes: tuple[str, ...]
) -> ActStanding:
    """The rule (:func:`counter.access.case_acts.act_ruling`) asked for each of ``codes``, roles and department read
    as they are now; a read, refusing nothing itself."""
    authorities = item_authorities(session, bundle, site_code, desk.identity.site_code)
    roles, department = current_roles(session, desk.actor), own_department(session, desk)
    acting: dict[str, Acting] = {}
    refused: dict[str, tuple[AuthorityRefusal, str]] = {}
    for code in codes:
        authority = authorities[code]
        ruling = act_ruling(act, roles, department, authority)
        if ruling.refusal is not None:
            refused[code] = (ruling.refusal, authority.deciding)
            continue
        clerk = recorded_for(authority.deciding, desk.clerk) if ruling.standing is Standing.ENTRUSTED else desk.clerk
        acting[code] = Acting(ruling, authority, clerk)
    return ActStanding(acting, refused)


def check_act(
    session: Session, desk: Desk, case_no: str, bundle: Bundle, site_code: str, act: CaseAct, codes: tuple[str, ...]
) -> dict[str, Acting]:
    """May the desk's account take ``act`` on the items ``codes`` of the case; in whose name each is recorded.

    The permission first, at the window (:class:`~counter.access.not_permitted.NotPermitted`); then the standing on
    every item (:class:`DecisionRefused` naming the first item refused and its deciding body).
    """
    department = own_department(session, desk)
    if not department or act not in DEPARTMENT_ACTS:
        require(session, desk.actor, WINDOW_PERMISSION[act])
    standing = act_standing(session, desk, bundle, site_code, act, codes)
    for code, (refusal, deciding) in standing.refused.items():
        log.warning("case %s: %s of item %s refused to %s: %s", case_no, act.value, code, desk.clerk, refusal.value)
        raise DecisionRefused(_REFUSAL_PROBLEM[refusal], case_no, code, deciding=deciding)
    return standing.acting


def check_case_act(session: Session, desk: Desk, case: models.Case, act: CaseAct) -> dict[str, Acting]:
    """:func:`check_act` for the items ``act`` touches on ``case`` (:func:`~counter.access.case_acts.touched_items`),
    read from the guide version it was taken under and its history."""
    stored, view = guide_version(session, case.guide_version_id), case_view(session, case.case_no)
    assert stored is not None  # a case always keeps its guide version (foreign key)
    assert view is not None
    bundle = stored.bundle.for_case(answers_of(case))
    codes = touched_items(act, bundle, view, office_day)
    return check_act(session, desk, case.case_no, bundle, case.site_code, act, codes)


#: The steps of a case that end its items or hold them up, and the act each is (counter.access.case_acts).
STEP_ACTS = {
    CaseEvent.VOIDED: CaseAct.VOID,
    CaseEvent.CORRECTION_LAPSED: CaseAct.CORRECTION_LAPSE,
    CaseEvent.DEFERRAL_EXTENDED: CaseAct.DEFERRAL_EXTENSION,
}


def check_case_step(session: Session, desk: Desk, case: models.Case, event: CaseEvent) -> None:
    """:func:`check_case_act` for the step ``event`` of ``case`` where it is one of :data:`STEP_ACTS`."""
    act = STEP_ACTS.get(event)
    if act is not None:
        check_case_act(session, desk, case, act)


def recorded_for(deciding: str, clerk: str) -> str:
    """The name of a line the window records for a department: ``部门（由××代为录入）``, within the column's length."""
    name = RECORDED_FOR.format(department=deciding, clerk=clerk)
    while len(name) > CLERK_COLUMN and clerk:
        clerk = clerk[:-1]
        name = RECORDED_FOR.format(department=deciding, clerk=clerk + "…")
    return name[:CLERK_COLUMN]


def set_item_held(session: Session, desk: Desk, site_code: str, item_code: str, *, held: bool) -> SiteAuthority:
    """Record that the site decides ``item_code`` in its own name (``held``), or no longer does; the setting after."""
    require(session, desk.actor, Permission.CHANGE_SETTINGS)
    now = site_authority(session, site_code)
    items = now.site_items | {item_code} if held else now.site_items - {item_code}
    after = SiteAuthority(frozenset(items), now.entrusted, acts=now.acts)
    _store(session, desk, site_code, after, {"item": item_code, "site_body": held})
    return after


def set_entrustment(
    session: Session,
    desk: Desk,
    site_code: str,
    item_code: str,
    entrustment: str,
    acts: frozenset[EntrustedAct] = ALL_ACTS,
) -> SiteAuthority:
    """Record the department's 授权 for ``item_code`` (its document number and date) and the ``acts`` it covers, or
    remove it (""); after.

    The text is held to the desk's rules for a note (:mod:`counter.parties.text`), and an agreement covers some act:
    ValueError otherwise."""
    require(session, desk.actor, Permission.CHANGE_SETTINGS)
    checked = check_text(entrustment, TextField.NOTE)  # cited on the history's lines and in the audit trail
    if not checked.ok:
        raise ValueError(f"entrustment text refused: {checked.problem}")
    if checked.value and not acts:
        raise ValueError("an entrustment covers at least one act")
    now = site_authority(session, site_code)
    entrusted = {k: v for k, v in now.entrusted.items() if k != item_code}
    covered = {k: v for k, v in now.acts.items() if k != item_code}
    if checked.value:
        entrusted[item_code] = checked.value
        covered[item_code] = frozenset(acts)
    after = SiteAuthority(now.site_items, entrusted, acts=covered)
    named = sorted(act.value for act in acts) if checked.value else []
    _store(session, desk, site_code, after, {"item": item_code, "entrustment": entrustment.strip(), "acts": named})
    return after


def catalog_items(session: Session, site_code: str) -> tuple[CatalogItem, ...]:
    """Every item of the site's current guides, with its department as the site names it: what a code of the
    authority setting must be one of."""
    found: list[CatalogItem] = []
    for entry in search_entries(session):
        stored = current_guide(session, entry.bundle_code)
        if stored is None:
            continue
        names = decider_names(session, stored.bundle, site_code)
        found += [
            CatalogItem(
                item.code,
                item.name,
                stored.bundle.name,
                names[item.code],
                is_vertical(item.department, item.vertical),
                item.item_type is ItemType.LICENSING,
                item.level.value if item.level is not None else "",
            )
            for item in stored.bundle.items
        ]
    return tuple(found)


def change_authority(
    session: Session,
    desk: Desk,
    site_code: str,
    hold: tuple[str, ...],
    entrust: tuple[tuple[str, str], ...],
    release: tuple[str, ...],
    acts: frozenset[EntrustedAct] = frozenset(),
) -> SiteAuthority:
    """Hold, entrust (each agreement covering ``acts``) and release items by the catalog's codes, in either shape;
    every problem refused at once (:class:`AuthorityRefused`: :func:`counter.case.site_authority.check_changes`),
    nothing changed then.  The setting after, with the items each code matched."""
    require(session, desk.actor, Permission.CHANGE_SETTINGS)
    items = catalog_items(session, site_code)
    now = site_authority(session, site_code)
    kept = (*now.site_items, *now.entrusted)
    from counter.actions.admin.office import office_settings  # the 司法局's answer, kept with the office settings
    from counter.documents.acceptance import OrganAnswer

    organ = office_settings(session, site_code).administrative_organ == OrganAnswer.YES
    problems = list(check_changes(hold, entrust, items, organ=organ, acts=acts))
    unknown = AuthorityProblem.UNKNOWN_CODE.value
    problems += [(typed, unknown) for typed in release if not match(typed, items) and not _held(typed, kept)]
    if problems:
        log.warning("authority change at %s refused: %s", site_code, problems)
        raise AuthorityRefused(tuple(problems))
    for typed in hold:
        for item in match(typed, items):
            set_item_held(session, desk, site_code, item.code, held=True)
    for typed, text in entrust:
        for item in match(typed, items):
            set_entrustment(session, desk, site_code, item.code, text, acts)
    for typed in release:
        for code in {*(i.code for i in match(typed, items)), *_held(typed, kept)}:
            set_item_held(session, desk, site_code, code, held=False)
            set_entrustment(session, desk, site_code, code, "")
    found = tuple(m for typed in (*hold, *(t for t, _ in entrust), *release) for m in matched(typed, items))
    after = site_authority(session, site_code)
    level = office_settings(session, site_code).office_level
    return SiteAuthority(
        after.site_items, after.entrusted, found, acts=after.acts, cross_level=cross_level(items, after, level)
    )


def authority_shown(session: Session, site_code: str) -> SiteAuthority:
    """The site's authority setting as ``counter site authority`` shows it: with the items of a department at
    another level than the site's (:class:`counter.case.site_authority.CrossLevel`), told when set and shown."""
    from counter.actions.admin.office import office_settings

    held = site_authority(session, site_code)
    level = office_settings(session, site_code).office_level
    return dataclasses.replace(held, cross_level=cross_level(catalog_items(session, site_code), held, level))


def _held(typed: str, kept: tuple[str, ...]) -> tuple[str, ...]:
    """The codes the setting keeps that ``typed`` names (one the catalog no longer has may still be released)."""
    return tuple(code for code in kept if matches(typed, code))


def _store(session: Session, desk: Desk, site_code: str, held: SiteAuthority, detail: dict[str, object]) -> None:
    key = authority_key(site_code)
    if not held.site_items and not held.entrusted:
        drop_setting(session, key)
    else:
        value = {
            "site_items": sorted(held.site_items),
            "entrusted": dict(sorted(held.entrusted.items())),
            "acts": {code: sorted(act.value for act in held.acts_of(code)) for code in sorted(held.entrusted)},
        }
        put_setting(session, key, json.dumps(value, ensure_ascii=False, sort_keys=True))
    record_at_desk(session, desk, AuditAction.SETTING_CHANGED, key, detail)


#: The acts the case page asks about before offering their buttons (the same-day step has its own check).
PAGE_ACTS = (CaseAct.DEFERRAL_LAPSE, CaseAct.CORRECTION_LAPSE, CaseAct.VOID, CaseAct.DEFERRAL_EXTENSION)


def act_refusals(session: Session, desk: Desk, number: str) -> dict[CaseAct, tuple[tuple[str, str], ...]]:
    """For each act the case page offers, the items it touches that are not the desk's account's to decide or end,
    each with its deciding body (item code, body); a read, so that the page says why a button is not offered.  Nothing
    for a case the desk cannot read, or whose guide is lost."""
    case, view = case_by_no(session, number), case_view(session, number)
    stored = guide_version(session, case.guide_version_id) if case is not None else None
    if case is None or view is None or stored is None:
        return {}
    bundle = stored.bundle.for_case(answers_of(case))
    found: dict[CaseAct, tuple[tuple[str, str], ...]] = {}
    for act in PAGE_ACTS:
        codes = touched_items(act, bundle, view, office_day)
        refused = act_standing(session, desk, bundle, case.site_code, act, codes).refused
        # a refusal for want of the act's permission is the role's, which the page says on its own; but the items a
        # lapse leaves undenied, for whatever reason, go to the body that decides them
        found[act] = tuple(
            (code, body)
            for code, (why, body) in refused.items()
            if why is not AuthorityRefusal.NO_ROLE or act is CaseAct.DEFERRAL_LAPSE
        )
    return found
