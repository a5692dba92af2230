"""督办: the supervisor's page of bad ratings and their rectifications.

Open rectifications of every desk, earliest due first, past due in red; the
chosen one's rating, reasons and history below, with the moves its state
allows (回访核实 → 立行立改 / 限期整改 / 解释说明 → 反馈) and the appeal: filed
(申诉) by the clerk rated or for her, decided (复核) by a supervisor signed in who is not that clerk
(``ratings.rectification_detail``); where the page cannot decide, it says why instead of offering the
buttons (the clerk's own rating; a desk without accounts, whose appeals the hall decides).  Every move names who
made it and what was found or done; the history only grows.  Until user roles exist anyone may open this page — it is
the one place a level is shown, and the rater's name stays masked (the case
page has the contact details).

A league's halls keep years of rectifications, so the list is read a page at a
time (:data:`PAGE` rows, the next when the supervisor scrolls to the last), and
alerts arriving together reload it once, however many there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counter.access.desk import Desk
from counter.case.moments import minute_text
from counter.ratings.rectification import CHOSEN_MOVES, AppealGround, AppealStatus, RectEvent, RectState, moves_from
from counter.ratings.views import AppealOffer, RectificationAlert, RectificationRow, RectificationView
from counter.service.rectifications import (
    OPEN_RECTIFICATIONS,
    RECTIFICATION_DETAIL,
    RectificationAsked,
    RectificationDetail,
    RectificationsAsked,
)
from counter.ui.door.runner import Failed, Runner, failures_to
from counter.ui.look.text_size import px, scaled
from counter.ui.pad.alerts import SupervisorAlerts
from counter.ui.pad.rectification_steps import RectificationSteps
from counter.ui.pad.style import DUE_SOON_COLOURS, OVERDUE_COLOURS, PAGE_STYLE
from counter.ui.pad.tables import line_table, read_only_items
from counter.ui.pad.timers import Clock, local_now
from counter.ui.pad.words import (
    DESK_RATING_ALERT,
    SUPERVISE_ALERTS,
    SUPERVISE_APPEAL_DECISION,
    SUPERVISE_APPEAL_FILE,
    SUPERVISE_APPEAL_GROUND,
    SUPERVISE_APPEAL_NO_DECIDING,
    SUPERVISE_APPEAL_NO_FILING,
    SUPERVISE_APPEAL_REASON,
    SUPERVISE_APPEAL_REJECT,
    SUPERVISE_APPEAL_STATE,
    SUPERVISE_APPEAL_TITLE,
    SUPERVISE_APPEAL_UPHOLD,
    SUPERVISE_APPEALS,
    SUPERVISE_BEYOND_DATA,
    SUPERVISE_BY,
    SUPERVISE_COLUMNS,
    SUPERVISE_COMMENT,
    SUPERVISE_DAYS_LEFT,
    SUPERVISE_DETAIL_EMPTY,
    SUPERVISE_DUE_TODAY,
    SUPERVISE_EMPTY,
    SUPERVISE_FIX_DUE,
    SUPERVISE_FIX_DUE_NONE,
    SUPERVISE_HISTORY_COLUMNS,
    SUPERVISE_NO_COMMENT,
    SUPERVISE_NO_REASONS,
    SUPERVISE_NOTE,
    SUPERVISE_NOTE_HINT,
    SUPERVISE_OVERDUE,
    SUPERVISE_RATER,
    SUPERVISE_READ_FAILED,
    SUPERVISE_REASONS,
    SUPERVISE_REFRESH,
    SUPERVISE_STATE_APPEALING,
    SUPERVISE_SYSTEM,
    SUPERVISE_TITLE,
)
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.restyle import MessageLine
from counter.words.punctuation import ASIDE, GAP, LIST_JOIN
from counter.words.ratings import (
    APPEAL_GROUND,
    APPEAL_PROBLEM,
    APPEAL_STATUS,
    RATING_LEVEL,
    RECT_EVENT,
    RECT_STATE,
)

PAGE = 200  # rows read at a time: a screenful many times over, and a read of a few milliseconds at any size


def due_text(due: dt.date, today: dt.date) -> str:
    if due < today:
        return SUPERVISE_OVERDUE.format(days=(today - due).days)
    if due == today:
        return SUPERVISE_DUE_TODAY
    return SUPERVISE_DAYS_LEFT.format(days=(due - today).days)


def row_colours(row: RectificationRow, today: dt.date) -> tuple[str, str] | None:
    if row.overdue(today):
        return OVERDUE_COLOURS
    if (row.due - today).days <= 1:
        return DUE_SOON_COLOURS
    return None


def state_text(row: RectificationRow) -> str:
    """A row's state, and 申诉中 beside it while an appeal waits for a supervisor: what the hall looks for."""
    state = RECT_STATE[row.state]
    return SUPERVISE_STATE_APPEALING.format(state=state) if row.appealing else state


