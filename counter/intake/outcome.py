"""The one outcome of an intake (第十六条 of seed 001; 行政许可法 第三十二条), as a pure function.

:func:`decide` is the whole rule; the desk only displays the :class:`Decision`.
The order of the checks is the order the law implies:

1. A bundle whose guide is not published cannot be taken at this window at all.
   That is not a 不予受理 under 第三十二条 (the matter may well need a licence and
   belong to this office): it is its own non-outcome, :attr:`Outcome.UNPUBLISHED`,
   which never produces a receipt or a notice; the clerk directs the applicant to
   the department's own window.  A 待核 guide (drafted, not yet published by the
   site's administrator) is refused the same way, with its own reason, unless the
   caller says drafts may be taken here (``draft_allowed``: the training database
   always, real work only where the site's setting allows it); the setting is the
   action's to read, the rule only takes the answer.
2. A refusal ground recorded by the clerk (第三十二条第一款第一项/第二项, or
   第七十八条: 隐瞒有关情况或者提供虚假材料) refuses at once, whatever the materials:
   a matter that needs no licence, or is not this office's remit, is not checked
   for materials.  The first and the last exist only in 行政许可法, so they fit a
   bundle only when it holds a 行政许可 item (:func:`refusal_grounds`); the first is
   found of named licences, one by one (:mod:`counter.intake.no_licence`).
3. While the checklist has problems (unanswered situations, untouched lines, a
   defect without its note …) there is no outcome: :attr:`Outcome.INCOMPLETE`.
4. Otherwise exactly one of 受理 / 容缺受理 / 补正.

Materials fetched by data sharing are never demanded (第十条): they never appear
in a correction or a deferral, whatever the clerk recorded for them; when not
confirmed, the office fetches them itself.  Optional materials never matter.

A deferrable material handed in but defective may still be deferred: 第十六条(三)
speaks of "需补正、更正的内容和期限" under 容缺受理, so correcting a deferrable
material later is exactly what deferral allows.  Its defect note travels with it.

Deferral also needs something to be there: when no required or deferrable
material was handed in or confirmed by sharing, there is nothing to accept
(domain §4: "everything missing: no 容缺").  Every reason deferral is refused is
given at once, beside the materials the correction then demands.

Dates come from a calendar passed in (working days are a separate concern) and
count from ``today``, the day of the decision.  A correction notice is due within
five working days of the day the materials arrived (``received_on``): decided
later, the correction is refused and the application counts as accepted on the
day of arrival, its dates counted from then (行政许可法 第三十二条第一款第四项).  A deferred material is due by the
earliest of its own deferral limit, the promised limit of every item it serves
(the legal limit where an item promises none) and the bundle's promised limit:
the deadline may not exceed the promised completion time (domain §4), and must
leave the department a margin of working days before it (:class:`DeferralPolicy`).  The
promised completion date is the bundle's promise, else the latest item promise
(legal limit where none).

A deferred material with its own period in the guide (``deferral_limit``) is due exactly then: the 告知单 and the
guide promised the applicant that period, and the office may not print a shorter one.  Where the margin would
then pass a promise the material serves, the promise moves instead: the case is promised for the later of its
own date and the margin after the last such due date, and every item a deferred material serves is promised for
the case's date (:func:`counter.case.item_clock.served_promise`), never beyond its legal limit.  Only the law stops
the deferral: a due date whose margin passes the legal limit of an item it serves is refused with its reason
(:attr:`ReasonCode.DEFERRAL_PAST_LEGAL`), the material demanded.  Any date that falls beyond the calendar's holiday data
flags the whole decision, so the clerk checks the dates before printing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from counter.catalog.model import Bundle, GuideStatus, ItemType, Material, Necessity, TimeLimit
from counter.intake.checklist import (
    HANDED_IN,
    NOT_ACCEPTABLE,
    PRESENT,
    Checklist,
    MaterialEntry,
    ProblemCode,
    Receipt,
    checklist_problems,
)
from counter.intake.intake_dates import Dates, due_date, due_limits, guide_due, promised_date
from counter.intake.intake_dates import DeadlineCalendar as DeadlineCalendar  # noqa: PLC0414 -- re-exported
from counter.intake.no_licence import no_licence_codes, no_licence_text
from counter.intake.policies import NOTIFY_LIMIT, CorrectionPolicy
from counter.intake.policies import DeferralPolicy as DeferralPolicy  # noqa: PLC0414 -- re-exported: named from here
from counter.intake.turn_to import item_bodies, turn_to_text
from counter.parties.text import TextField, check_text


class Outcome(StrEnum):
    ACCEPT = "accept"  # 受理
    DEFER = "defer"  # 容缺受理
    CORRECT = "correct"  # 补正
    REFUSE = "refuse"  # 不予受理
    INCOMPLETE = "incomplete"  # no outcome yet: the checklist is not finished
    UNPUBLISHED = "unpublished"  # no outcome possible: the guide is not published

    @property
    def decided(self) -> bool:
        """Whether this is one of the four outcomes of 第十六条 / 第三十二条."""
        return self in _DECIDED


_DECIDED = frozenset({Outcome.ACCEPT, Outcome.DEFER, Outcome.CORRECT, Outcome.REFUSE})


class RefusalGround(StrEnum):
    """The grounds for 不予受理 at intake: 行政许可法 第三十二条第一款 and 第七十八条."""

    NO_LICENCE_NEEDED = "no_licence_needed"  # 第一项: 申请事项依法不需要取得行政许可
    NOT_IN_REMIT = "not_in_remit"  # 第二项: 申请事项依法不属于本行政机关职权范围
    FALSE_MATERIALS = "false_materials"  # 第七十八条: 隐瞒有关情况或者提供虚假材料申请行政许可

    @property
    def licensing_only(self) -> bool:
        """Whether only 行政许可法 gives the ground, so it fits a bundle only through its 行政许可 items."""
        return self is not RefusalGround.NOT_IN_REMIT


def refusal_grounds(bundle: Bundle) -> tuple[RefusalGround, ...]:
    """The grounds the clerk may choose for this bundle: the licensing-only ones need a 行政许可 item."""
    licensing = any(item.item_type is ItemType.LICENSING for item in bundle.items)
    return tuple(g for g in RefusalGround if licensing or not g.licensing_only)


@dataclass(frozen=True, slots=True)
class Refusal:
    """The clerk's refusal: the ground, and for 第二项 the body the applicant must turn to for each item
    (``turn_to``: as :func:`counter.intake.turn_to.turn_to_text` keeps them); for 第一项 the licences found to need
    none, in the same text (:func:`counter.intake.no_licence.no_licence_text`).

    ``ground`` is None while the clerk has ticked 不予受理 but not yet chosen the
    legal ground: a refusal is a legal act whose ground nobody may pick for them,
    so the form starts without one and the decision waits for it.
    """

    ground: RefusalGround | None
    turn_to: str = ""
    # at a window that only receives (counter.documents.outcome_preview.forwarded): whether the applicant, told the
    # window's finding, insists on the application as made — True: 收件 and forwarded, the materials decide the
    # paper; False: the applicant withdraws, and takes the 申请事项告知书; None: not asked yet
    insists: bool | None = None


def forwarded_case(refusal_ground: str, outcome: str) -> bool:
    """Whether a case was forwarded on its applicant's insistence: the window's finding is kept (the case's refusal
    ground) and the intake's outcome is no refusal.  Only :func:`counter.actions.intake.take.take_intake` keeps a
    ground on a case not refused, and only where the window could not refuse and the applicant insisted
    (:func:`counter.documents.outcome_preview.forwarded`); a case withdrawn keeps its ground with a refusal's
    outcome.  The standing every paper follows asks it (:func:`counter.documents.acceptance.with_case`), and so
    does a 补正 answer's form (:mod:`counter.case.resubmission`)."""
    return bool(refusal_ground) and outcome != Outcome.REFUSE.value


