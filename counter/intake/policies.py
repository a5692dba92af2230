"""The office's periods around an intake: how long it has to tell a correction (the law's), how long the applicant
has to correct, how long a department needs after a deferred material's due date (settings with the law's bounds),
apart from :mod:`counter.intake.outcome`'s rule."""

from __future__ import annotations

from dataclasses import dataclass, field

from counter.catalog.model import TimeLimit, TimeUnit

#: the office's limit for telling a correction, set by law: incomplete materials are notified on the spot or within five
#: days, once and in full (行政许可法 第三十二条第一款第四项; its 第八十二条 counts the office's periods in working
#: days).  If the office misses it, the application counts as accepted from the day the materials arrived.
NOTIFY_LIMIT = TimeLimit(5, TimeUnit.WORKING_DAY)


@dataclass(frozen=True, slots=True)
class CorrectionPolicy:
    """How long the applicant has to hand in what a correction notice asks: an office setting.

    Neither the law nor the league's rules (第十六条 only says the notice states "需补充的内容和期限") fix it.  The
    default of 15 working days is a common value of local notice templates; a hall may set its own.
    """

    applicant_period: TimeLimit = field(default_factory=lambda: TimeLimit(15, TimeUnit.WORKING_DAY))


@dataclass(frozen=True, slots=True)
class DeferralPolicy:
    """How long the department has to examine a deferred material after its due date.

    The league's rules (第十六条(三)) ask the office to accept first and decide within the
    promise; a material due on the promised day itself leaves the department no time to
    examine it, so the promise could not be kept.  ``margin`` is an office setting (two
    working days unless a hall sets its own).  A material with the guide's own period is due
    then, and the promise moves to the margin's end where it was earlier (never past the law);
    one without is due at the latest ``margin`` working days before every completion date it
    serves, and when that leaves no day after the intake it cannot be deferred.
    """

    margin: TimeLimit = field(default_factory=lambda: TimeLimit(2, TimeUnit.WORKING_DAY))
