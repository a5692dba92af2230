"""The last decisions made, kept by everything each was made from: an intake's commit finds the one its panel showed.

The intake panel decides the form at every change (:func:`counter.actions.intake.preview`), and the commit decides
it again in its own transaction, from the guide, settings and calendar read there, so that what is stored never
depends on what a widget showed.  Whenever nothing it is made from has changed, the second decision is the first:
:func:`decide` is a pure function.  Deciding a 我要开小餐馆 checklist took about a tenth of an intake's commit on
SQLite (its conditions walked for every material, its dates counted), in the transaction that holds the file's one
write lock while other desks wait for it.

What a decision is made from is compared as follows:

- the guide by identity: a guide read back is kept by its content's hash and given out as the same object
  (:func:`counter.db.catalog_store.known_guide`); comparing a whole guide field by field would cost what deciding
  does;
- the office's calendar (:class:`~counter.workdays.WorkCalendar`) by its table, also kept and given out as the same
  object for the same office days (:func:`counter.actions.calendar.office_calendar`); any other calendar, a
  subclass's too, by identity;
- everything else (the checklist, the requests, the day, the policies, whether drafts are taken) by value.

A kept entry holds its guide and calendar, so an identity cannot be taken over by another object while it is kept.

The last decision given is also kept with what it was made from, and found first, by the identity of its guide,
checklist and calendar table and the equality of the rest: the commit's, right after its panel's preview of the
same form, so without hashing a checklist of ten lines, each line's hash a call of its own (9 µs of the commit,
measured inside it: the desk's caches are cold between intakes).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from counter.calendar.workdays import WorkCalendar
from counter.catalog.model import Bundle
from counter.intake.checklist import Checklist
from counter.intake.outcome import (
    CorrectionPolicy,
    DeadlineCalendar,
    Decision,
    DeferralPolicy,
    DeferralRequest,
    Refusal,
    decide,
)

#: decisions kept: a desk decides one form at a time, and a few desks' processes share none of these
KEPT = 16


class _Same:
    """``held``, compared and hashed by the identity of ``key`` (kept alive with it)."""

    __slots__ = ("held", "key")

    def __init__(self, held: Any, key: Any) -> None:
        self.held, self.key = held, key

    def __hash__(self) -> int:
        return id(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.key is self.key


def remembered_decision(
    bundle: Bundle,
    checklist: Checklist,
    request: DeferralRequest | None,
    refusal: Refusal | None,
    *,
    today: dt.date,
    calendar: DeadlineCalendar,
    policy: CorrectionPolicy,
    deferral_policy: DeferralPolicy,
    received_on: dt.date | None,
    draft_allowed: bool,
) -> Decision:
    """:func:`counter.intake.outcome.decide` of these, made once while they stay the same."""
    table = calendar.table if type(calendar) is WorkCalendar else calendar  # a kind of its own may count otherwise
    last = _last
    if (
        last is not None
        and last.bundle is bundle
        and last.checklist is checklist
        and last.table is table
        and last.today == today
        and last.received_on == received_on
        and last.draft_allowed == draft_allowed
        and _equal(last.request, request)
        and _equal(last.refusal, refusal)
        and _equal(last.policy, policy)
        and _equal(last.deferral_policy, deferral_policy)
    ):
        return last.decision
    decision = _decided(
        _Same(bundle, bundle),
        checklist,
        request,
        refusal,
        today,
        _Same(calendar, table),
        policy,
        deferral_policy,
        received_on,
        draft_allowed,
    )
    _keep_last(
        _Last(
            bundle,
            checklist,
            request,
            refusal,
            today,
            table,
            policy,
            deferral_policy,
            received_on,
            draft_allowed,
            decision,
        )
    )
    return decision


def _equal(a: object, b: object) -> bool:
    return a is b or a == b


@dataclass(frozen=True, slots=True)
class _Last:
    """The last decision given, and what it was made from (``table``: the calendar as :class:`_Same` holds it)."""

    bundle: Bundle
    checklist: Checklist
    request: DeferralRequest | None
    refusal: Refusal | None
    today: dt.date
    table: object
    policy: CorrectionPolicy
    deferral_policy: DeferralPolicy
    received_on: dt.date | None
    draft_allowed: bool
    decision: Decision


_last: _Last | None = None


def _keep_last(last: _Last) -> None:
    global _last  # noqa: PLW0603 - replaced whole: a thread reads the one before or this one, each complete
    _last = last


@functools.lru_cache(maxsize=KEPT)
def _decided(
    bundle: _Same,
    checklist: Checklist,
    request: DeferralRequest | None,
    refusal: Refusal | None,
    today: dt.date,
    calendar: _Same,
    policy: CorrectionPolicy,
    deferral_policy: DeferralPolicy,
    received_on: dt.date | None,
    draft_allowed: bool,
) -> Decision:
    return decide(
        bundle.held,
        checklist,
        request,
        refusal,
        today=today,
        calendar=calendar.held,
        policy=policy,
        deferral_policy=deferral_policy,
        received_on=received_on,
        draft_allowed=draft_allowed,
    )
