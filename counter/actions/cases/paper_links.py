"""电子送达 by SMS link (:mod:`counter.documents.paper_link`): the papers sent as one-time links, and their download.

Where the applicant agreed to service by SMS, :func:`counter.actions.cases.e_service.serve_online` sends each
department paper made and not served as a link in an SMS, straight through the hall's SMS gateway (never queued in
the outbox: the token is in the message and nowhere else, and a message waiting in the outbox keeps its text).  The
record of the sending (``paper_sent``) keeps the paper's digest and the token's hash in place of the platform's id;
a link not downloaded while it opened is sent anew (a new token), one still open is left to the applicant.

Only a sealed paper goes by link: the download page gives its sealed OFD (the file kept for it, the one
``counter paper verify`` finds good), never an unsealed PDF that has not the effect of the paper.  A body whose seal is
not here has its paper named in the round, as for the platform, and served on paper.

The download (:func:`download`, at the hall server, :mod:`counter.server.paper_download`) is the service: its day, the
server's, is the day every period of the paper runs from.  A download after the first gives the same bytes and
records nothing.  The link itself answers a page that names the paper (:func:`linked_paper`) and records nothing:
a phone's link preview or a carrier's scanner fetches a link no one opened, and only the page's own link, followed
by the applicant, is the download.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Actor
from counter.actions.admin.audit import record_at_desk
from counter.actions.cases.documents import office_settings
from counter.audit.actions import AuditAction
from counter.case.moments import moment_on
from counter.case.numbers import DeskIdentity
from counter.case.served import ServiceWay
from counter.case.status import CaseEvent, CaseStatus
from counter.db import models, outbox_store
from counter.db.case_store import add_history
from counter.db.platform_store import platform_settings
from counter.db.settings_store import is_training
from counter.documents.e_service import EServiceProblem, EServiceRefused, ServiceMeans, served_note
from counter.documents.kinds import DocumentKind
from counter.documents.paper_link import (
    LINK_DAYS,
    LINK_MARK,
    LinkedPaper,
    is_link,
    link_id,
    link_open,
    link_url,
    new_token,
)
from counter.host.outward.sms_gateway import Answer, SmsRequest, post_message
from counter.host.outward.sms_secret import GATEWAY_SECRET, load_secret, secret_path
from counter.outbox.rules import Outcome, request_key
from counter.sms.kinds import MessageKind
from counter.sms.texts import MessageFacts, message_text
from counter.sync.sm2 import sm3

log = logging.getLogger(__name__)

Post = Callable[[SmsRequest], Answer]
#: who a download is recorded as: the applicant, through the link, no account of the hall
LINK_ACTOR = Actor("link:download", "短信链接下载", frozenset())


class LinkSender:
    """What a round by link needs of the hall: the gateway's settings, the page's address and a way to post."""

    def __init__(self, session: Session, case: models.Case, folder: Path | None, post: Post | None) -> None:
        stored = outbox_store.gateway_settings(session)  # its secret: this machine's, or an earlier version's
        secret = load_secret(secret_path(GATEWAY_SECRET, folder)) or stored.secret
        self.gateway = dataclasses.replace(stored, secret=secret)
        self.base = platform_settings(session).download_base.strip()
        self.phone = case.notify_phone.strip()
        self.post = post or post_message
        if is_training(session):  # a training case is made up: its papers go nowhere
            raise EServiceRefused(EServiceProblem.NOT_REPORTING, case.case_no)
        self.sign = self.gateway.sign or office_settings(session, case.site_code).office_name
        if not self.base.startswith("https://"):
            raise EServiceRefused(EServiceProblem.NO_LINK_BASE, case.case_no)
        if not self.gateway.configured or self.gateway.problems():
            raise EServiceRefused(EServiceProblem.NO_SMS_GATEWAY, case.case_no)
        if not self.phone:
            raise EServiceRefused(EServiceProblem.NO_PHONE, case.case_no)

    def send(self, case: models.Case, doc_no: str, today: dt.date) -> str:
        """A new link to the paper sent by SMS: the link's id (:func:`link_id`) when the gateway took it, else ""."""
        token = new_token()
        until = today + dt.timedelta(days=LINK_DAYS)
        facts = MessageFacts(MessageKind.PAPER_LINK, case.case_no, date=until, link=link_url(self.base, token))
        settings = self.gateway
        answer = self.post(
            SmsRequest(
                endpoint=settings.endpoint, account=settings.account, secret=settings.secret,
                key=request_key(f"paper-link {case.uid} {doc_no} {link_id(token)}"), phone=self.phone,
                sign=settings.sign, template_id=settings.templates.get(MessageKind.PAPER_LINK.value, ""),
                params=facts.params(), content=message_text(facts, self.sign), timeout=settings.timeout,
            )
        )  # fmt: skip
        return link_id(token) if answer.outcome is Outcome.SENT else ""


