"""An item's steps kept as lines of its case's history, and read back into each item's path.

A step is a history line whose event is the step's (:class:`~counter.case.item_path.ItemEvent`, the decisions' being
those lines already) and whose note is the item's code, :data:`~counter.case.status.NOTE_DUE_REASON`, then what the
step carries, as a decision's note is (:func:`counter.case.decisions.item_note`): an approval's result number and a
denial's reasons and a 补正's list as they are, a 不予受理's reasons behind its ground's mark
(:mod:`counter.case.refusal_basis`); a pause's reason and detail, and an extension's days, approver and reason, as a
small JSON object.  The history is what sync carries, so a step taken at the hall reaches the township the case came
from, and one taken there the hall, with no table of its own; who took the step is the line's clerk, its day the day the
line was written, on the office's clock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from counter.case.decisions import item_note, read_entered, read_item_note, split_validity
from counter.case.item_path import ENTERED_STEPS, ItemEvent, ItemStep, PauseReason
from counter.case.moments import office_day
from counter.case.refusal_basis import basis_mark, split_basis

__all__ = ["StepLine", "item_paths", "office_day", "read_step", "step_note"]

_EVENTS = {event.value: event for event in ItemEvent}
_PAUSES = {reason.value: reason for reason in PauseReason}


class StepLine(Protocol):
    """A history line as far as an item's path reads it."""

    @property
    def at(self) -> dt.datetime: ...
    @property
    def clerk(self) -> str: ...
    @property
    def event(self) -> str: ...
    @property
    def note(self) -> str: ...


def step_note(item_code: str, step: ItemStep) -> str:
    """The note of the history line that keeps ``step`` of the item ``item_code``."""
    if step.event is ItemEvent.APPROVED:
        return item_note(item_code, step.result_no, entered=step.entered)
    if step.event is ItemEvent.REFUSED:
        return item_note(item_code, basis_mark(step.basis) + step.reason, entered=step.entered)
    if step.event in (ItemEvent.DENIED, ItemEvent.CORRECTION):
        return item_note(item_code, step.reason, entered=step.entered)
    carried: dict[str, Any] = {}
    if step.event is ItemEvent.PAUSED:
        carried = {"pause": step.pause, "detail": step.reason}
    elif step.event is ItemEvent.EXTENDED:
        carried = {"days": step.days, "approved_by": step.approved_by, "reason": step.reason}
    text = json.dumps(carried, ensure_ascii=False, sort_keys=True) if carried else ""
    return item_note(item_code, text)


def read_step(line: StepLine, day: dt.date) -> tuple[str, ItemStep] | None:
    """The item's code and the step a history line keeps; None for a line that keeps no step, or none readable.

    A line's note that does not read as its event's is not taken for a step: a line read only in part would put a
    wrong date on the item.  (Such a line from a township is for the sync's sender checks to refuse, which do not
    read item steps yet.)
    """
    event = _EVENTS.get(line.event)
    if event is None:
        return None
    code, text = read_item_note(line.note)
    step = _READERS.get(event, _plain)(event, day, line.clerk, text) if code else None
    if step is not None and event in ENTERED_STEPS:  # the department's 文号 and officer, where the window entered it
        step = dataclasses.replace(step, entered=read_entered(line.note))
    return None if step is None else (code, step)


def _plain(event: ItemEvent, day: dt.date, by: str, text: str) -> ItemStep | None:
    return None if text else ItemStep(event, day, by)


def _approval(event: ItemEvent, day: dt.date, by: str, text: str) -> ItemStep | None:
    return ItemStep(event, day, by, result_no=split_validity(text)[0])  # the validity is the decision's


def _denial(event: ItemEvent, day: dt.date, by: str, text: str) -> ItemStep | None:
    return ItemStep(event, day, by, reason=text)


def _refusal(event: ItemEvent, day: dt.date, by: str, text: str) -> ItemStep | None:
    basis, reason = split_basis(text)
    return ItemStep(event, day, by, reason=reason, basis=basis)


def _pause(event: ItemEvent, day: dt.date, by: str, text: str) -> ItemStep | None:
    carried = _object(text)
    pause = _PAUSES.get(str(carried.get("pause"))) if carried is not None else None
    detail = carried.get("detail", "") if carried is not None else None
    if pause is None or not isinstance(detail, str):
        return None
    return ItemStep(event, day, by, pause=pause, reason=detail)


def _extension(event: ItemEvent, day: dt.date, by: str, text: str) -> ItemStep | None:
    carried = _object(text) or {}
    days, approved_by, reason = carried.get("days"), carried.get("approved_by"), carried.get("reason")
    if type(days) is not int or not isinstance(approved_by, str) or not isinstance(reason, str):
        return None
    return ItemStep(event, day, by, days=days, approved_by=approved_by, reason=reason)


_READERS: dict[ItemEvent, Callable[[ItemEvent, dt.date, str, str], ItemStep | None]] = {
    ItemEvent.APPROVED: _approval,
    ItemEvent.DENIED: _denial,
    ItemEvent.REFUSED: _refusal,
    ItemEvent.CORRECTION: _denial,
    ItemEvent.PAUSED: _pause,
    ItemEvent.EXTENDED: _extension,
}


def _object(text: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def item_paths(history: Iterable[StepLine], day_of: Callable[[dt.datetime], dt.date]) -> dict[str, list[ItemStep]]:
    """Each item's steps in the order of the case's history, by item code; ``day_of`` gives a line's office day."""
    paths: dict[str, list[ItemStep]] = {}
    for line in history:
        if line.event not in _EVENTS:
            continue
        found = read_step(line, day_of(line.at))
        if found is not None:
            paths.setdefault(found[0], []).append(found[1])
    return paths
