"""电子送达 of a case's department papers (:mod:`counter.documents.e_service`): agreement, sending, confirmation.

The applicant's agreement is recorded by the window, at intake or later, with its means and its day, as a line of the
case's history.  Where it is recorded and the site reports to the platform, :func:`serve_online` sends each
department paper of the case made and not served (its 补正 first, then its 受理 and its 不予受理) to the applicant
through the platform's 电子文书 service (:class:`counter.host.outward.paper_post.PaperLink`), and asks after each
one sent: a paper is recorded as served (``paper_service``, way ``online``) only once the platform confirms its
delivery, on the day it names, and its history line says so.  Until then it is not served, whatever was sent.

A paper goes up as its sealed OFD where this machine holds its department's electronic seal: the sealed file kept
for it (:func:`counter.actions.admin.paper_seals.kept_ofd`, sealed at its first need, given back byte for byte after),
the seal's body, moment and digest in the platform's fields.  Where the seal is not here, it goes up as its PDF, and
the round names the paper and the body (the window says the paper went unsealed and why).

A resend is the same paper: the paper is read back as it was made (a reprint is the first print's bytes) in the form
first sent (``paper_sent.doc_format``: a paper sent as its PDF is sent as it again, even once the seal is here), its
SM3 digest compared with the one kept when it was first sent, and sent under the same key, which the platform keeps
once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.case_rights import permission_for
from counter.access.desk import Desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.actions.admin.outward_settings import with_secret
from counter.actions.cases.decisions import case_and_bundle
from counter.actions.cases.documents import made_document
from counter.actions.cases.item_track import standings
from counter.actions.cases.paper_links import LinkSender, Post, link_waiting
from counter.actions.cases.received_cases import status_after
from counter.audit.actions import AuditAction
from counter.case.moments import moment_on
from counter.case.served import ServiceWay
from counter.case.status import CaseEvent
from counter.db import models
from counter.db.case_store import add_history, case_view
from counter.db.catalog_store import guide_version
from counter.db.platform_store import platform_settings
from counter.documents.e_service import (
    SERVED_ONLINE,
    TITLES,
    Agreement,
    EServiceProblem,
    EServiceRefused,
    PaperFormat,
    ServiceMeans,
    agreement_note,
    delivery_problem,
    served_note,
)
from counter.documents.kinds import DocumentKind, record_kind
from counter.documents.paper_link import is_link
from counter.host.outward.paper_post import Delivery, PaperLink
from counter.host.outward.platform_client import ReportRequest
from counter.host.outward.platform_secret import PLATFORM_SECRET
from counter.outbox.rules import Answer, Outcome, request_key
from counter.platform.paper_fields import OnlinePaper, paper_fields, seal_of
from counter.platform.settings import PlatformSettings
from counter.sync.sm2 import sm3


@dataclass(frozen=True, slots=True)
class OnlineRound:
    """What one :func:`serve_online` did: the papers sent (or sent again), those still unconfirmed, and those the
    platform confirmed now, by number; and of those sent, the ones that went as their PDF, unsealed, because this
    machine holds no electronic seal of their body (number, body)."""

    sent: tuple[str, ...] = ()
    waiting: tuple[str, ...] = ()
    served: tuple[str, ...] = ()
    unsealed: tuple[tuple[str, str], ...] = ()
    #: by SMS link: the papers given no link for want of their body's seal here (number, body), served on paper
    unlinked: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class _Due:
    """A department paper of the case made and not served: its kind, item, record and the item's department."""

    kind: DocumentKind
    item_code: str
    record: models.DocumentRecord
    department: str


class Courier:
    """How papers reach the platform: the link's two calls (a test's stub is a platform reached the same way)."""

    def __init__(self, link: PaperLink | None = None, sms: Post | None = None) -> None:
        self.link = link or PaperLink()
        self.sms = sms  # the SMS gateway's post for papers served by link (None: the gateway's own connection)

    def send(self, request: ReportRequest) -> Answer:
        return self.link.send(request)

    def delivery(self, request: ReportRequest, remote_id: str) -> Delivery:
        return self.link.delivery(request, remote_id)

    def close(self) -> None:
        self.link.close()


