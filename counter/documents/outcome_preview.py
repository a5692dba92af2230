"""What an intake's form comes to, decided from what the intake read once: the same rule at the desk and at the commit.

The outcome preview changes at every answer, material row, deferral and choice; what it is decided from does not
change while the intake is open: the stored guide version, the office's calendar, the hall's two periods, whether a
待核 guide may be taken, the site's office settings and what it holds of its items.  Those are read once, as
:class:`PreviewGrounds` (``intake.preview_grounds``), and the desk decides each change itself with
:func:`preview_of`, so that a clerk's intake costs one read rather than one per change.  The commit still decides
again at the server from its own reads (:mod:`counter.actions.intake.take`), with :func:`printable` and
:func:`received_papers_of` as here: the desk's preview shows, it never decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from counter.calendar.workdays import BeyondData, HolidayTable, WorkCalendar
from counter.case.intake_request import IntakeRequest
from counter.case.site_authority import EntrustedAct, SiteAuthority
from counter.case.status import NOTE_CODES_JOIN
from counter.catalog.model import Bundle, Item
from counter.catalog.stored_guide import StoredGuide
from counter.documents.acceptance import Acceptance, HeldItems, departments_of, held_from, paper_standing
from counter.documents.acting import received_title
from counter.documents.data import OfficeSettings
from counter.documents.deciders import unnamed_bodies
from counter.documents.item_law import rights_items
from counter.documents.kinds import DocumentKind
from counter.intake.not_possible import IntakeNotPossible, NotPossibleWhy
from counter.intake.outcome import Decision, Outcome, Reason, ReasonCode, Refusal, decide
from counter.intake.provisional import provisional_mark
from counter.intake.rules import IntakeRules

#: the act a refusal at the window is: a hall whose agreement leaves it out refuses nothing (standing_for)
REFUSE = EntrustedAct.REFUSE
#: the paper each decided outcome hands over first (counter.documents.outcome_papers.OUTCOME_PAPERS), by Outcome value
OUTCOME_PAPER = {
    Outcome.ACCEPT.value: DocumentKind.RECEIPT,
    Outcome.DEFER.value: DocumentKind.DEFERRAL,
    Outcome.CORRECT.value: DocumentKind.CORRECTION,
    Outcome.REFUSE.value: DocumentKind.REFUSAL,
}


@dataclass(frozen=True)
class IntakePreview:
    """The outcome the commit would come to now; ``beyond``: where the holiday data stops before its dates;
    ``papers``: the hall's 收件 paper of each outcome (by Outcome value) where it only receives the items."""

    decision: Decision
    beyond: BeyondData | None
    papers: dict[str, str]


@dataclass(frozen=True)
class PreviewGrounds:
    """What an intake's preview is decided from besides the form, read as the commit reads it.

    ``guide``: the stored version the form was opened on (None when the server has none of that number);
    ``holidays``: the office's calendar, the package's days under the office's own; ``rules``: the hall's periods;
    ``draft_allowed``: whether a 待核 guide may be taken here; ``office`` and ``authority``: the desk's site's office
    settings and what it holds of its items, which name the paper each outcome prints.
    """

    guide: StoredGuide | None
    holidays: HolidayTable
    rules: IntakeRules
    draft_allowed: bool
    office: OfficeSettings
    authority: SiteAuthority

    def serve(self, request: IntakeRequest) -> bool:
        """Whether these grounds are those of ``request``'s guide version (a form put back from another is not)."""
        version = request.checklist.guide_version
        return self.guide is not None and version is not None and int(version) == self.guide.version_id


def preview_of(
    grounds: PreviewGrounds, request: IntakeRequest, today: dt.date, applied: Iterable[Item]
) -> IntakePreview:
    """What ``request`` comes to on ``today``, with ``applied`` the items its answers apply; :class:`IntakeNotPossible`
    as the commit refuses it (a guide version not stored)."""
    stored = grounds.guide
    if stored is None or not grounds.serve(request):
        version = request.checklist.guide_version
        raise IntakeNotPossible(None, why=NotPossibleWhy.GUIDE_VERSION_MISSING, names=(str(version),))
    calendar = WorkCalendar(grounds.holidays)
    held = held_items(grounds.authority)
    case_bundle = stored.bundle.for_case(request.checklist.answers_dict())
    decision = decide(
        stored.bundle,
        request.checklist,
        request.deferral,
        forwarded(request.refusal, case_bundle, grounds.office, held),
        today=today,
        calendar=calendar,
        policy=grounds.rules.correction_policy(),
        deferral_policy=grounds.rules.deferral_policy(),
        draft_allowed=grounds.draft_allowed,
    )
    decision = printable(case_bundle, decision, grounds.office, held)  # asked at the commit (IntakeRequest.refusal)
    papers = received_papers_of(applied, grounds.office, held)
    return IntakePreview(decision, provisional_mark(calendar, today, decision), papers)


def held_items(authority: SiteAuthority) -> HeldItems:
    return held_from(authority)