@dataclass(frozen=True, slots=True)
class DeferralRequest:
    """The applicant asks for 容缺受理; the clerk records the two conditions of domain §4."""

    no_bad_credit: bool  # the clerk confirmed 无不良信用记录
    pledge_signed: bool  # the 承诺书 is signed (and sealed, for a company)


class ReasonCode(StrEnum):
    """Why the decision is what it is.  Values are stable codes."""

    GUIDE_UNPUBLISHED = "guide_unpublished"
    GUIDE_DRAFT = "guide_draft"  # the guide is 待核 and this site does not take intakes on drafts
    REFUSED_NO_LICENCE_NEEDED = "refused_no_licence_needed"
    REFUSED_NOT_IN_REMIT = "refused_not_in_remit"
    REFUSED_FALSE_MATERIALS = "refused_false_materials"
    GROUND_NOT_APPLICABLE = "ground_not_applicable"  # a 行政许可法-only ground for a bundle without a licence
    GROUND_MISSING = "ground_missing"  # 不予受理 ticked, no legal ground chosen yet
    NO_LICENCE_ITEMS_MISSING = "no_licence_items_missing"  # 第一项 naming no licence it is found of
    NO_LICENCE_NOT_LICENCE = "no_licence_not_licence"  # 第一项 naming an item that is no 行政许可 (subject, name)
    TURN_TO_MISSING = "turn_to_missing"  # 第二项 refusal without the body to turn to for an item (subject, name)
    TURN_TO_NOT_TAKEN = "turn_to_not_taken"  # the body to turn to, in a text the desk does not take (parties.text)
    # the refusal would print a department's rights whose 复议 body the site must name first (subject: the department,
    # name: the bodies the law may mean); set by the action, which reads the site's settings
    REVIEW_BODY_UNNAMED = "review_body_unnamed"
    # a 不予受理 of what the window only receives (or what several bodies accept): each department's own act, never
    # the window's; the intake is taken as 收件 and forwarded (subject: the departments, name: the items; set by the
    # action, which reads the site's settings)
    REFUSAL_NOT_THE_WINDOWS = "refusal_not_the_windows"
    # a 第二项 finding of a window that only receives, the applicant not yet asked whether to go on (Refusal.insists):
    # the window refuses nothing, so the applicant either insists (收件, forwarded) or withdraws (subject: the
    # departments, name: the items; set by the action)
    INSISTS_UNASKED = "insists_unasked"
    ALL_PRESENT = "all_present"
    REQUIRED_MISSING = "required_missing"
    REQUIRED_DEFECTIVE = "required_defective"
    DEFERRABLE_MISSING = "deferrable_missing"  # demanded now, because deferral is not granted
    DEFERRABLE_DEFECTIVE = "deferrable_defective"
    DEFERRED = "deferred"
    DEFERRAL_NOT_REQUESTED = "deferral_not_requested"
    DEFERRAL_CREDIT_UNCONFIRMED = "deferral_credit_unconfirmed"
    DEFERRAL_PLEDGE_UNSIGNED = "deferral_pledge_unsigned"
    DEFERRAL_MAIN_MISSING = "deferral_main_missing"
    DEFERRAL_NOTHING_HANDED_IN = "deferral_nothing_handed_in"
    DEFERRAL_NO_DEADLINE = "deferral_no_deadline"  # no limit to count the due date from
    DEFERRAL_NO_MARGIN = "deferral_no_margin"  # the promise is too short to leave the margin before it
    DEFERRAL_PAST_LEGAL = "deferral_past_legal"  # the guide's period and the margin pass a served item's legal limit
    CORRECTION_NOTICE_LATE = "correction_notice_late"  # 补正 not told within five working days: accepted
    SHARED_TO_FETCH = "shared_to_fetch"  # shared material not confirmed: the office fetches it
    BEYOND_CALENDAR_DATA = "beyond_calendar_data"  # a date lies where the calendar has no data


