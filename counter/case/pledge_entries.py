"""The department's 文号 and officer of each step after a grant on a promise that the window entered for it (代为录入).

The 核查, the 复查 of a correction ordered, the 陈述申辩 notice and the revocation are the department's acts as much as
its grant is (:mod:`counter.case.entered_for`): under its 授权 the window records them, but the department decided
each in writing, numbered in its own series, by a named officer.  Each such step carries both or is refused
(:func:`counter.case.decisions.check_entry`), and its paper prints them.

These steps keep their facts on the item's pledge row, not in the history (only the revocation writes a history
line, whose note keeps its entry as a decision's does).  The hearing's step has no text of its own to carry an
entry, so the row keeps every step's entry in one text, written as a small JSON object by step (:func:`entries_text`),
so that any character a 文号 holds reads back as typed; a row of the department's own desk keeps "".
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum

from counter.case.entered_for import Entered
from counter.case.pledge_checks import PledgeNotice


class PledgeAct(StrEnum):
    """A step after the grant on a promise that is the department's act toward the applicant."""

    CHECK = "check"  # the 核查, kept or found false (the 责令限期改正 made with it)
    RECHECK = "recheck"  # the 复查 of the correction ordered
    HEARING = "hearing"  # the 陈述申辩 notice
    REVOCATION = "revocation"  # the 撤销


#: the step each paper of a promise found false is made by: its entry is the one it prints
PAPER_ACT = {
    PledgeNotice.CORRECTION: PledgeAct.CHECK,
    PledgeNotice.HEARING: PledgeAct.HEARING,
    PledgeNotice.REVOCATION: PledgeAct.REVOCATION,
}


def read_entries(text: str) -> dict[PledgeAct, Entered]:
    """Each entered step's entry as the row keeps it; nothing for "" (the department's own desk, or a row recorded
    before entries were kept) or a text that is not one."""
    try:
        carried = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(carried, dict):
        return {}
    found: dict[PledgeAct, Entered] = {}
    for act in PledgeAct:
        entry = carried.get(act.value)
        if isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in ("department_no", "officer")):
            found[act] = Entered(entry["department_no"], entry["officer"])
    return found


def entries_text(entries: Mapping[PledgeAct, Entered]) -> str:
    """The row's text of ``entries``; "" for none."""
    if not entries:
        return ""
    carried = {
        act.value: {"department_no": entry.department_no, "officer": entry.officer} for act, entry in entries.items()
    }
    return json.dumps(carried, ensure_ascii=False, sort_keys=True)


def with_entry(text: str, act: PledgeAct, entered: Entered | None) -> str:
    """The row's text with ``act``'s entry added (as it was where ``entered`` is None: the department's own desk)."""
    if entered is None:
        return text
    return entries_text({**read_entries(text), act: entered})
