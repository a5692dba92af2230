"""A correction lapsed too early: refused, with the first day it may lapse, for the face to say."""

from __future__ import annotations

import datetime as dt


class CorrectionNotDue(Exception):
    """A correction may lapse only from the next working day after its deadline (``first_day``): until then the
    applicant may still hand in."""

    def __init__(self, case_no: str, due: dt.date | None, first_day: dt.date | None = None) -> None:
        super().__init__(f"{case_no}: correction due {due}, lapses from {first_day}")
        self.case_no = case_no
        self.due = due
        self.first_day = first_day
