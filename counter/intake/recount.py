"""The dates an intake's rule gives a case, counted again on another calendar (a change of the holiday data).

The same rule as :func:`counter.intake.outcome.decide`'s, from its own helpers, so that a recount can never
disagree with the same intake taken anew: a module of its own only for the size of ``outcome``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from counter.catalog.model import Bundle
from counter.intake.intake_dates import Dates, DeadlineCalendar, promised_date
from counter.intake.outcome import _deferral_dues  # the rule's own step, shared on purpose (see the docstring)
from counter.intake.policies import CorrectionPolicy, DeferralPolicy

__all__ = ["Recount", "recount_dates"]


@dataclass(frozen=True, slots=True)
class Recount:
    """The dates an intake's rule gives on a calendar: its promise, its correction's deadline, its deferred
    materials' dates (None, or absent, where the rule gives none)."""

    promised: dt.date | None = None
    correction: dt.date | None = None
    deferred: dict[str, dt.date] = field(default_factory=dict)


def recount_dates(
    bundle: Bundle,
    calendar: DeadlineCalendar,
    *,
    accepted_on: dt.date | None,
    decided_on: dt.date,
    deferred: tuple[str, ...] = (),
    correction: bool = False,
    policy: CorrectionPolicy | None = None,
    deferral_policy: DeferralPolicy | None = None,
) -> Recount:
    """The dates :func:`decide` gave a case, counted again on ``calendar``: what the same intake would be told now.

    The same rules from the same days: the promise and the deferred materials' dates from the day of acceptance, a
    correction's deadline from the day it was decided (``decided_on``), with the hall's periods (``policy``,
    ``deferral_policy``) as they stand.  ``deferred``: the codes of the materials still awaited; ``correction``:
    whether the case waits for the answer to a correction notice.
    """
    periods = policy or CorrectionPolicy()
    due_by = (
        calendar.deadline(decided_on, periods.applicant_period).date if correction else None
    )  # counted from the decision, as _correction counts it
    if accepted_on is None:
        return Recount(correction=due_by)
    dates = Dates(calendar, accepted_on)
    margin = (deferral_policy or DeferralPolicy()).margin
    materials = [m for code in deferred for m in bundle.materials if m.code == code]
    found: dict[str, dt.date] = {}
    examined: list[dt.date] = []
    # the same rule as the intake's (_deferral_dues): a period the guide gives, or the margin before the promise;
    # a material the rule now refuses keeps its date (a later date only ever moves the printed one)
    _deferral_dues(bundle, materials, dates, calendar, margin, accepted_on, found, examined)
    promised = max((d for d in (promised_date(bundle, dates), *examined) if d is not None), default=None)
    return Recount(promised, due_by, found)