def agreement_of(session: Session, case: models.Case) -> Agreement | None:
    row = session.get(models.EServiceAgreement, case.id)
    return None if row is None else Agreement(ServiceMeans(row.means), row.agreed_on, row.clerk)


def agree(session: Session, desk: Desk, number: str, means: ServiceMeans, today: dt.date) -> Agreement:
    """The applicant's agreement to electronic service by ``means``, given ``today``: kept on the case (a later one
    replaces the means), a line of its history and an audit entry."""
    require(session, desk.actor, permission_for(CaseEvent.E_SERVICE_AGREED))
    case, _ = case_and_bundle(session, number, lock=True)
    status_after(session, case, CaseEvent.E_SERVICE_AGREED)  # a voided case: MoveNotAllowed
    row = session.get(models.EServiceAgreement, case.id)
    if row is None:
        row = models.EServiceAgreement(case_id=case.id)
        session.add(row)
    row.means, row.agreed_on, row.clerk = means.value, today, desk.clerk
    agreement = Agreement(means, today, desk.clerk)
    note = agreement_note(agreement)
    add_history(session, case, CaseEvent.E_SERVICE_AGREED.value, note, clerk=desk.clerk, at=_at(today))
    detail = {"event": CaseEvent.E_SERVICE_AGREED.value, "status": case.status, "note": note}
    record_at_desk(session, desk, AuditAction.CASE_CHANGED, case.case_no, detail)
    return agreement


def serve_online(
    session: Session,
    desk: Desk,
    number: str,
    today: dt.date,
    courier: Courier | None = None,
    folder: Path | None = None,
) -> OnlineRound:
    """Send the case's department papers made and not served, and record as served those the platform confirms.

    Raises :class:`EServiceRefused`: ``NOT_AGREED`` (paper only), ``NOT_REPORTING`` (no connection to send through),
    ``CHANGED`` (a paper's bytes are not those first sent) or ``BAD_DAY`` (a confirmed day before the sending or
    after today: nothing recorded of it).  ``folder``: the key folder the platform's secret is read from."""
    require(session, desk.actor, permission_for(CaseEvent.PAPER_SERVED_ONLINE))
    case, _ = case_and_bundle(session, number, lock=True)
    agreement = agreement_of(session, case)
    if agreement is None:
        raise EServiceRefused(EServiceProblem.NOT_AGREED, case.case_no)
    if agreement.means is ServiceMeans.SMS:  # by link, through the hall's SMS gateway: the platform sends nothing
        sender = LinkSender(session, case, folder, courier.sms if courier is not None else None)
        status_after(session, case, CaseEvent.PAPER_SERVED_ONLINE)
        return _by_link(session, desk, case, today, sender)
    settings = with_secret(platform_settings(session), PLATFORM_SECRET, folder)  # the secret: this machine's
    if not settings.sends or settings.problems():
        raise EServiceRefused(EServiceProblem.NOT_REPORTING, case.case_no)
    status_after(session, case, CaseEvent.PAPER_SERVED_ONLINE)
    own = courier is None  # a link of this call's own: closed when done
    courier = courier or Courier()
    try:
        sent, unsealed = _sent(session, desk, case, today, courier, settings, agreement.means)
        confirmed = _confirmed(session, desk, case, today, courier, settings, sent)
        return dataclasses.replace(confirmed, unsealed=unsealed)
    finally:
        if own:
            courier.close()