def forwarded(refusal: Refusal | None, bundle: Bundle, office: OfficeSettings, held: HeldItems) -> Refusal | None:
    """The refusal the intake is decided with: none where the window only receives the items and the applicant,
    told its finding, insists (:attr:`Refusal.insists`): the window refuses nothing (许可法 第三十二条 is the
    departments'), so it takes the materials as 收件 — checked as any other, the paper a 收件凭证 — and forwards
    them the same day, and the department decides.  Where the window may refuse (its own items, or one entrusting
    body's), the answer changes nothing: its 不予受理 is an act with its own remedy."""
    if refusal is None or refusal.insists is not True:
        return refusal
    return None if paper_standing(bundle.items, office, held, REFUSE) is Acceptance.RECEIVED else refusal


def insists_unasked(
    bundle: Bundle, decision: Decision, office: OfficeSettings, held: HeldItems, insists: bool | None
) -> Decision:
    """At the commit: a 申请事项告知书 only once the applicant was asked and does not insist (then it records the
    applicant's withdrawal, never a refusal: :func:`counter.platform.events.told_as`); unasked, the intake waits
    for the answer (:attr:`ReasonCode.INSISTS_UNASKED`).  The desk's preview shows the paper and asks at the commit
    (:mod:`counter.ui.intake.refusal_confirm`); a file names the answer (``refusal.insists``)."""
    if decision.outcome is not Outcome.REFUSE or insists is not None:
        return decision
    if paper_standing(bundle.items, office, held, REFUSE) is not Acceptance.RECEIVED:
        return decision
    items = "、".join(item.name for item in bundle.items)
    reason = Reason(ReasonCode.INSISTS_UNASKED, departments_of(bundle.items, office), items)
    return Decision(Outcome.INCOMPLETE, (reason,))


def withdrawn_at_window(bundle: Bundle, decision: Decision, office: OfficeSettings, held: HeldItems) -> bool:
    """Whether the intake ends in the applicant's withdrawal: a 申请事项告知书 of a window that may not refuse (one of
    the items only received, several bodies' items, or an agreement that leaves 不予受理 out: the window refuses
    nothing in a department's name beyond it), made only once the applicant, told the finding, did not insist
    (:func:`insists_unasked`).  The case is kept as withdrawn (撤回), never refused: nothing was refused, and
    its state, its history and the figures say what the platform hears (:func:`counter.platform.events.told_as`)."""
    refusing = decision.outcome is Outcome.REFUSE
    return refusing and paper_standing(bundle.items, office, held, REFUSE) is Acceptance.RECEIVED


def printable(bundle: Bundle, decision: Decision, office: OfficeSettings, held: HeldItems) -> Decision:
    """An outcome whose paper (the act, 许可法 第三十二条) cannot print yet is not made: one in an entrusting body's
    a refusal naming an unset 复议 body (an entrusted licence before the site answers that it may be entrusted is
    received, counter.documents.acceptance).

    Nor a 不予受理 the window may not make: on a licence's own ground (第一项: no licence is needed; 第七十八条: false
    materials) of a bundle it only receives (or whose items several bodies accept), the finding and the refusal are
    the licensing department's (:mod:`counter.documents.item_refusal`).  A hall that cannot refuse does not send the
    materials home: it takes them as 收件 and forwards them, and the department decides (REFUSAL_NOT_THE_WINDOWS,
    naming the items and who decides them).  第二项 — the application is not for the bodies this window receives for
    — stays the window's 告知 of where to apply (:func:`counter.documents.acting.received_refusal`)."""
    if not decision.outcome.decided:
        return decision
    ground = decision.refusal
    licence_ground = ground is not None and ground.licensing_only
    if licence_ground and paper_standing(bundle.items, office, held, REFUSE) is Acceptance.RECEIVED:
        items = "、".join(item.name for item in bundle.items)
        reason = Reason(ReasonCode.REFUSAL_NOT_THE_WINDOWS, departments_of(bundle.items, office), items)
        return Decision(Outcome.INCOMPLETE, (reason,))
    refusing = rights_items(bundle.items, office, held) if decision.outcome is Outcome.REFUSE else ()
    unnamed = unnamed_bodies(refusing, office)  # whose refusal it is: counter.documents.acceptance
    if not unnamed:
        return decision
    reasons = (Reason(ReasonCode.REVIEW_BODY_UNNAMED, name, NOTE_CODES_JOIN.join(by)) for name, by in unnamed)
    return Decision(Outcome.INCOMPLETE, tuple(reasons))


def received_papers_of(items: Iterable[Item], office: OfficeSettings, held: HeldItems) -> dict[str, str]:
    """The title of each outcome's paper (by Outcome value) where it is the hall's 收件 paper for ``items``; an
    outcome whose paper is the kind's own (the site's, or in an entrusting department's name) is not listed."""
    items = tuple(items)
    titles = {outcome: received_title(kind, items, office, held) for outcome, kind in OUTCOME_PAPER.items()}
    return {outcome: found[0] for outcome, found in titles.items() if found is not None}
