"""送达: a binding paper's service on the person, recorded as a fact of its own.

An act binds once its paper is made and served (行政许可法 第三十二条、第三十八条、第六十九条; 民事诉讼法's ways, which
administrative practice follows): by hand, the recipient signing the 送达回证; by post, the day the carrier's record
says it was received; at the window, the applicant signing for it there.  A period the paper gives the person (改正期限,
陈述申辩期限, 补正) runs from that day, so it is kept: the way, the day, and what proves it (who signed, or the post's
tracking number).  Electronic service, where the applicant agreed (:mod:`counter.documents.e_service`), is recorded only
from the platform's confirmation of delivery, on the day it confirms: never by hand.

Plain codes: the faces word them (:mod:`counter.words.served`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from counter.parties.text import TextField, check_text


class ServiceWay(StrEnum):
    HAND = "hand"  # 直接送达: the recipient signs the 送达回证
    POST = "post"  # 邮寄送达: served on the day the carrier's record of receipt gives
    WINDOW = "window"  # 窗口领取: the applicant signs for it at the window
    ONLINE = "online"  # 电子送达: the day the platform confirmed delivery (counter.documents.e_service)


@dataclass(frozen=True, slots=True)
class Service:
    """How and when a paper reached the person: ``recipient`` who signed for it (by hand, at the window), and for the
    post its tracking number, ``served_on`` then the day received."""

    way: ServiceWay
    served_on: dt.date
    recipient: str = ""
    tracking_no: str = ""


class ServiceProblem(StrEnum):
    NOT_MADE = "not_made"  # the paper is not made: there is nothing to serve
    ALREADY_SERVED = "already_served"  # its service is recorded: a period runs from one day only
    BEFORE_MADE = "before_made"  # served before the paper was made
    IN_FUTURE = "in_future"  # a service still to come is not a fact
    NO_RECIPIENT = "no_recipient"  # by hand or at the window without who signed for it
    NO_TRACKING = "no_tracking"  # by post without the tracking number that proves the day received
    ONLINE_CONFIRMED = "online_confirmed"  # electronic service is the platform's confirmation, never typed in


#: the longest tracking number kept (a post's numbers run to some 20 characters); a recipient's name is held to a
#: name's own limit (TextField.PERSON_NAME)
TRACKING_MAX = 40


def service_problems(service: Service, made_on: dt.date, today: dt.date) -> tuple[ServiceProblem, ...]:
    """Every reason ``service`` of a paper made on ``made_on`` cannot be recorded ``today``, at once; () when it may."""
    if service.way is ServiceWay.ONLINE:
        return (ServiceProblem.ONLINE_CONFIRMED,)
    found: list[ServiceProblem] = []
    if service.served_on < made_on:
        found.append(ServiceProblem.BEFORE_MADE)
    if service.served_on > today:
        found.append(ServiceProblem.IN_FUTURE)
    recipient = check_text(service.recipient, TextField.PERSON_NAME)  # kept and printed as a name is
    if (service.way is not ServiceWay.POST and not recipient.value) or not recipient.ok:
        found.append(ServiceProblem.NO_RECIPIENT)
    tracking = check_text(service.tracking_no, TextField.NOTE)
    if (service.way is ServiceWay.POST and not tracking.value) or not tracking.ok or len(tracking.value) > TRACKING_MAX:
        found.append(ServiceProblem.NO_TRACKING)
    return tuple(found)


class ServiceRefused(Exception):
    """A service not recorded, with every reason (:func:`service_problems`)."""

    def __init__(self, problems: tuple[ServiceProblem, ...], case_no: str, doc_no: str) -> None:
        super().__init__(f"{','.join(p.value for p in problems)}: {case_no} {doc_no}")
        self.problems = problems
        self.case_no = case_no
        self.doc_no = doc_no
