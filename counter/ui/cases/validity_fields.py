"""A licence's 有效期限 as a grant's form asks it: a choice, then a date (GB/T 39046-2020 表 8 证照有效期限).

The choice comes first and is made with ↑ ↓ (证照未载明, 有效期至, 长期有效); the date, typed digit by digit after Tab,
is taken only for 有效期至.  Shared by the window's 准予 and a department's, so the two ask it alike; whether a date
may stand (not before the decision's day) is the form's first check and the action's last.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit

from counter.case.decisions import Validity
from counter.ui.cases import words

NO_VALIDITY, VALID_UNTIL, LONG_TERM = "", "until", "long_term"  # the choice's data


class ValidityFields:
    """The choice and the date; the form lays them out and shows them for a licence's grant only."""

    def __init__(self) -> None:
        self.choice = QComboBox()
        self.choice.addItem(words.ITEM_STEP_VALIDITY_NONE, NO_VALIDITY)
        self.choice.addItem(words.ITEM_STEP_VALIDITY_UNTIL, VALID_UNTIL)
        self.choice.addItem(words.ITEM_STEP_VALIDITY_LONG, LONG_TERM)
        self.until = QDateEdit()
        self.until.setDisplayFormat("yyyy-MM-dd")  # typed digit by digit, whatever the machine's locale
        self.choice.currentIndexChanged.connect(self.on_chosen)

    def reset(self, today: dt.date) -> None:
        """证照未载明, with ``today`` the date offered once 有效期至 is chosen."""
        self.choice.setCurrentIndex(0)
        self.until.setDate(QDate(today.year, today.month, today.day))
        self.on_chosen()

    def chosen(self) -> Validity | None:
        """The 有效期限 as chosen (None: 证照未载明)."""
        data = self.choice.currentData()
        if data == LONG_TERM:
            return Validity(None)
        if data == VALID_UNTIL:
            day = self.until.date()
            return Validity(dt.date(day.year(), day.month(), day.day()))
        return None

    def on_chosen(self, _index: int = 0) -> None:
        """The date is typed only for 有效期至."""
        self.until.setEnabled(self.choice.currentData() == VALID_UNTIL)