def link_waiting(row: models.PaperSent | None, today: dt.date) -> bool:
    """Whether the paper's link is out and still opens: the applicant's to download, nothing to send."""
    return row is not None and is_link(row.remote_id) and link_open(row.sent_on, today)


def linked_paper(session: Session, token_hash: str, today: dt.date) -> LinkedPaper | None:
    """The paper the link of ``token_hash`` opens ``today``, named and nothing recorded: the page a link's first
    request answers, since a phone's preview or a carrier's scanner fetches it with no one reading; None where
    :func:`download` would give nothing."""
    found = _opened(session, token_hash, today)
    if found is None:
        return None
    row, case, _ = found
    return LinkedPaper(DocumentKind(row.kind), row.doc_no, case.case_no, row.sent_on + dt.timedelta(days=LINK_DAYS))


def download(session: Session, token_hash: str, today: dt.date, now: dt.datetime) -> bytes | None:
    """The sealed paper the link of ``token_hash`` (the token's SHA-256) opens ``today``, its first download
    recorded as the paper's service on ``today``; None, and nothing recorded, for a link unknown or closed, a case
    voided, or a kept file that is not the one sent."""
    found = _opened(session, token_hash, today)
    if found is None:
        return None
    row, case, ofd = found
    if session.get(models.PaperService, (case.id, row.doc_no)) is None:
        _served(session, case, row, today, now)
    return ofd


def _opened(session: Session, token_hash: str, today: dt.date) -> tuple[models.PaperSent, models.Case, bytes] | None:
    """The sending, the case and the sealed file a link opens ``today``; None for a link unknown or closed, a case
    voided, or a kept file that is not the one sent."""
    wanted = LINK_MARK + token_hash
    row = session.scalars(select(models.PaperSent).where(models.PaperSent.remote_id == wanted)).first()
    if row is None or not link_open(row.sent_on, today):
        return None
    case = session.get(models.Case, row.case_id)
    record = session.scalars(
        select(models.DocumentRecord).where(
            models.DocumentRecord.case_id == row.case_id, models.DocumentRecord.doc_no == row.doc_no
        )
    ).first()
    sealed = None if record is None else session.get(models.SealedPaper, record.id)
    if case is None or case.status == CaseStatus.VOIDED.value or sealed is None:
        return None
    if sm3(sealed.ofd).hex() != row.digest:  # the file kept is not the one the link was sent for: nothing given
        log.warning("paper %s of case %s: the sealed file is not the one sent by link", row.doc_no, case.case_no)
        return None
    return row, case, sealed.ofd


def _served(session: Session, case: models.Case, row: models.PaperSent, today: dt.date, now: dt.datetime) -> None:
    """The paper served by its first download, ``today``: the service every period of it reads, a history line and
    an audit entry at the case's desk, acted by the link."""
    session.add(
        models.PaperService(
            case_id=case.id, doc_no=row.doc_no, way=ServiceWay.ONLINE.value, served_on=today, recipient="",
            tracking_no="sms", clerk=LINK_ACTOR.name,
        )
    )  # fmt: skip
    note = served_note(row.doc_no, DocumentKind(row.kind), row.item_code, today, ServiceMeans.SMS)
    at = moment_on(today, now)
    add_history(session, case, CaseEvent.PAPER_SERVED_ONLINE.value, note, clerk=LINK_ACTOR.name, at=at)
    desk = Desk(DeskIdentity(case.site_code, case.desk_no), LINK_ACTOR.name, LINK_ACTOR)
    detail = {"event": CaseEvent.PAPER_SERVED_ONLINE.value, "status": case.status, "note": note, "way": "sms"}
    record_at_desk(session, desk, AuditAction.CASE_CHANGED, case.case_no, detail, at=at)
    session.flush()
