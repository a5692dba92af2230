"""A department's decision the window enters for it (代为录入): the department's 文号 and the officer who took it.

Under a department's written 授权 the window records the department's step "由××代为录入"
(:class:`counter.access.authority.Standing`): the act is the department's, taken by its officer and numbered in its
own series (党政机关公文格式 GB/T 9704-2012 7.2.4: 发文字号, 机关代字、年份和发文顺序号).  The clerk who types it
is not who decided it; without the department's 文号 and its officer, the record says only that the window pressed
a button, and the paper the applicant is served cannot be traced to a decision anyone took.  So each step that
is an act toward the applicant (:data:`counter.case.item_path.ENTERED_STEPS`: 准予, 不予批准, 不予受理, 补正)
entered so carries both, or is refused naming what is missing (:func:`entry_missing`); a step at the department's
own desk is its own record and asks neither.

Kept in the step's note, as its other facts are (:func:`counter.case.decisions.item_note`): the history is what sync
carries.  The two values sit at the head of the note's text between :data:`ENTERED_OPEN` and :data:`ENTERED_CLOSE`,
written as a small JSON object, so that any character a 文号 holds (its 〔〕) reads back as typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

ENTERED_OPEN = "【"
ENTERED_CLOSE = "】"
_KEYS = ("department_no", "officer")


class EntryField(StrEnum):
    """What an entered step must carry; the faces name it."""

    DEPARTMENT_NO = "department_no"  # the department's 文号 of its decision
    OFFICER = "officer"  # the department's officer who took it


@dataclass(frozen=True, slots=True)
class Entered:
    """The department's decision as the window enters it: its 文号 and the officer of the department who took it."""

    department_no: str = ""
    officer: str = ""

    def mark(self) -> str:
        """As the step's note keeps it, at the head of its text."""
        carried = {"department_no": self.department_no.strip(), "officer": self.officer.strip()}
        return ENTERED_OPEN + json.dumps(carried, ensure_ascii=False, sort_keys=True) + ENTERED_CLOSE


def entry_missing(entered: Entered | None) -> tuple[EntryField, ...]:
    """What an entered step lacks, in the order the form asks it: the 文号, the officer; nothing when both are
    given."""
    if entered is None:
        return (EntryField.DEPARTMENT_NO, EntryField.OFFICER)
    values = {EntryField.DEPARTMENT_NO: entered.department_no, EntryField.OFFICER: entered.officer}
    return tuple(field for field, value in values.items() if not value.strip())


def split_entered(text: str) -> tuple[Entered | None, str]:
    """The entry at the head of a note's text, and the text after it; a text without one, as it was (a step at the
    department's own desk, or one recorded before entries were kept)."""
    if not text.startswith(ENTERED_OPEN + "{"):
        return None, text
    try:
        carried, end = json.JSONDecoder().raw_decode(text, len(ENTERED_OPEN))
    except ValueError:
        return None, text
    if not isinstance(carried, dict) or sorted(carried) != sorted(_KEYS) or not text.startswith(ENTERED_CLOSE, end):
        return None, text
    if not all(isinstance(carried[key], str) for key in _KEYS):
        return None, text
    return Entered(carried["department_no"], carried["officer"]), text[end + len(ENTERED_CLOSE) :]