def _by_link(session: Session, desk: Desk, case: models.Case, today: dt.date, sender: LinkSender) -> OnlineRound:
    """Each sealed department paper made and not served, sent as a new link by SMS unless one still opens; those
    whose body's seal is not here named, not sent (served on paper).  The download records the service."""
    sent: list[str] = []
    waiting: list[str] = []
    unlinked: list[tuple[str, str]] = []
    for due in _unserved(session, case):
        kept = session.get(models.PaperSent, (case.id, due.record.doc_no))
        if link_waiting(kept, today):
            waiting.append(due.record.doc_no)
            continue
        if kept is not None and kept.remote_id and not is_link(kept.remote_id):
            continue  # taken by the platform before the means changed: asked after there
        paper, missing = _paper(session, desk, case, today, ServiceMeans.SMS, due, kept)
        if missing or paper.doc_format != PaperFormat.OFD.value:
            unlinked.append((paper.doc_no, missing or due.department))  # a link gives the sealed paper, or nothing
            continue
        if kept is not None and kept.digest != paper.digest:
            raise EServiceRefused(EServiceProblem.CHANGED, case.case_no, paper.doc_no)
        kept = kept or _sending(session, case, paper, today)
        remote_id = sender.send(case, paper.doc_no, today)
        if remote_id:
            kept.remote_id, kept.sent_on = remote_id, today  # the link opens from today, for LINK_DAYS
            sent.append(paper.doc_no)
    session.flush()
    return OnlineRound(tuple(sent), tuple(waiting), (), unlinked=tuple(unlinked))


def _sending(session: Session, case: models.Case, paper: OnlinePaper, today: dt.date) -> models.PaperSent:
    """A paper's first sending, kept with its digest and format before any answer: a resend sends the same bytes,
    in the same format (a paper first sent as its PDF stays a PDF)."""
    kept = models.PaperSent(
        case_id=case.id, doc_no=paper.doc_no, kind=paper.doc_type, item_code=paper.item_code, digest=paper.digest,
        doc_format=paper.doc_format, sent_on=today, remote_id="",
    )  # fmt: skip
    session.add(kept)
    return kept