@dataclass(frozen=True, slots=True)
class Reason:
    code: ReasonCode | ProblemCode
    subject: str = ""  # material, situation or bundle code
    name: str = ""  # its name in the guide


@dataclass(frozen=True, slots=True)
class MissingMaterial:
    """One line of the 补齐补正通知书."""

    code: str
    name: str
    requirement: str  # what it must satisfy (Material.requirement)
    defect_note: str  # what was wrong with what was handed in; empty when not handed in
    necessity: Necessity


@dataclass(frozen=True, slots=True)
class DeferredMaterial:
    """One line of the 容缺受理通知书."""

    code: str
    name: str
    requirement: str
    defect_note: str
    due: dt.date


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    reasons: tuple[Reason, ...] = ()
    missing: tuple[MissingMaterial, ...] = ()  # CORRECT: each demanded material once
    deferred: tuple[DeferredMaterial, ...] = ()  # DEFER
    promised_date: dt.date | None = None  # ACCEPT / DEFER: 承诺办结 date
    accepted_on: dt.date | None = None  # ACCEPT / DEFER: the day of acceptance (received_on when notified late)
    correction_due: dt.date | None = None  # CORRECT: the applicant's deadline
    notify_by: dt.date | None = None  # CORRECT: the office's own limit for the written notice
    refusal: RefusalGround | None = None
    turn_to: str = ""
    beyond_calendar_data: bool = False


