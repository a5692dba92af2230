"""The period's ratings by channel: where the services' first ratings were given (评价器, 二维码, 书面评价, …).

The figures count a service once, by its first rating (:mod:`counter.ratings.figures`); a rating the region holds
and the hall pulled in (补充评价 by QR), a paper 评价表 keyed in, a site's default rating all count there as the
pad's do.  So the supervisor sees how many came by each channel, beside the rates they make up.  The channels count
the first ratings given in the period, by the day each was given, as the ratings' export does (a rating removed on
appeal in none); the figures' lines count the services taken in the period: a service rated the day after it was
given is in the next day's channels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from counter.ratings.levels import Channel

#: the least time a person takes to read the pad's question and choose a face: an answer given sooner after the
#: request was sent was not read, and the supervisor is shown how many came so (a pad answered for the applicant)
READING_TIME = dt.timedelta(seconds=3)


@dataclass(frozen=True, slots=True)
class ChannelCount:
    channel: Channel
    ratings: int


def channel_counts_of(counted: Mapping[str, int]) -> tuple[ChannelCount, ...]:
    """The counts by stored channel value, in the channels' order, those with none left out."""
    return tuple(ChannelCount(c, counted[c.value]) for c in Channel if counted.get(c.value))


@dataclass(frozen=True, slots=True)
class RequestShare:
    """One clerk's rating requests shown on a pad in the period (the first round, by the day each was sent) and how
    many the applicant answered there, how many of those too soon to have read the question; the rest lapsed unrated
    or are on the pad still.  A share far below the
    others' is a window whose applicants are not asked in earnest, or are hurried past the pad."""

    clerk: str
    sent: int
    answered: int
    lapsed: int
    #: of those answered, how many sooner after the request than a person reads the question (:data:`READING_TIME`):
    #: many at one clerk's window and few at the others' is a pad answered for the applicant there
    quick: int = 0

    @property
    def share(self) -> Fraction | None:
        return Fraction(self.answered, self.sent) if self.sent else None
