"""Where everything of the intake panel stands; the behaviour is in :mod:`.panel`.

Three columns a clerk reads left to right — who, what was handed in, what
follows — with the outcome's headline always in view at the top right and the
commit button at the bottom right, both outside any scrolling, and the case
number shown large in its place once taken.  Each column scrolls on a short
screen and is never squeezed narrower than its content (:mod:`counter.ui.widgets.column_scroll`);
on a narrow one the buttons of a row wrap onto a second line, and where even
that leaves the three wider than the window (1024 pixels at 150 % text) the
materials go under the applicant in one scrolling column, so the outcome and its
button stay on the screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counter.catalog.model import GuideStatus
from counter.catalog.stored_guide import StoredGuide
from counter.documents.outcome_papers import OUTCOME_PAPERS
from counter.ui.intake.checklist_view import ChecklistView
from counter.ui.intake.decision_controls import DeferralControls, RefusalControls
from counter.ui.intake.outcome_box import OutcomeBox
from counter.ui.intake.party_form import AgentForm, ApplicantForm, DeliveryForm
from counter.ui.intake.same_day import SameDayOffer
from counter.ui.intake.situations import SituationQuestions
from counter.ui.intake.style import ERROR, QUIET, STYLE
from counter.ui.intake.subject_form import SubjectForm
from counter.ui.intake.words import (
    INTAKE_CANCEL,
    INTAKE_CANCEL_CONFIRM,
    INTAKE_CANCEL_RECEIVED,
    INTAKE_CLOSE,
    INTAKE_COMMIT,
    INTAKE_COMMIT_FOR,
    INTAKE_COMMIT_KEYS,
    INTAKE_COMMIT_RECEIVED,
    INTAKE_DRAFT_GUIDE,
    INTAKE_GUIDE_VERSION,
    INTAKE_MATERIALS,
    INTAKE_OUTCOME,
    INTAKE_RESUBMISSION,
    INTAKE_SITUATIONS,
    INTAKE_TAKEN,
    INTAKE_WINDOW_TITLE,
    INTAKE_WINDOW_TITLE_RECEIVED,
)
from counter.ui.look.text_size import px, scaled
from counter.ui.printing.words import PRINTING_INTAKE_BUTTON
from counter.ui.widgets.column_scroll import ColumnPair, ColumnScroll
from counter.ui.widgets.plain_text import WrappedLine, plain_label
from counter.ui.widgets.restyle import set_style_property
from counter.ui.widgets.unbroken import unbroken
from counter.words.documents import DOC_TITLE
from counter.words.intake import COMMIT_RECEIVED
from counter.words.punctuation import GAP

COLUMN_WIDTHS = (380, 580, 300)
COLUMN_MARGIN = 6  # each column's, and the head's, left and right of it


def _column(*widgets: QWidget) -> QWidget:
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(COLUMN_MARGIN, 0, COLUMN_MARGIN, 6)
    layout.setSpacing(8)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return column


def _boxed(title: str, content: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(content)
    return box


class PanelLayout(QWidget):
    def __init__(
        self,
        stored_guide: StoredGuide,
        today: Callable[[], dt.date],
        previous_case_no: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.bundle = stored_guide.bundle
        self.receives_only = False  # the hall only receives this bundle's items: told by the preview (name_the_acts)
        self._cancel_armed = False
        self.setStyleSheet(scaled(STYLE))
        self.setWindowTitle(INTAKE_WINDOW_TITLE.format(bundle=self.bundle.name))
        self.title, self.day_label = self._head(stored_guide.version)
        self.resubmission = plain_label(INTAKE_RESUBMISSION.format(case_no=previous_case_no))
        self.resubmission.setProperty("role", "resubmission")
        self.resubmission.setVisible(bool(previous_case_no))
        self.draft_guide = self._draft_line()

        # the applicant, and whom the bundle is about beside them (the newborn, the household; hidden for others)
        self.applicant_form, self.subject_form = ApplicantForm(today), SubjectForm(self.bundle.subject)
        self.agent_form = AgentForm(today)
        self.delivery_form = DeliveryForm()
        self.situations = SituationQuestions()
        self.checklist_view = ChecklistView()
        self.outcome_box = OutcomeBox()
        self.deferral = DeferralControls()
        self.refusal = RefusalControls()
        self.message = plain_label(wrap=True)
        self.message.setProperty("role", "message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.parties_column = _column(self.applicant_form, self.subject_form, self.agent_form, self.delivery_form)
        situations_box = _boxed(INTAKE_SITUATIONS, self.situations)
        self.materials_column = _column(situations_box, _boxed(INTAKE_MATERIALS, self.checklist_view))
        # hidden only once in its column: shown before, with no parent, it would flash up as a window of its own
        situations_box.setVisible(bool(self.bundle.situations))
        self.outcome_group = _boxed(INTAKE_OUTCOME, self.outcome_box)
        self.outcome_column = _column(self.outcome_group, self.message, self.deferral, self.refusal)

        self.taken_label = plain_label(INTAKE_TAKEN)
        self.case_no_label = plain_label()
        self.case_no_label.setObjectName("case-no")
        self.case_no_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.commit_button, self.commit_reason = self._commit_controls()
        self.cancel_button = QPushButton(INTAKE_CANCEL)
        self.close_button = QPushButton(INTAKE_CLOSE)
        self._make_print_controls()
        self.same_day = SameDayOffer()  # 即办件: shown by the panel once the case may take it
        for widget in (self.taken_label, self.case_no_label, self.print_button, self.close_button):
            widget.hide()
        self.commit_shortcuts = [QShortcut(QKeySequence(k), self) for k in ("Ctrl+Return", "Ctrl+Enter")]
        self.close_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.close_shortcut.setEnabled(False)  # before the commit Esc must not lose the form
        # 全部已收取 at once (a button's Alt+letter clicks a tenth of a second later, after keys typed meanwhile)
        self.all_received_shortcut = QShortcut(QKeySequence("Alt+A"), self)
        for shortcut in (*self.commit_shortcuts, self.close_shortcut, self.all_received_shortcut):
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.status = plain_label()
        self.status.setStyleSheet(f"color: {QUIET};")
        self.status_error = False  # the line says what went wrong (the camera, the card, the draft)
        self.status_of_draft = False  # and the draft keeper said it
        self._arrange()

    def _head(self, version: int) -> tuple[QLabel, QLabel]:
        """The bundle and its guide's version; the day, the desk and the clerk.  A long name of the bundle or the
        clerk wraps rather than widen the window past a small screen."""
        version_text = unbroken(INTAKE_GUIDE_VERSION.format(version=version))  # 指南第 1 版 whole, never 指 / 南
        title = WrappedLine(GAP.format(first=self.bundle.name, second=version_text))
        title.setStyleSheet(scaled("font-size: 18px; font-weight: bold; color: #102a43;"))
        day = WrappedLine()
        day.setStyleSheet("color: #334e68;")
        day.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return title, day

    def _draft_line(self) -> QLabel:
        """The state of a 待核 guide, above the form: the paper will say so too (counter.documents)."""
        line = plain_label(INTAKE_DRAFT_GUIDE)
        line.setObjectName("draftGuide")
        line.setProperty("role", "resubmission")  # the same notice colours as a resubmission's line
        line.setVisible(self.bundle.status is GuideStatus.DRAFT)
        return line

    @staticmethod
    def _commit_controls() -> tuple[QPushButton, QLabel]:
        """The commit button, and why it waits in words a clerk can read beside it: a disabled button's grey
        (1.5:1) is for no instruction."""
        button = QPushButton(INTAKE_COMMIT_KEYS.format(action=INTAKE_COMMIT))
        button.setObjectName("commit")
        reason = plain_label(wrap=True)
        reason.setObjectName("commit-reason")
        reason.hide()
        return button, reason

    def _make_print_controls(self) -> None:
        """The applicant's paper, once the case is taken (counter.ui.printing)."""
        self.print_button = QPushButton(PRINTING_INTAKE_BUTTON)
        self.print_button.setObjectName("print")
        self.print_button.setStyleSheet(scaled("font-size: 16px; font-weight: bold; padding: 8px;"))
        self.print_shortcut = QShortcut(QKeySequence("Ctrl+P"), self)
        self.print_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_shortcut.setEnabled(False)

    def _arrange(self) -> None:
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, COLUMN_MARGIN, 0)
        # the headline leaves its box for the top of the column: whatever scrolls, the outcome stays in view
        side.addWidget(self.outcome_box.headline)
        side.addWidget(ColumnScroll(self.outcome_column), 1)
        for widget in (
            self.taken_label,
            self.case_no_label,
            self.print_button,
            self.same_day,
            self.commit_reason,
            self.commit_button,
        ):
            side.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        side.addLayout(buttons)
        parties, materials, outcome = COLUMN_WIDTHS
        # who and what was handed in: side by side, or one above the other where the window is too narrow for both
        self.columns = ColumnPair(self.parties_column, self.materials_column, (px(parties), px(materials)))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.columns)
        splitter.addWidget(right)
        for index, width in enumerate((parties + materials, outcome)):  # a narrower window takes from each in turn
            splitter.setStretchFactor(index, width)
        splitter.setSizes([px(parties + materials), px(outcome)])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 4)
        layout.setSpacing(6)
        head = QHBoxLayout()
        # in line with the columns under it (their own margin of 6): at the window's edge, 6 pixels out, the day's
        # line ran to the frame and its last characters, the clerk's name, read as cut off
        head.setContentsMargins(COLUMN_MARGIN, 0, COLUMN_MARGIN, 0)
        head.addWidget(self.title, 1)
        head.addWidget(self.day_label)
        layout.addLayout(head)
        layout.addWidget(self.resubmission)
        layout.addWidget(self.draft_guide)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def order_tabs(self) -> None:
        """Tab follows the columns as the clerk reads them: who, the situations, the materials, the decision, commit.

        The option buttons, the material rows and the refusal's boxes per item are made after the rest of the form (the
        rows made again when an answer changes the list), so without this they would come last, after the commit and
        cancel buttons.
        """
        chain = [
            self.delivery_form.notify_phone,
            *self.situations.buttons(),
            # the row keys work at once (全部已收取 is Alt+A, no Tab stop); a note right after its row
            *(stop for row in self.checklist_view.rows.values() for stop in row.tab_chain()),
            self.deferral.asked,
            self.deferral.no_bad_credit,
            self.deferral.pledge_signed,
            self.refusal,
            *self.refusal.grounds.values(),
            *self.refusal.turn_to_fields.values(),
            *self.refusal.no_licence_boxes.values(),  # 第一项's licences, ticked one by one right after the ground
            self.commit_button,
            self.cancel_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.order_subject_tabs()

    def order_subject_tabs(self) -> None:
        """The subject's fields come right after the applicant's last field, before the agent's box."""
        subject = self.subject_form.tab_chain()
        if not subject:
            return
        stops: list[QWidget] = []
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:  # the window's whole chain, once, from its top
            if self.applicant_form.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                stops.append(widget)
            widget = widget.nextInFocusChain()
        for first, second in pairwise([stops[-1], *subject]):
            QWidget.setTabOrder(first, second)

    def show_status(self, text: str, *, error: bool = False, draft: bool = False) -> None:
        """The line under the form; ``draft``: the draft's own note, which never covers another's error."""
        if draft and self.status_error and not self.status_of_draft:
            return  # 高拍仪正被其他程序使用 stays until the clerk acts on it: the draft saved 400 ms later hid it
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR if error else QUIET};")
        self.status_error, self.status_of_draft = error, draft

    def show_message(self, text: str) -> None:
        """Why the last commit did not happen, in one place, beside the outcome."""
        self.message.setText(text)
        self.message.show()

    def show_taken(self, case_no: str) -> None:
        """The case number, large, where the commit button was; the form stays readable, not editable."""
        self.message.hide()
        for column in (self.parties_column, self.materials_column, self.deferral, self.refusal):
            column.setEnabled(False)
        self.commit_button.hide()
        self.commit_reason.hide()
        self.cancel_button.hide()
        self.case_no_label.setText(case_no)
        for widget in (self.taken_label, self.case_no_label, self.print_button, self.close_button):
            widget.show()
        self.print_shortcut.setEnabled(True)
        self.close_shortcut.setEnabled(True)
        self.status.clear()
        self.print_button.setFocus()

    def name_commit(self, outcome: str, paper: str = "") -> None:
        """The button says what it does: the act and the paper of ``outcome`` (an Outcome value, or ""); ``paper``:
        the hall's 收件 paper it prints instead, where it only receives the items (read with the preview,
        counter.documents.outcome_preview.received_papers_of)."""
        received = COMMIT_RECEIVED.get(outcome) if paper else None
        if received:
            self.name_commit_text(received.format(paper=paper))
        elif outcome in INTAKE_COMMIT_FOR:
            own = DOC_TITLE[OUTCOME_PAPERS[outcome][0]]  # the name the paper prints, as the case page says it
            self.name_commit_text(INTAKE_COMMIT_FOR[outcome].format(paper=own))
        else:
            self.name_commit_text(self._commit_word)

    def name_commit_text(self, action: str) -> None:
        self.commit_button.setText(INTAKE_COMMIT_KEYS.format(action=action))
        self.commit_button.setAccessibleDescription("")
        self.commit_reason.hide()

    def hold_commit(self, reason: str) -> None:
        """The commit waits for the clerk: ``reason`` says what to do, beside the button, which names its act (and
        a screen reader says it with the button, as it said the words on it)."""
        self.commit_button.setText(INTAKE_COMMIT_KEYS.format(action=self._commit_word))
        self.commit_button.setAccessibleDescription(reason)
        self.commit_reason.setText(reason)
        self.commit_reason.show()

    def show_cancel(self, armed: bool) -> None:
        """放弃 armed (a first press only asks: a slip of the mouse must not throw the intake away), or not."""
        self._cancel_armed = armed
        cancel = INTAKE_CANCEL_RECEIVED if self.receives_only else INTAKE_CANCEL
        self.cancel_button.setText(INTAKE_CANCEL_CONFIRM if armed else cancel)
        set_style_property(self.cancel_button, "armed", "true" if armed else "false")

    @property
    def _commit_word(self) -> str:
        return INTAKE_COMMIT_RECEIVED if self.receives_only else INTAKE_COMMIT

    def name_own_act(self, received: bool) -> None:
        """The window's title and its 放弃 button name the hall's act as its papers do: 收件 where it only receives
        (``received``), 受理 where it decides."""
        self.receives_only = received
        title = INTAKE_WINDOW_TITLE_RECEIVED if received else INTAKE_WINDOW_TITLE
        self.setWindowTitle(title.format(bundle=self.bundle.name))
        self.show_cancel(self._cancel_armed)