_REFUSED = {
    RefusalGround.NO_LICENCE_NEEDED: ReasonCode.REFUSED_NO_LICENCE_NEEDED,
    RefusalGround.NOT_IN_REMIT: ReasonCode.REFUSED_NOT_IN_REMIT,
    RefusalGround.FALSE_MATERIALS: ReasonCode.REFUSED_FALSE_MATERIALS,
}


def _refuse(refusal: Refusal, bundle: Bundle) -> Decision:
    if refusal.ground is None:
        return Decision(Outcome.INCOMPLETE, (Reason(ReasonCode.GROUND_MISSING),))
    if refusal.ground not in refusal_grounds(bundle):
        return Decision(Outcome.INCOMPLETE, (Reason(ReasonCode.GROUND_NOT_APPLICABLE, bundle.code, bundle.name),))
    checked = check_text(refusal.turn_to, TextField.NOTE)
    if not checked.ok:
        return Decision(Outcome.INCOMPLETE, (Reason(ReasonCode.TURN_TO_NOT_TAKEN),))
    if refusal.ground is RefusalGround.NO_LICENCE_NEEDED:  # 第一项 is found of licences, one by one
        return _no_licence(refusal, bundle)
    # 第七十八条 refuses at once; 第二项 names a body for every item, each told where it goes (counter.intake.turn_to)
    codes = [item.code for item in bundle.items]
    bodies = item_bodies(checked.value, codes)
    missing = tuple(Reason(ReasonCode.TURN_TO_MISSING, i.code, i.name) for i in bundle.items if i.code not in bodies)
    remit = refusal.ground is RefusalGround.NOT_IN_REMIT
    if remit and missing:
        return Decision(Outcome.INCOMPLETE, missing)
    turn_to = turn_to_text((code, bodies[code]) for code in codes) if remit else ""
    return Decision(Outcome.REFUSE, (Reason(_REFUSED[refusal.ground]),), refusal=refusal.ground, turn_to=turn_to)


def _no_licence(refusal: Refusal, bundle: Bundle) -> Decision:
    """第一项: refused of the licences named, each a 行政许可 applied for; the other items are not decided."""
    codes = [item.code for item in bundle.items]
    named = item_bodies(refusal.turn_to, codes)
    wrong = tuple(
        Reason(ReasonCode.NO_LICENCE_NOT_LICENCE, item.code, item.name)
        for item in bundle.items
        if item.code in named and item.item_type is not ItemType.LICENSING
    )
    if wrong:
        return Decision(Outcome.INCOMPLETE, wrong)
    found = no_licence_codes(refusal.turn_to, codes)
    if not found:
        return Decision(Outcome.INCOMPLETE, (Reason(ReasonCode.NO_LICENCE_ITEMS_MISSING),))
    reason = Reason(_REFUSED[RefusalGround.NO_LICENCE_NEEDED])
    return Decision(Outcome.REFUSE, (reason,), refusal=RefusalGround.NO_LICENCE_NEEDED, turn_to=no_licence_text(found))


def _shortfall_reason(material: Material, receipt: Receipt) -> Reason:
    required = material.necessity is Necessity.REQUIRED
    if receipt is Receipt.DEFECTIVE:
        code = ReasonCode.REQUIRED_DEFECTIVE if required else ReasonCode.DEFERRABLE_DEFECTIVE
    else:
        code = ReasonCode.REQUIRED_MISSING if required else ReasonCode.DEFERRABLE_MISSING
    return Reason(code, material.code, material.name)


