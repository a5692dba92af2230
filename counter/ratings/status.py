"""What the desk may know of a service's rating: whether it happened, never what it was.

The applicant rates without the clerk watching (domain §6: staff must not
"force, hint or interfere"); so the only answer the desk side ever gets is one
of these three, and none of them carries the level.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DeskStatus(StrEnum):
    PENDING = "pending"  # 评价中: on the pad now
    RATED = "rated"  # 已评价
    UNRATED = "unrated"  # 未评价: the pad's time ran out


@dataclass(frozen=True, slots=True)
class RequestState:
    """What the desk that asked a rating learns of it while it waits: whether it was rated, and, while it is on a
    pad device, whether that pad is still heard from (``pad_away``: not, so the clerk checks the pad rather than
    wait on one that cannot show it).  No level, as ever."""

    status: DeskStatus
    pad_away: bool = False


class SendRefusal(StrEnum):
    """Why a service cannot go to the pad, or a pad's answer cannot be recorded."""

    NO_CASE = "no_case"
    PENDING = "pending"  # already on the pad
    ALREADY_RATED = "already_rated"  # 一次一评
    ALREADY_UNRATED = "already_unrated"  # its time on the pad ran out: that was its one chance
    FOLLOW_UP_DONE = "follow_up_done"  # the follow-up after rectification was asked already
    NO_REQUEST = "no_request"
    REQUEST_CLOSED = "request_closed"  # answered already (rated or lapsed)
    OTHER_DESK = "other_desk"  # a pad request answered or lapsed from a desk other than the one that raised it
    OWN_SERVICE = "own_service"  # a paper 评价表 keyed in by the clerk it rates
    REGION_PAGE = "region_page"  # a pad's answer while the site rates on the region's page: never recorded
    NO_RATING_PAGE = "no_rating_page"  # the region's page is the site's way, and its mapping file names no page
    PAD_DEVICE = "pad_device"  # a pad device's request answered or lapsed by a desk's or an account's session
    OTHER_PAD = "other_pad"  # a pad device's request answered or lapsed under another pad's key
    NO_PAD_DEVICE = "no_pad_device"  # the site requires a pad device at hall desks, and this desk has none paired