def appeal_state_text(offer: AppealOffer) -> str:
    """Where the rating stands on appeal, and why what the page does not offer is not offered."""
    lines = [SUPERVISE_APPEAL_STATE.format(status=APPEAL_STATUS[offer.status])]
    if offer.filing and offer.status is AppealStatus.NONE:  # the status says why once filed
        lines.append(SUPERVISE_APPEAL_NO_FILING.format(reasons=LIST_JOIN.join(APPEAL_PROBLEM[p] for p in offer.filing)))
    if offer.deciding:
        lines.append(
            SUPERVISE_APPEAL_NO_DECIDING.format(reasons=LIST_JOIN.join(APPEAL_PROBLEM[p] for p in offer.deciding))
        )
    return "\n".join(lines)


class RectificationPage(RectificationSteps, QWidget):
    def __init__(
        self,
        runner: Runner,
        supervisor: str,
        *,
        clock: Clock = local_now,
        alerts: SupervisorAlerts | None = None,
        desk: Desk | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._clock = clock
        self._alerts = alerts
        self._desk = desk  # who decides; None: this machine's desk, nobody signed in
        self._rows: list[RectificationRow] = []
        self._more = False  # the last page read was full: there may be more after it
        self._unread_said = ""  # a failed read said on the message line, taken back once a read answers
        # alerts raised together (a check finding many) reload the list once, when the event loop is free again
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._view: RectificationView | None = None
        self.setWindowTitle(SUPERVISE_TITLE)
        self.setStyleSheet(scaled(PAGE_STYLE))
        self.title = plain_label(SUPERVISE_TITLE)
        self.title.setProperty("role", "title")
        self.alert_badge = plain_label()
        self.alert_badge.setProperty("role", "alerts")
        self.alert_badge.hide()
        self.refresh_button = QPushButton(SUPERVISE_REFRESH)
        self.message = MessageLine()
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.alert_badge)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        self.table = line_table(SUPERVISE_COLUMNS)
        self.empty = plain_label(SUPERVISE_EMPTY)
        self.empty.setProperty("role", "note")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table)
        upper_layout.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        self.detail = self._build_detail(supervisor)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self._connect_signals()
        self.show_detail(None)

    def _build_detail(self, supervisor: str) -> QWidget:
        detail = QWidget()
        self.summary = plain_label(SUPERVISE_DETAIL_EMPTY, wrap=True)
        self.summary.setProperty("role", "summary")
        self.history = line_table(SUPERVISE_HISTORY_COLUMNS)
        self.by = plain_label(supervisor)  # who the steps are recorded as: the account signed in
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(SUPERVISE_NOTE_HINT)
        self.note.setFixedHeight(px(72))
        self.fix_due = QDateEdit()
        self.fix_due.setCalendarPopup(True)
        self.fix_due.setDisplayFormat("yyyy-MM-dd")
        self.move_buttons = {event: QPushButton(RECT_EVENT[event]) for event in CHOSEN_MOVES}
        moves = QGridLayout()
        for index, button in enumerate(self.move_buttons.values()):
            moves.addWidget(button, index // 3, index % 3)
        form = QFormLayout()
        form.addRow(SUPERVISE_BY, self.by)
        form.addRow(SUPERVISE_NOTE, self.note)
        form.addRow(SUPERVISE_FIX_DUE, self.fix_due)
        form.addRow(moves)
        self.problems = plain_label(wrap=True)
        self.problems.setProperty("role", "problems")
        form.addRow(self.problems)
        self.appeal_box = self._build_appeal()
        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addWidget(self.history, 1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.appeal_box)
        right.addStretch(1)
        layout = QHBoxLayout(detail)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        return detail

    def _build_appeal(self) -> QGroupBox:
        box = QGroupBox(SUPERVISE_APPEAL_TITLE)
        self.appeal_ground = QComboBox()
        for ground in AppealGround:
            self.appeal_ground.addItem(APPEAL_GROUND[ground], ground)
        self.appeal_reason = QLineEdit()
        self.uphold_button = QPushButton(SUPERVISE_APPEAL_UPHOLD)
        self.reject_button = QPushButton(SUPERVISE_APPEAL_REJECT)
        self.file_button = QPushButton(SUPERVISE_APPEAL_FILE)
        self.appeal_state = plain_label(wrap=True)  # the appeal's state, and why a button is not offered
        self.appeal_state.setProperty("role", "note")
        self.appeals = plain_label(wrap=True)
        self.appeals.setProperty("role", "note")
        appeal = QFormLayout(box)
        appeal.addRow(SUPERVISE_APPEAL_GROUND, self.appeal_ground)
        appeal.addRow(SUPERVISE_APPEAL_REASON, self.appeal_reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.file_button)
        buttons.addWidget(self.uphold_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        appeal.addRow(buttons)
        appeal.addRow(self.appeal_state)
        appeal.addRow(self.appeals)
        return box

    def _connect_signals(self) -> None:
        self.refresh_button.clicked.connect(self.on_refresh)
        self.table.itemSelectionChanged.connect(self.on_row_selected)
        self.table.verticalScrollBar().valueChanged.connect(self.on_scrolled)
        self._reload_timer.timeout.connect(self.reload_after_alerts)
        for event, button in self.move_buttons.items():
            button.clicked.connect(partial(self.on_move_clicked, event))
        self.uphold_button.clicked.connect(partial(self.on_appeal_clicked, True))
        self.reject_button.clicked.connect(partial(self.on_appeal_clicked, False))
        self.file_button.clicked.connect(self.on_file_clicked)
        if self._alerts is not None:
            self._alerts.raised.connect(self.on_alert)
            self._alerts.count_changed.connect(self.on_alert_count)

    # --- the list ------------------------------------------------------------------------

    def on_refresh(self) -> None:
        """Read the open rectifications again (every desk's), keeping the chosen one if still open."""
        self.refresh()

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """The list read again, then the alerts looked for (what the list just read is not alerted again); ``then``
        once both are shown."""
        chosen = self.chosen_id()

        def read(rows: list[RectificationRow]) -> None:
            if self._alerts is None:
                shown(rows)
            else:
                self._alerts.check(self._runner, self._desk, then=partial(shown, rows))

        def shown(rows: list[RectificationRow]) -> None:
            self._take_back_unread()
            self.show_rows(rows)
            self._reload_timer.stop()  # the alerts of this read are in the list already
            if self._alerts is not None:
                self._alerts.acknowledge()  # the supervisor is looking at the list now
            if chosen is not None:
                self.choose(chosen)
            if then is not None:
                then()

        self._rows_after(None, read)

    def show_rows(self, rows: list[RectificationRow]) -> None:
        """The list from its first row: ``rows`` is its first page."""
        self._rows = []
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        self._append(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        # with nothing open there is nothing to choose: no "choose one above", no empty history and greyed buttons
        self.detail.setVisible(bool(rows))
        self.show_detail(None)

    def _append(self, rows: list[RectificationRow]) -> None:
        today = self._clock().date()
        first = len(self._rows)
        self._rows += rows
        self._more = len(rows) == PAGE
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._rows))
        for index, row in enumerate(rows, start=first):
            due = row.due.isoformat() + (SUPERVISE_BEYOND_DATA if row.due_beyond_data else "")
            items = read_only_items([
                row.case_no, row.bundle_name, row.desk_no, row.clerk, RATING_LEVEL[row.level],
                minute_text(row.rated_at, self._zone()), state_text(row), due, due_text(row.due, today),
            ])  # fmt: skip
            colours = row_colours(row, today)
            for column, item in enumerate(items):
                if colours is not None:
                    item.setBackground(QBrush(QColor(colours[0])))
                    item.setForeground(QBrush(QColor(colours[1])))
                self.table.setItem(index, column, item)
        self.table.blockSignals(False)

    def on_scrolled(self, value: int) -> None:
        """At the last row: the next page, after the last row shown."""
        if not self._more or not self._rows or value < self.table.verticalScrollBar().maximum():
            return
        self._more = False  # asked once: the answer says whether there is more after it
        self._rows_after(self._rows[-1].page_key(), self._append)

    def _rows_after(
        self,
        after: tuple[dt.date, int] | None,
        then: Callable[[list[RectificationRow]], None],
        said: bool = True,
    ) -> None:
        """A page of the open rectifications, the first or the one after the row ``after``, to ``then``; a read
        that fails is ``said`` on the page, else only logged."""

        def failed(err: Failed) -> None:
            if said:
                self.message.say(err.message, "problems")
                self._unread_said = err.message

        asked = RectificationsAsked(after, PAGE)
        self._runner.submit(OPEN_RECTIFICATIONS, asked, self._desk, SUPERVISE_READ_FAILED, owner=self,
                            answered=lambda rows: then(list(rows)), failed=failures_to(failed))  # fmt: skip

    def _take_back_unread(self) -> None:
        """A read answered: a failed read's sentence still on the message line goes (a step's own result stays)."""
        if self._unread_said and self.message.text() == self._unread_said:
            self.message.say("", "done")
        self._unread_said = ""

    def chosen_id(self) -> int | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        (index,) = rows
        return self._rows[index].rectification_id if index < len(self._rows) else None

    def choose(self, rectification_id: int) -> bool:
        for index, row in enumerate(self._rows):
            if row.rectification_id == rectification_id:
                self.table.selectRow(index)
                return True
        return False

    def on_row_selected(self) -> None:
        chosen = self.chosen_id()
        if chosen is None:
            self.show_detail(None)
            return
        self.read_detail(chosen, chosen_only=True)

    def read_detail(self, rectification_id: int, *, chosen_only: bool = False) -> None:
        """The rectification, and what this page may do about its rating's appeal, read in one and shown; where
        ``chosen_only``, not once another row is chosen meanwhile."""

        def read(detail: RectificationDetail) -> None:
            self._take_back_unread()
            if not chosen_only or self.chosen_id() == rectification_id:
                self.show_detail(detail.view, detail.offer)

        def failed(err: Failed) -> None:
            self.message.say(err.message, "problems")
            self._unread_said = err.message

        self._runner.submit(RECTIFICATION_DETAIL, RectificationAsked(rectification_id), self._desk,
                            SUPERVISE_READ_FAILED, owner=self, answered=read, failed=failures_to(failed))  # fmt: skip

    # --- the chosen one --------------------------------------------------------------------

    def show_detail(self, view: RectificationView | None, offer: AppealOffer | None = None) -> None:
        """The chosen rectification; its appeal's buttons as ``offer`` allows (none without one), and why not."""
        self._view = view
        self.problems.clear()
        state = view.row.state if view is not None else RectState.FED_BACK
        allowed = moves_from(state)
        for event, button in self.move_buttons.items():
            button.setEnabled(event in allowed)
        self.fix_due.setEnabled(RectEvent.FIX_BY_DEADLINE in allowed)
        may_decide = view is not None and offer is not None and offer.may_decide
        self.uphold_button.setEnabled(may_decide)
        self.reject_button.setEnabled(may_decide)
        self.file_button.setEnabled(view is not None and offer is not None and offer.may_file)
        self.appeal_state.setText("" if offer is None else appeal_state_text(offer))
        if view is None:
            # no date to show: Qt's own default (2000-01-01) would read like one
            self.fix_due.setSpecialValueText(SUPERVISE_FIX_DUE_NONE)
            self.fix_due.setDate(self.fix_due.minimumDate())
            self.summary.setText(SUPERVISE_DETAIL_EMPTY)
            self.history.setRowCount(0)
            self.appeals.clear()
            return
        row = view.row
        lines = [
            GAP.format(first=row.case_no, second=row.bundle_name),
            SUPERVISE_RATER.format(name=view.rater_masked, round=view.round, level=RATING_LEVEL[row.level]),
            SUPERVISE_REASONS.format(reasons=LIST_JOIN.join(view.reasons) or SUPERVISE_NO_REASONS),
            SUPERVISE_COMMENT.format(comment=view.comment) if view.comment else SUPERVISE_NO_COMMENT,
        ]
        self.summary.setText("\n".join(lines))
        self.history.setRowCount(len(view.history))
        for index, line in enumerate(view.history):
            note = ASIDE.format(text=line.note, aside=line.fix_due.isoformat()) if line.fix_due else line.note
            values = [minute_text(line.at, self._zone()), line.by or SUPERVISE_SYSTEM, RECT_EVENT[line.event],
                      RECT_STATE[line.state_after], note]  # fmt: skip
            for column, item in enumerate(read_only_items(values)):
                self.history.setItem(index, column, item)
        decisions = SUPERVISE_APPEAL_DECISION
        self.appeals.setText("\n".join(
            SUPERVISE_APPEALS.format(at=minute_text(a.at, self._zone()), by=a.by, decision=decisions[a.upheld],
                                           reason=a.reason)
            for a in view.appeals
        ))  # fmt: skip
        today = self._clock().date()
        self.fix_due.setSpecialValueText("")  # a real date from here on, today's included
        self.fix_due.setMinimumDate(QDate(today.year, today.month, today.day))
        due = row.due if row.due > today else today
        self.fix_due.setDate(QDate(due.year, due.month, due.day))

    def _zone(self) -> dt.tzinfo | None:
        return self._clock().tzinfo

    # --- alerts --------------------------------------------------------------------------

    def on_alert(self, alert: RectificationAlert) -> None:
        self.message.say(
            DESK_RATING_ALERT.format(case_no=alert.case_no, desk_no=alert.desk_no, due=alert.due_on.isoformat()),
            "problems",
        )
        self._reload_timer.start()

    def reload_after_alerts(self) -> None:
        """The list's first page again, once for every alert raised since the last read, keeping the chosen row."""
        chosen = self.chosen_id()

        def read(rows: list[RectificationRow]) -> None:
            self.show_rows(rows)
            if chosen is not None:
                self.choose(chosen)

        self._rows_after(None, read, said=False)

    def on_alert_count(self, count: int) -> None:
        self.alert_badge.setText(SUPERVISE_ALERTS.format(count=count))
        self.alert_badge.setVisible(count > 0)