def _closed(bundle: Bundle, draft_allowed: bool) -> Decision | None:
    """The non-outcome of a bundle this window cannot take: no guide, or a 待核 one where drafts are not taken."""
    if bundle.status is GuideStatus.DRAFT and not draft_allowed:
        return Decision(Outcome.UNPUBLISHED, (Reason(ReasonCode.GUIDE_DRAFT, bundle.code, bundle.name),))
    if not bundle.has_guide:
        return Decision(Outcome.UNPUBLISHED, (Reason(ReasonCode.GUIDE_UNPUBLISHED, bundle.code, bundle.name),))
    return None


def decide(
    bundle: Bundle,
    checklist: Checklist,
    request: DeferralRequest | None,
    refusal: Refusal | None,
    *,
    today: dt.date,
    calendar: DeadlineCalendar,
    policy: CorrectionPolicy | None = None,
    deferral_policy: DeferralPolicy | None = None,
    received_on: dt.date | None = None,
    draft_allowed: bool = False,
) -> Decision:
    """The outcome of this intake, with every reason, the lists for the notices, and the dates.

    ``received_on`` is the day the materials arrived (``today`` when not given); it may not be later than ``today``.
    ``draft_allowed``: a 待核 guide may be taken under here (training, or a site that allows it).
    """
    received = today if received_on is None else received_on
    if received > today:
        raise ValueError(f"materials received on {received} cannot be decided on {today}")
    closed = _closed(bundle, draft_allowed)
    if closed is not None:
        return closed
    bundle = bundle.for_case(checklist.answers_dict())  # only the items applied for are promised or refused
    if refusal is not None:
        return _refuse(refusal, bundle)
    problems = checklist_problems(checklist, bundle)
    if problems:
        return Decision(Outcome.INCOMPLETE, tuple(Reason(p.code, p.subject, p.name) for p in problems))

    applicable = bundle.materials_for(checklist.answers_dict())
    entries = {e.code: e for e in checklist.entries}
    demanded = [m for m in applicable if m.necessity is not Necessity.OPTIONAL and not m.shared]
    short = [m for m in demanded if entries[m.code].receipt in NOT_ACCEPTABLE]
    short_required = [m for m in short if m.necessity is Necessity.REQUIRED]
    short_deferrable = [m for m in short if m.necessity is Necessity.DEFERRABLE]
    to_fetch = tuple(
        Reason(ReasonCode.SHARED_TO_FETCH, m.code, m.name)
        for m in applicable
        if m.shared and m.necessity is not Necessity.OPTIONAL and entries[m.code].receipt not in PRESENT
    )
    dates = Dates(calendar, today)

    if not short:
        promised = promised_date(bundle, dates)
        return Decision(
            Outcome.ACCEPT,
            (Reason(ReasonCode.ALL_PRESENT), *to_fetch, *_beyond(dates)),
            promised_date=promised,
            accepted_on=today,
            beyond_calendar_data=dates.beyond_data,
        )

    margin = (deferral_policy or DeferralPolicy()).margin
    blockers: list[Reason] = []
    due: dict[str, dt.date] = {}
    examined: list[dt.date] = []  # the days the margin after each guide-period due date ends
    if short_deferrable:
        accountable = [m for m in applicable if m.necessity is not Necessity.OPTIONAL]
        blockers = _deferral_blockers(accountable, entries, request, short_required)
        blockers += _deferral_dues(bundle, short_deferrable, dates, calendar, margin, today, due, examined)

    if not short_required and not blockers:
        deferred = tuple(
            DeferredMaterial(m.code, m.name, m.requirement, entries[m.code].defect_note, due[m.code])
            for m in short_deferrable
        )
        # the promise moves past the deferrals' margins rather than cut the periods the guide gave
        promised = max((d for d in (promised_date(bundle, dates), *examined) if d is not None), default=None)
        return Decision(
            Outcome.DEFER,
            (
                *(Reason(ReasonCode.DEFERRED, m.code, m.name) for m in short_deferrable),
                *to_fetch,
                *_beyond(dates),
            ),
            deferred=deferred,
            promised_date=promised,
            accepted_on=today,
            beyond_calendar_data=dates.beyond_data,
        )

    reasons = (*(_shortfall_reason(m, entries[m.code].receipt) for m in short), *blockers, *to_fetch)
    missing = tuple(
        MissingMaterial(m.code, m.name, m.requirement, entries[m.code].defect_note, m.necessity) for m in short
    )
    return _correction(bundle, calendar, dates, received, today, policy or CorrectionPolicy(), reasons, missing)


