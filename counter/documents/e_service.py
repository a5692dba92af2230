"""电子送达: a department's paper served through the region's platform, where the applicant agreed to it.

国务院《关于在线政务服务的若干规定》 (2019) gives an electronic document of an administrative body the effect of
paper, and seed 001 第十九条 names 电子文书网上送达 among the ways a result reaches the applicant; but only where the
applicant agreed, and agreed to a means: the account the applicant holds on the platform, or an SMS link to the
hall's download page (reached from outside only through the platform's gateway).  The agreement is the case's, kept
with its day and means, given at intake or later at the window; without it a paper is served on paper only.

A paper so sent is not served when it is sent: the platform delivers it, and its confirmation names the day it was
delivered (for a link, the day it was fetched).  That day is the day of service (:class:`counter.case.served
.Service`, way ``online``), and a period the paper gives runs from it, never from the day it was made or sent.  A
paper sent again (the platform lost it, the applicant asks) is the same paper: the same bytes, under the same number,
whose digest the record of the sending keeps; a paper whose bytes differ from those sent is not sent in their place.
It goes up as the sealed OFD kept for it where its body's seal is here (:class:`PaperFormat`), as its PDF where not,
and a resend keeps the form first sent.

Plain codes: the faces word them (:mod:`counter.words.e_service`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from counter.documents.kinds import DocumentKind


class ServiceMeans(StrEnum):
    PLATFORM = "platform"  # the applicant's account on the region's platform (its 电子文书 box)
    SMS = "sms"  # an SMS link to the hall's download page, through the platform's gateway


class PaperFormat(StrEnum):
    """The form a paper goes up in.  Its sealed OFD where this machine holds its body's electronic seal (GB/T 38540:
    the paper itself, with the effect of the sealed paper); else its PDF, an unsealed copy, as before papers were
    sealed.  A paper keeps the form it was first sent in: a resend is the same bytes."""

    PDF = "pdf"
    OFD = "ofd"


@dataclass(frozen=True, slots=True)
class Agreement:
    """The applicant's agreement to electronic service: the means, the day given, and who recorded it."""

    means: ServiceMeans
    agreed_on: dt.date
    clerk: str = ""


#: the papers served electronically: a department's answers to what the hall received (行政许可法 第三十二条), its
#: 补正 first, then its 受理 and its 不予受理 (:data:`counter.documents.kinds.DEPARTMENT_PAPERS` less 不予批准, whose
#: service goes with the hand-over of the case's results)
SERVED_ONLINE = (DocumentKind.SUPPLEMENT, DocumentKind.ACCEPTANCE, DocumentKind.ITEM_REFUSAL)
#: their titles as the papers print them, for the platform's 文书名称
TITLES = {
    DocumentKind.SUPPLEMENT: "补正材料通知书",
    DocumentKind.ACCEPTANCE: "受理通知书",
    DocumentKind.ITEM_REFUSAL: "不予受理通知书",
}


class EServiceProblem(StrEnum):
    NOT_AGREED = "not_agreed"  # the applicant did not agree to electronic service: paper only
    NOT_REPORTING = "not_reporting"  # this site has no connection to the platform to send through
    NOT_SENT = "not_sent"  # no paper of the case was sent: nothing to confirm
    CHANGED = "changed"  # the paper's bytes are not those sent: a resend is the same paper
    BAD_DAY = "bad_day"  # the platform's day of delivery is before the sending or after today
    NO_LINK_BASE = "no_link_base"  # by SMS link: the download page's address (the platform's gateway) is not set
    NO_SMS_GATEWAY = "no_sms_gateway"  # by SMS link: the hall has no SMS gateway to send the link through
    NO_PHONE = "no_phone"  # by SMS link: the case has no phone to send the link to


class EServiceRefused(Exception):
    """An electronic service not recorded (or not begun), with the reason."""

    def __init__(self, problem: EServiceProblem, case_no: str, doc_no: str = "") -> None:
        super().__init__(f"{problem.value}: {case_no} {doc_no}".strip())
        self.problem = problem
        self.case_no = case_no
        self.doc_no = doc_no


def delivery_problem(sent_on: dt.date, delivered_on: dt.date, today: dt.date) -> EServiceProblem | None:
    """Why the platform's day of delivery cannot be the paper's day of service: before it was sent, or a day still
    to come (a platform's clock, a time zone); None when it may."""
    if delivered_on < sent_on or delivered_on > today:
        return EServiceProblem.BAD_DAY
    return None


def agreement_note(agreement: Agreement) -> str:
    """The history line's note of an agreement: the means and the day, as ``platform 2026-11-20``."""
    return f"{agreement.means.value} {agreement.agreed_on.isoformat()}"


def served_note(
    doc_no: str, kind: DocumentKind, item_code: str, served_on: dt.date, means: ServiceMeans = ServiceMeans.PLATFORM
) -> str:
    """The history line's note of a paper served electronically: its number, its kind, its item, the day and how it
    was served.  A paper the platform confirmed keeps the four words every earlier note has; one served by the
    applicant's download of an SMS link adds its means (``… 2026-11-26 sms``): the platform confirmed nothing there,
    and the history must not say it did."""
    note = f"{doc_no} {kind.value} {item_code} {served_on.isoformat()}"
    return note if means is ServiceMeans.PLATFORM else f"{note} {means.value}"


def read_served_note(note: str) -> tuple[str, DocumentKind, str, dt.date, ServiceMeans] | None:
    """:func:`served_note` read back; None for a note that is not one.  A note of four words (every note written
    before the means was kept) is the platform's confirmation, which it was: the SMS link's download was not yet a
    way of service."""
    parts = note.split(" ")
    if len(parts) not in (4, 5) or parts[1] not in DocumentKind.__members__.values():
        return None
    means = parts[4] if len(parts) == 5 else ServiceMeans.PLATFORM.value
    if means not in ServiceMeans.__members__.values():
        return None
    try:
        return parts[0], DocumentKind(parts[1]), parts[2], dt.date.fromisoformat(parts[3]), ServiceMeans(means)
    except ValueError:
        return None