def _sent(
    session: Session,
    desk: Desk,
    case: models.Case,
    today: dt.date,
    courier: Courier,
    settings: PlatformSettings,
    means: ServiceMeans,
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Send each department paper made and not served that the platform has not taken yet; the numbers it took, and
    those of them sent as their PDF for want of their body's seal here, with the body."""
    sent: list[str] = []
    unsealed: list[tuple[str, str]] = []
    for due in _unserved(session, case):
        kept = session.get(models.PaperSent, (case.id, due.record.doc_no))
        if kept is not None and kept.remote_id:
            continue  # sent and acknowledged: asked after below
        paper, missing = _paper(session, desk, case, today, means, due, kept)
        if kept is not None and kept.digest != paper.digest:
            raise EServiceRefused(EServiceProblem.CHANGED, case.case_no, paper.doc_no)
        request = _request(settings, f"paper {case.uid} {paper.doc_no} {paper.digest}", paper_fields(paper))
        answer = courier.send(request)
        kept = kept or _sending(session, case, paper, today)
        if answer.outcome is Outcome.SENT:
            kept.remote_id, kept.sent_on = answer.remote_id, today  # the day the platform took it
            sent.append(paper.doc_no)
            if missing:
                unsealed.append((paper.doc_no, missing))
    session.flush()
    return tuple(sent), tuple(unsealed)


def _confirmed(
    session: Session,
    desk: Desk,
    case: models.Case,
    today: dt.date,
    courier: Courier,
    settings: PlatformSettings,
    sent: tuple[str, ...],
) -> OnlineRound:
    """Ask after every paper sent and not served; record those delivered, on the platform's day."""
    rows = session.scalars(
        select(models.PaperSent).where(models.PaperSent.case_id == case.id).order_by(models.PaperSent.doc_no)
    ).all()
    waiting: list[str] = []
    served: list[str] = []
    for row in rows:
        if not row.remote_id or is_link(row.remote_id):  # unsent, or a link: its download is the confirmation
            continue
        if session.get(models.PaperService, (case.id, row.doc_no)) is not None:
            continue
        request = _request(settings, f"delivery {row.remote_id}", {})
        delivery = courier.delivery(request, row.remote_id)
        day = delivery.delivered_on
        if day is None:
            waiting.append(row.doc_no)
            continue
        if delivery_problem(row.sent_on, day, today) is not None:
            raise EServiceRefused(EServiceProblem.BAD_DAY, case.case_no, row.doc_no)
        _record(session, desk, case, row, day, today)
        served.append(row.doc_no)
    return OnlineRound(sent, tuple(waiting), tuple(served))


def _record(
    session: Session, desk: Desk, case: models.Case, row: models.PaperSent, day: dt.date, today: dt.date
) -> None:
    """The paper served on ``day``, the platform's: the service every period of it reads, and its history line."""
    session.add(
        models.PaperService(
            case_id=case.id, doc_no=row.doc_no, way=ServiceWay.ONLINE.value, served_on=day, recipient="",
            tracking_no=row.remote_id[:40], clerk=desk.clerk,
        )
    )  # fmt: skip
    note = served_note(row.doc_no, DocumentKind(row.kind), row.item_code, day)
    add_history(session, case, CaseEvent.PAPER_SERVED_ONLINE.value, note, clerk=desk.clerk, at=_at(today))
    detail = {"event": CaseEvent.PAPER_SERVED_ONLINE.value, "status": case.status, "note": note}
    record_at_desk(session, desk, AuditAction.CASE_CHANGED, case.case_no, detail)


def _unserved(session: Session, case: models.Case) -> list[_Due]:
    """The department papers of the case made and not served, 补正 first."""
    stored = guide_version(session, case.guide_version_id)
    assert stored is not None  # a case keeps its guide version
    view = case_view(session, case.case_no)
    assert view is not None
    case_bundle = stored.bundle.for_case(dict(view.answers))
    departments = {s.code: s.department for s in standings(session, view, case_bundle, None)}
    records = {
        r.kind: r
        for r in session.scalars(select(models.DocumentRecord).where(models.DocumentRecord.case_id == case.id))
    }
    found: list[_Due] = []
    for kind in SERVED_ONLINE:
        for place, item in enumerate(stored.bundle.items, 1):
            record = records.get(record_kind(kind, place))
            if record is None or session.get(models.PaperService, (case.id, record.doc_no)) is not None:
                continue
            found.append(_Due(kind, item.code, record, departments.get(item.code, "")))
    return found


def _paper(
    session: Session,
    desk: Desk,
    case: models.Case,
    today: dt.date,
    means: ServiceMeans,
    due: _Due,
    kept: models.PaperSent | None,
) -> tuple[OnlinePaper, str]:
    """The paper to send, read back as made: its sealed OFD where its body's seal is here, else its PDF, or the
    form it was first sent in (``kept``); and the body whose seal is not here where it goes as its PDF for want of
    it ("" otherwise)."""
    as_pdf = kept is not None and kept.doc_format == PaperFormat.PDF.value
    made = made_document(session, desk, case.case_no, due.kind, today, due.item_code, ofd=not as_pdf)  # as made
    sealed = bool(made.ofd_sealed_by)  # the sealed file kept for it, the same bytes at each call
    content = made.ofd if sealed else made.pdf
    paper = OnlinePaper(
        case.case_no, due.item_code, made.doc_no, due.kind.value, TITLES[due.kind], due.department,
        due.record.issued_on, means.value, sm3(content).hex(), content,
        (PaperFormat.OFD if sealed else PaperFormat.PDF).value, seal_of(content) if sealed else None,
    )  # fmt: skip
    return paper, "" if sealed else made.ofd_seal_missing


def _request(settings: PlatformSettings, key: str, fields: dict[str, str]) -> ReportRequest:
    return ReportRequest(
        settings.endpoint, settings.account, settings.secret, request_key(key), fields, settings.timeout,
        settings.ca_file,
    )  # fmt: skip


def _at(today: dt.date) -> dt.datetime:
    return moment_on(today, models.utcnow())
