"""The 各事项的办理情况 section of a case page: each item of the bundle, its department and its decision so far.

An item on its way is shown where its department has it (routed, signed for, under review, paused and why:
:mod:`counter.case.item_path`), read from the case's history with the rest of the page.

A bundle is decided item by item (:data:`counter.service.cases.DECIDE_ITEM`): a lapsed 容缺 denies only the items its
materials serve, and the others go on.  This table says which is which, so the clerk tells the applicant which
licence is refused and which are still coming.

Under the table, the decision of the item chosen in it: 准予 (a clerk's step) and 不予批准 (a supervisor's, with
reasons, 第十七条(二)).  The buttons name the item, so nobody decides the wrong line; ↑ ↓ in the table choose
another, Tab reaches the buttons.  They open the page's action form; the action checks everything again.
Under them, for a department's staff, the steps its department may take of the chosen item now
(:mod:`counter.ui.cases.item_step_form`).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counter.case.decisions import ItemDecision
from counter.case.item_lines import item_paths, office_day
from counter.case.item_path import ItemEvent, ItemState, ItemStep, state_of
from counter.case.pledge_checks import item_revocations
from counter.case.status import CaseEvent
from counter.case.view import CaseView
from counter.documents.case_page import ItemLine
from counter.ui.cases.item_step_form import ItemStepBar
from counter.ui.cases.marks import URGENCY_COLOURS, paint
from counter.ui.cases.rules import ALERT_URGENCY, ITEM_ACTIONS, allowed
from counter.ui.cases.tables import fill_row, full_table
from counter.ui.cases.words import (
    CASE_ITEM_APPROVE,
    CASE_ITEM_APPROVED,
    CASE_ITEM_CHOOSE,
    CASE_ITEM_COLUMNS,
    CASE_ITEM_DENIED,
    CASE_ITEM_DENY,
    CASE_ITEM_DUE,
    CASE_ITEM_LONG_TERM,
    CASE_ITEM_PENDING,
    CASE_ITEM_VALID_UNTIL,
    CASE_ITEMS,
    ITEM_STEP_CHOOSE,
)
from counter.ui.widgets.plain_text import plain_label
from counter.words.dates import day_text
from counter.words.items import DUE_ALERT, ITEM_STATE, PAUSE_REASON
from counter.words.pledges import PLEDGE_REVOKED, revoked_text

BUTTON_TEXT = {CaseEvent.ITEM_APPROVED: CASE_ITEM_APPROVE, CaseEvent.ITEM_DENIED: CASE_ITEM_DENY}
PLAIN_TEXT = {CaseEvent.ITEM_APPROVED: CASE_ITEM_APPROVED, CaseEvent.ITEM_DENIED: CASE_ITEM_DENIED}


class ItemStates(QWidget):
    decide_requested = Signal(str, str)  # the CaseEvent value (准予 or 不予批准) and the item's code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: tuple[ItemLine, ...] = ()
        self.decided: frozenset[str] = frozenset()
        self.offered: tuple[CaseEvent, ...] = ()
        self.steps: dict[str, tuple[ItemEvent, ...]] = {}  # a department's steps offered, by item code
        self.heading = plain_label(CASE_ITEMS)
        self.heading.setObjectName("sectionHeading")
        self.table = full_table(CASE_ITEM_COLUMNS, stretch=3, name=CASE_ITEMS)
        self.table.setTabKeyNavigation(False)  # ↑ ↓ choose the item, Tab goes on to its buttons
        self.hint = plain_label(CASE_ITEM_CHOOSE, wrap=True)
        self.hint.setStyleSheet("color: #627d98;")
        self.buttons = {event: QPushButton() for event in ITEM_ACTIONS}
        self.buttons[CaseEvent.ITEM_DENIED].setObjectName("supervisorAction")
        row = QHBoxLayout()
        row.setContentsMargins(0, 4, 0, 0)
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        self.step_bar = ItemStepBar()
        layout.addWidget(self.step_bar)
        for event, button in self.buttons.items():
            button.clicked.connect(partial(self.on_decide_clicked, event))
        self.table.itemSelectionChanged.connect(self.show_buttons)

    def show_items(
        self,
        view: CaseView,
        items: tuple[ItemLine, ...],
        offered: tuple[CaseEvent, ...] = (),
        steps: dict[str, tuple[ItemEvent, ...]] | None = None,
    ) -> None:
        """The items and their decisions; ``offered``: the decisions the case and the actor allow now, ``steps`` the
        department's steps by item (:func:`counter.ui.cases.item_step_rules.steps_by_item`)."""
        decisions = view.decisions()
        paths = item_paths(view.history, office_day)
        revoked = item_revocations(view.history, office_day)
        self.items, self.decided, self.offered, self.steps = items, frozenset(decisions), offered, steps or {}
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            decision = decisions.get(item.code)
            if decision is None:
                state, text = _on_its_way(paths.get(item.code, []))
                if item.alert is not None and item.due_on is not None:  # the day before its date, on it, after it
                    state = CASE_ITEM_DUE.format(state=state, alert=DUE_ALERT[item.alert], due=item.due_on.isoformat())
            elif item.code in revoked:  # granted on a promise the check found false (行政许可法 第六十九条第二款)
                state, text = PLEDGE_REVOKED, revoked_text(revoked[item.code])
            elif decision.not_accepted:  # its department refused to accept it: no 不予批准 was made
                state, text = ITEM_STATE[ItemState.REFUSED], decision.text
            else:
                state, text = (CASE_ITEM_APPROVED if decision.approved else CASE_ITEM_DENIED), decided_text(decision)
            cells = fill_row(self.table, row, (item.name, item.department, state, text))
            paint(cells, URGENCY_COLOURS.get(ALERT_URGENCY[item.alert]) if item.alert and decision is None else None)
        self.table.fit()
        # a case closed before any decision (不予受理, 补正, 撤回 …) has nothing "待决定": no section at all
        self.setVisible(
            bool(items) and (bool(decisions) or bool(self.steps) or any(allowed(view, e) for e in ITEM_ACTIONS))
        )
        chosen = self.chosen()
        if not offered and not self.steps:
            self.table.clearSelection()  # nothing to decide here: no line looks picked out
        elif chosen is None or chosen.code in self.decided:
            pending = next((r for r, i in enumerate(items) if i.code not in self.decided), None)
            if pending is not None:
                self.table.selectRow(pending)
        self.show_buttons()

    def chosen(self) -> ItemLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def show_buttons(self) -> None:
        """Each offered decision, for the chosen item while it waits for one."""
        chosen = self.chosen()
        pending = any(i.code not in self.decided for i in self.items)
        for event, button in self.buttons.items():
            button.setVisible(event in self.offered and pending)
            button.setEnabled(chosen is not None and chosen.code not in self.decided)
            button.setText(BUTTON_TEXT[event].format(item=chosen.name) if chosen else PLAIN_TEXT[event])
        self.hint.setText(CASE_ITEM_CHOOSE if self.offered else ITEM_STEP_CHOOSE)
        self.hint.setVisible((bool(self.offered) or bool(self.steps)) and pending)
        self.step_bar.show_for(chosen, self.steps.get(chosen.code, ()) if chosen else ())

    def on_decide_clicked(self, event: CaseEvent, _checked: bool = False) -> None:
        chosen = self.chosen()
        if chosen is not None and chosen.code not in self.decided:
            self.decide_requested.emit(event.value, chosen.code)


def _on_its_way(path: list[ItemStep]) -> tuple[str, str]:
    """The state of an undecided item and what goes with it: where its department has it, a pause's reason."""
    state = state_of(path)
    if state is None:
        return CASE_ITEM_PENDING, ""
    if state is not ItemState.PAUSED:
        return ITEM_STATE[state], ""
    pause = next(s.pause for s in reversed(path) if s.event is ItemEvent.PAUSED)  # an extension may follow it
    return ITEM_STATE[state], PAUSE_REASON[pause] if pause is not None else ""


def decided_text(decision: ItemDecision) -> str:
    """A decision's reasons, or a grant's result number with its licence's 有效期限 where the 准予 gave one."""
    validity = decision.validity
    if validity is None:
        return decision.text
    if validity.until is None:
        return CASE_ITEM_LONG_TERM.format(number=decision.text)
    return CASE_ITEM_VALID_UNTIL.format(number=decision.text, date=day_text(validity.until))