def _correction(
    bundle: Bundle,
    calendar: DeadlineCalendar,
    dates: Dates,
    received: dt.date,
    today: dt.date,
    periods: CorrectionPolicy,
    reasons: tuple[Reason, ...],
    missing: tuple[MissingMaterial, ...],
) -> Decision:
    """补正 with its two dates; or, past the office's own limit counted from arrival, acceptance instead."""
    notified = calendar.deadline(received, NOTIFY_LIMIT)
    if today > notified.date:
        to_fetch = tuple(r for r in reasons if r.code is ReasonCode.SHARED_TO_FETCH)
        return _accepted_late(bundle, calendar, received, to_fetch)
    correction_due = dates(periods.applicant_period)
    dates.beyond_data = dates.beyond_data or notified.beyond_data
    return Decision(
        Outcome.CORRECT,
        (*reasons, *_beyond(dates)),
        missing=missing,
        correction_due=correction_due,
        notify_by=notified.date,
        beyond_calendar_data=dates.beyond_data,
    )


def _accepted_late(
    bundle: Bundle, calendar: DeadlineCalendar, received: dt.date, to_fetch: tuple[Reason, ...]
) -> Decision:
    """A correction the office failed to tell in time: accepted on the day the materials arrived.

    行政许可法 第三十二条第一款第四项: "逾期不告知的，自收到申请材料之日起即为受理".  No correction notice may be
    issued any more; the promised date counts from the day of arrival, as the acceptance does.
    """
    dates = Dates(calendar, received)
    promised = promised_date(bundle, dates)
    return Decision(
        Outcome.ACCEPT,
        (Reason(ReasonCode.CORRECTION_NOTICE_LATE), *to_fetch, *_beyond(dates)),
        promised_date=promised,
        accepted_on=received,
        beyond_calendar_data=dates.beyond_data,
    )


def _beyond(dates: Dates) -> tuple[Reason, ...]:
    return (Reason(ReasonCode.BEYOND_CALENDAR_DATA),) if dates.beyond_data else ()


def _deferral_dues(
    bundle: Bundle,
    deferrable: list[Material],
    dates: Dates,
    calendar: DeadlineCalendar,
    margin: TimeLimit,
    today: dt.date,
    due: dict[str, dt.date],
    examined: list[dt.date],
) -> list[Reason]:
    """Each deferrable material's due date into ``due`` (the margins after the guide's periods into ``examined``);
    the reasons a material cannot be deferred."""
    blockers = []
    for m in deferrable:
        if m.deferral_limit is not None:
            if (found := guide_due(bundle, m, dates, calendar, margin)) is None:
                blockers.append(Reason(ReasonCode.DEFERRAL_PAST_LEGAL, m.code, m.name))
            else:
                due[m.code] = found[0]
                examined.append(found[1])
        elif not due_limits(bundle, m):
            blockers.append(Reason(ReasonCode.DEFERRAL_NO_DEADLINE, m.code, m.name))
        elif (day := due_date(bundle, m, dates, calendar, margin, today)) is None:
            blockers.append(Reason(ReasonCode.DEFERRAL_NO_MARGIN, m.code, m.name))
        else:
            due[m.code] = day
    return blockers


def _deferral_blockers(
    accountable: list[Material],
    entries: dict[str, MaterialEntry],
    request: DeferralRequest | None,
    short_required: list[Material],
) -> list[Reason]:
    """Every reason deferral cannot be granted, all at once (domain §4)."""
    blockers = [Reason(ReasonCode.DEFERRAL_MAIN_MISSING)] if short_required else []
    if not any(entries[m.code].receipt in HANDED_IN | PRESENT for m in accountable):
        blockers.append(Reason(ReasonCode.DEFERRAL_NOTHING_HANDED_IN))
    if request is None:
        blockers.append(Reason(ReasonCode.DEFERRAL_NOT_REQUESTED))
    else:
        if not request.no_bad_credit:
            blockers.append(Reason(ReasonCode.DEFERRAL_CREDIT_UNCONFIRMED))
        if not request.pledge_signed:
            blockers.append(Reason(ReasonCode.DEFERRAL_PLEDGE_UNSIGNED))
    return blockers
