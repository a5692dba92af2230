"""Everything about one case on one page, and the steps that can be taken on it now.

The page holds a :class:`CaseView` (plain data), never an ORM object.  Each action is one operation of
:mod:`counter.service.cases` (through :class:`counter.ui.runner.Runner`), after which the page reads the case again:
what it shows is what the database holds.  The desks of a hall share the database, so a case may have moved on since the
page was drawn; the action then finds the move no longer allowed, and the page says so and shows the case as it is.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from enum import StrEnum
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.calendar.workdays import WorkCalendar
from counter.case.correction_lapse import CorrectionNotDue
from counter.case.decisions import DecisionRefused
from counter.case.item_path import ItemEvent
from counter.case.not_found import CaseNotFound
from counter.case.status import CaseEvent, CaseStatus, MoveNotAllowed
from counter.case.view import CaseView
from counter.catalog.model import Situation
from counter.documents.case_page import ItemLine
from counter.documents.kinds import DocumentKind
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import Outcome
from counter.service.cases import READ_CALENDAR, READ_CASE, Nothing, ReadCase
from counter.ui.cases import words
from counter.ui.cases.action_bar import ActionBar
from counter.ui.cases.action_form import ActionForm
from counter.ui.cases.case_documents import CaseDocuments
from counter.ui.cases.case_fields import LINK_FIELDS, CaseFields
from counter.ui.cases.case_lines import (
    case_alert,
    day_text,
    desk_text,
    history_note,
    label,
    local_time,
    material_names,
    medium_text,
    moved_text,
    receipt_text,
)
from counter.ui.cases.case_steps import take_step
from counter.ui.cases.hand_over_form import HandOverForm
from counter.ui.cases.hand_over_step import confirm as confirm_hand_over
from counter.ui.cases.hand_over_step import open_hand_over
from counter.ui.cases.item_states import PLAIN_TEXT, ItemStates
from counter.ui.cases.item_step import confirm as confirm_item_step
from counter.ui.cases.item_step import route_title
from counter.ui.cases.item_step_form import ItemStepForm
from counter.ui.cases.item_step_rules import steps_by_item
from counter.ui.cases.marks import LACKING_TEXT, MARK_COLOURS, paint, restyle
from counter.ui.cases.material_pages import MaterialPages
from counter.ui.cases.page_style import STATUS_COLOURS, STYLE
from counter.ui.cases.pledge_bar import PledgeBar
from counter.ui.cases.rules import (
    MaterialMark,
    available_actions,
    deferral_due,
    form_problems,
    item_actions,
    material_mark,
)
from counter.ui.cases.same_day_step import finish_same_day
from counter.ui.cases.tables import fill_row, full_table
from counter.ui.cases.withheld import read_refusals, same_day_offer, withheld_texts
from counter.ui.plain_text import plain_label
from counter.ui.printing.opening import NoticeRefused, open_case_documents, open_preview
from counter.ui.runner import Failed, Runner
from counter.ui.text_size import px, scaled
from counter.words.access import not_permitted
from counter.words.cases import CASE_EVENT, CASE_NOT_FOUND, CASE_STATUS, RULE_PROBLEMS, decision_refused_text
from counter.words.intake import OUTCOME
from counter.words.punctuation import SENTENCES

log = logging.getLogger(__name__)

Today = Callable[[], dt.date]
EXTENSION_WORKING_DAYS = 3  # the date first offered when extending; the supervisor may pick another


class Loaded(StrEnum):
    """What reading the case again came to."""

    SHOWN = "shown"
    NOT_FOUND = "not_found"
    FAILED = "failed"  # the database could not be read: the page says so


class CasePage(QWidget):
    """One case.  Opened by :func:`counter.ui.cases.opening.open_case` as its own window."""

    case_changed = Signal(str)  # an action on the case was saved
    resubmit_requested = Signal(str, str)  # case number, bundle code: open the intake for the correction

    def __init__(
        self,
        runner: Runner,
        desk: Desk,
        today: Today,
        case_no: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk
        self._today = today
        self.case_no = case_no.strip().upper()
        self.view: CaseView | None = None
        self.read_error = ""  # why the last reading failed, if it did
        self._situations: tuple[Situation, ...] = ()
        self._shared: frozenset[str] = frozenset()  # materials fetched by data sharing: never lacking
        self._items: tuple[ItemLine, ...] = ()  # the guide's items with their departments
        self._lapse_from: dt.date | None = None  # the first day the case's deadline may be found missed
        self._same_day = False  # a 即办件 accepted today for pickup: decided and handed over at once
        self._same_day_why: tuple[str, ...] = ()  # else why not, for a 即办 bundle's case still 已受理
        self.setStyleSheet(scaled(STYLE))
        self._make_widgets()
        self._lay_out()
        self._connect_signals()

    def _make_widgets(self) -> None:
        self.number = plain_label()
        self.number.setObjectName("caseNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = plain_label()
        self.status.setObjectName("caseStatus")
        self.subtitle = plain_label()
        self.subtitle.setObjectName("caseSubtitle")
        self.subtitle.setWordWrap(True)
        self.alert = plain_label()
        self.alert.setWordWrap(True)
        self.notice = plain_label()
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_bar = ActionBar()
        self.action_buttons = self.action_bar.buttons
        self.form = ActionForm()
        self.hand_over = HandOverForm()  # 统一出件: its own fields (counter.ui.cases.hand_over_step)
        self.item_step_form = ItemStepForm()  # a department's step of one item (counter.ui.cases.item_step)
        self.details_fields = CaseFields()
        self.keys, self.fields = self.details_fields.keys, self.details_fields.fields
        self.full_id_button = self.details_fields.full_id_button
        self.beyond_data = plain_label(words.CASE_BEYOND_DATA)
        self.beyond_data.setObjectName("alertDue")
        self.beyond_data.setWordWrap(True)
        self.materials = full_table(
            words.CASE_MATERIAL_COLUMNS, stretch=0, widths={5: px(200)}, name=words.CASE_MATERIALS
        )
        self.history = full_table(words.CASE_HISTORY_COLUMNS, stretch=4, name=words.CASE_HISTORY)
        self.documents = CaseDocuments()  # the 文书 section (counter.ui.printing)
        self.material_pages = MaterialPages()  # the document camera's pages of the materials
        self.item_states = ItemStates()  # each item's decision: a bundle is decided item by item
        self.pledges = PledgeBar(self._runner, self._desk, self._today)  # 告知承诺: granted, checked, revoked

    def _lay_out(self) -> None:
        title = QHBoxLayout()
        title.addWidget(self.number)
        title.addSpacing(12)
        title.addWidget(self.status, 0, Qt.AlignmentFlag.AlignVCenter)
        title.addStretch(1)
        details = QWidget()
        body = QVBoxLayout(details)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.details_fields)
        body.addWidget(self.beyond_data)
        body.addWidget(self.item_states)
        body.addWidget(self.pledges)
        for heading, table in ((words.CASE_MATERIALS, self.materials), (words.CASE_HISTORY, self.history)):
            caption = plain_label(heading)
            caption.setObjectName("sectionHeading")
            body.addWidget(caption)
            body.addWidget(table)
            if table is self.materials:  # the camera's pages of them, then the notices
                body.addWidget(self.material_pages)
                body.addWidget(self.documents)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(details)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(words.CASE_DETAILS)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addLayout(title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.alert)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.form)
        layout.addWidget(self.hand_over)
        layout.addWidget(self.item_step_form)
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 1)
        self.alert.hide()
        self.notice.hide()

    def _connect_signals(self) -> None:
        for event, button in self.action_buttons.items():
            button.clicked.connect(partial(self.on_action_clicked, event))
        self.full_id_button.toggled.connect(self.on_full_id_toggled)
        for name in LINK_FIELDS:
            self.fields[name].linkActivated.connect(self.on_link_activated)
        self.form.confirm_button.clicked.connect(self.on_form_confirmed)
        self.form.cancel_button.clicked.connect(self.on_form_cancelled)
        self.hand_over.confirm_button.clicked.connect(self.on_hand_over_confirmed)
        self.hand_over.cancel_button.clicked.connect(self.hand_over.close_form)
        for form in (self.form, self.hand_over, self.item_step_form):
            form.cancel_button.clicked.connect(self.focus_items)  # a form given up: the keyboard back on the items
        self.documents.print_requested.connect(self.on_print_requested)
        self.item_states.decide_requested.connect(self.on_item_decide)
        self.item_states.step_bar.step_requested.connect(self.on_item_step)
        self.item_step_form.confirm_button.clicked.connect(self.on_item_step_confirmed)
        self.item_step_form.cancel_button.clicked.connect(self.item_step_form.close_form)
        self.action_bar.same_day_button.clicked.connect(self.on_same_day)
        self.pledges.connect_page(self)

    # --- reading -------------------------------------------------------------------

    def reload(self) -> Loaded:
        """Read the case again and show it; where the database cannot be read the page keeps what it showed and
        says why (:attr:`read_error`), and where there is no such case it keeps what it showed."""
        self.read_error = ""
        try:
            read = ReadCase(self.case_no)  # the items' alerts of the day
            page = self._runner.call(READ_CASE, read, self._desk, words.CASE_READ_FAILED)
        except Failed as err:
            log.exception("case %s could not be read", self.case_no)
            self.read_error = err.message
            self.show_notice(self.read_error, "noticeError")
            return Loaded.FAILED
        if page is None:
            return Loaded.NOT_FOUND
        self.view, self._lapse_from = page.view, page.lapse_from
        self._situations, self._shared, self._items = page.situations, page.shared, page.items
        self.details_fields.set_subject(page.subject_title, page.subject)
        self._same_day, self._same_day_why = same_day_offer(self._runner, page.view, self._today(), page.immediate)
        self._show(page.view)
        self.material_pages.show_pages(page.view.case_no, page.pages, material_names(page.view.materials))
        offered = item_actions(page.view, self._desk.actor)
        received = [i.code for i in page.items if i.received]  # a department may refuse only what was received
        steps = steps_by_item(page.view, [i.code for i in page.items], self._desk.actor, offered, received)
        self.item_states.show_items(page.view, page.items, offered, steps)
        self.pledges.show_case(page.view, self.item_states.chosen())
        form = self.item_step_form
        if form.step is not None and form.step not in steps.get(form.item, ()):
            form.close_form()  # the item moved on: its step is no longer offered
        if page.notices is not None:
            self.documents.show_notices(page.notices)
        return Loaded.SHOWN

    def _show(self, view: CaseView) -> None:
        today = self._today()
        status = CASE_STATUS[view.status]
        self.setWindowTitle(words.CASE_PAGE_TITLE.format(case_no=view.case_no, status=status))
        self.number.setText(view.case_no)
        self.status.setText(status)
        colour = STATUS_COLOURS.get(view.status, "#0b4f8a")
        self.status.setStyleSheet(f"background: {colour};")
        outcome = label(OUTCOME, Outcome, view.outcome)
        version = words.CASE_GUIDE_VERSION.format(version=view.guide_version)
        self.subtitle.setText(
            words.CASE_SUBTITLE.format(bundle=view.bundle_name, code=view.bundle_code, version=version, outcome=outcome)
        )
        self._show_alert(view, today)
        self._show_fields(view)
        self._show_materials(view, today)
        self._show_history(view)
        self._show_actions(view, today)

    def _show_alert(self, view: CaseView, today: dt.date) -> None:
        alert = case_alert(view, today, self._items)
        if alert is None:
            self.alert.hide()
            return
        style, text = alert
        restyle(self.alert, style)
        self.alert.setText(text)
        self.alert.show()

    def _show_fields(self, view: CaseView) -> None:
        self.details_fields.show_case(view, self._situations, self._desk.actor.may(Permission.SEE_FULL_ID))
        moved = moved_text(view)  # the later dates that govern say more than the provisional mark
        self.beyond_data.setText(words.CASE_DATES_MOVED.format(moves=moved) if moved else words.CASE_BEYOND_DATA)
        self.beyond_data.setVisible(bool(moved) or view.dates_beyond_data)

    def _show_materials(self, view: CaseView, today: dt.date) -> None:
        table = self.materials
        awaiting = view.status is CaseStatus.AWAITING_DEFERRED
        table.setRowCount(len(view.materials))
        for row, line in enumerate(view.materials):
            shared = line.code in self._shared
            values = (
                line.name,
                receipt_text(line, today, awaiting, shared),
                str(line.originals) if line.originals else "",
                str(line.copies) if line.copies else "",
                medium_text(line),
                line.defect_note,
                day_text(line.due_on),
                day_text(line.arrived_on),
            )
            items = fill_row(table, row, values)
            mark = material_mark(line, today, awaiting, shared)
            paint(items, MARK_COLOURS.get(mark))
            if mark is MaterialMark.LACKING:
                paint(items[1:2], ("#ffffff", LACKING_TEXT))
        table.fit()

    def _show_history(self, view: CaseView) -> None:
        names = material_names(view.materials)
        items = {item.code: item.name for item in self._items}
        table = self.history
        table.setRowCount(len(view.history))
        for row, line in enumerate(view.history):
            fill_row(
                table,
                row,
                (
                    f"{local_time(line.at):%Y-%m-%d %H:%M}",
                    desk_text(line.desk_no),
                    line.clerk,
                    label(CASE_EVENT, CaseEvent, line.event),
                    history_note(line, names, items),
                ),
            )
        table.fit()

    def _show_actions(self, view: CaseView, today: dt.date) -> None:
        items = [item.code for item in self._items]
        read = read_refusals(self._runner, self._desk, view)  # the rule of standing, asked before offering
        shown = available_actions(view, today, self._desk.actor, items, self._lapse_from, read.by_act, read.unsettled)
        why = withheld_texts(view, today, self._desk.actor, self._lapse_from, read.by_act, self._items, read.unsettled)
        self.action_bar.show_actions(shown, self._same_day, self._same_day_why + why)
        if self.form.action is not None and self.form.action not in shown + item_actions(view, self._desk.actor):
            self.form.close_form()

    def show_notice(self, text: str, kind: str) -> None:
        """A line under the buttons saying what the last action did, or why it did not."""
        restyle(self.notice, kind)
        self.notice.setText(text)
        self.notice.show()

    # --- slots ---------------------------------------------------------------------

    def on_full_id_toggled(self, full: bool) -> None:
        self.full_id_button.setText(words.CASE_HIDE_FULL_ID if full else words.CASE_SHOW_FULL_ID)
        if self.view is not None:
            self._show_fields(self.view)

    def on_link_activated(self, case_no: str) -> None:
        """Follow the link to the case before or after a correction, in this page."""
        previous = self.case_no
        self.case_no = case_no
        self.form.close_form()
        self.notice.hide()
        self.full_id_button.setChecked(False)  # another person's number: masked again
        loaded = self.reload()
        if loaded is not Loaded.SHOWN:
            self.case_no = previous
        if loaded is Loaded.NOT_FOUND:
            self.show_notice(CASE_NOT_FOUND.format(case_no=case_no), "noticeWarn")

    def focus_items(self) -> None:
        """The keyboard on what the clerk reads first (the items, else the materials), never on a step that a Space
        would take unread.  Not a focus proxy: Tab wraps through the page itself, and a proxy sent it back there."""
        table = self.materials if self.item_states.isHidden() else self.item_states.table
        table.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_action_clicked(self, event: CaseEvent, _checked: bool = False) -> None:
        view = self.view
        if view is None:
            return
        if event is CaseEvent.RESUBMITTED:
            self.resubmit_requested.emit(view.case_no, view.bundle_code)
            return
        self.notice.hide()
        self.hand_over.close_form()
        self.item_step_form.close_form()
        if event is CaseEvent.ITEM_ROUTED:  # the form names what goes where
            self.form.open_for(event, words.CASE_ACTION[event], title=route_title(view, self._items))
            return
        if event is CaseEvent.DELIVERED:
            self.form.close_form()
            open_hand_over(self.hand_over, view, self._items)
            return
        materials = view.deferred_open() if event is CaseEvent.DEFERRED_ARRIVED else ()
        new_due = self._offered_due(view) if event is CaseEvent.DEFERRAL_EXTENDED else None
        self.form.open_for(event, words.CASE_ACTION[event], materials, new_due)

    def on_item_decide(self, event_value: str, item_code: str) -> None:
        """准予 or 不予批准 of one item, chosen on the 各事项的决定 list: the form says which item and whose."""
        item = next((i for i in self.item_states.items if i.code == item_code), None)
        if self.view is None or item is None:
            return
        event = CaseEvent(event_value)
        self.notice.hide()
        self.item_step_form.close_form()
        title = words.CASE_ITEM_FORM_TITLE[event].format(item=item.name, department=item.department)
        self.form.open_for(
            event, PLAIN_TEXT[event], title=title, item=item_code, licence=item.licence, today=self._today()
        )

    def on_item_step(self, event_value: str, item_code: str) -> None:
        """A department's step of one item, chosen under the item list: its form, empty, under the buttons."""
        item = next((i for i in self.item_states.items if i.code == item_code), None)
        if self.view is None or item is None:
            return
        self.notice.hide()
        self.form.close_form()
        self.hand_over.close_form()
        self.item_step_form.open_for(ItemEvent(event_value), item, self._today())

    def on_item_step_confirmed(self) -> None:
        """The department's step saved, or refused in words with the case left as it was."""
        form, view = self.item_step_form, self.view
        item = next((i for i in self.item_states.items if i.code == form.item), None)
        if form.step is None or view is None or item is None:
            return
        outcome = confirm_item_step(self._runner, self._desk, view.case_no, item, form.request(), self._today())
        if outcome.style == "form":
            form.show_problems(outcome.text)
            return
        if outcome.saved or outcome.reload:
            form.close_form()
            self.reload()
        text = outcome.text
        if outcome.moved:
            text = words.CASE_MOVED_MEANWHILE.format(status=CASE_STATUS[self.view.status] if self.view else "")
        self.show_notice(text, outcome.style)
        if outcome.saved:
            self.case_changed.emit(view.case_no)

    def on_same_day(self) -> None:
        """当场办结并送达: both moves at once, checked again by the action."""
        view = self.view
        if view is None:
            return
        self.notice.hide()
        self.form.close_form()
        outcome = finish_same_day(self._runner, self._desk, view.case_no, self._today())
        if outcome.reload:
            self.reload()
        text = outcome.text
        if outcome.moved:
            text = words.CASE_MOVED_MEANWHILE.format(status=CASE_STATUS[self.view.status] if self.view else "")
        self.show_notice(text, outcome.style)
        if outcome.saved:
            self.case_changed.emit(view.case_no)

    def on_form_cancelled(self) -> None:
        self.form.close_form()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Esc closes the step form open on the page (Esc inside it cancels it already), else the page itself: the
        clerk's way back to the desk, as from every window the desk opens."""
        if event.key() != Qt.Key.Key_Escape or event.modifiers():
            super().keyPressEvent(event)
            return
        opened = [f for f in (self.form, self.hand_over, self.item_step_form) if f.isVisible()]
        if not opened:
            self.close()
            return
        for form in opened:
            form.cancel_button.click()

    def on_hand_over_confirmed(self) -> None:
        """统一出件 saved, then the 送达回证's preview beside the page, to print for the receiver to sign."""
        view = self.view
        if view is None:
            return
        outcome = confirm_hand_over(self._runner, self._desk, view.case_no, self.hand_over.request(), self._today())
        if outcome.style == "form":
            self.hand_over.show_problems(outcome.text)
            return
        self.hand_over.close_form()
        if outcome.moved:
            self.reload()
            status = CASE_STATUS[self.view.status] if self.view else ""
            self.show_notice(words.CASE_MOVED_MEANWHILE.format(status=status), "noticeWarn")
            return
        if outcome.made is not None:
            self.reload()
            self.case_changed.emit(view.case_no)
            preview = open_preview(self, self._runner, self._desk, (outcome.made,))
            preview.recorded.connect(self.on_notices_changed)
            preview.sent_all.connect(self.on_paper_sent)
        self.show_notice(outcome.text, outcome.style)

    def on_form_confirmed(self) -> None:
        event, view = self.form.action, self.view
        if event is None or view is None:
            return
        today = self._today()
        values = self.form.values()
        problems = form_problems(event, values, view, today)
        self.form.show_problems(problems)
        if problems:
            return
        items = {item.code: item.name for item in self._items}
        try:
            done = take_step(self._runner, self._desk, event, values, view, today, items)
        except (Failed, NotPermitted, DecisionRefused, MoveNotAllowed, IntakeNotPossible, CaseNotFound,
                CorrectionNotDue) as err:  # fmt: skip
            self._step_refused(err, view, event, items)
            return
        log.info("case %s: %s", view.case_no, event.value)
        self.form.close_form()
        if self.reload() is Loaded.SHOWN:
            self.show_notice(done, "noticeOk")
        else:
            # saved, but not shown yet
            self.show_notice(SENTENCES.format(first=done, second=self.read_error), "noticeWarn")
        self.case_changed.emit(view.case_no)

    def _step_refused(self, err: Exception, view: CaseView, event: CaseEvent, items: Mapping[str, str]) -> None:
        """A step not saved: a fault or a refusal by rule is said with the form kept; a case that moved on at
        another desk meanwhile is shown as it is now."""
        if isinstance(err, Failed):
            log.exception("case %s: %s not saved", view.case_no, event.value)
            self.show_notice(err.message, "noticeError")
        elif isinstance(err, NotPermitted):
            log.warning("case %s: %s refused: %s", view.case_no, event.value, err)
            self.show_notice(not_permitted(err.permission, err.signed_in, err.single_desk), "noticeError")
        elif isinstance(err, DecisionRefused) and err.problem in RULE_PROBLEMS:
            log.warning("case %s: %s refused: %s", view.case_no, event.value, err.problem.value)
            self.show_notice(decision_refused_text(err, items), "noticeError")
        elif isinstance(err, CorrectionNotDue):
            log.warning("case %s: correction lapse refused before %s", view.case_no, err.first_day)
            first = err.first_day.isoformat() if err.first_day else ""
            self.show_notice(words.CASE_CORRECTION_NOT_DUE.format(first_day=first), "noticeError")
        else:
            self._changed_meanwhile(view, event)

    def _changed_meanwhile(self, view: CaseView, event: CaseEvent) -> None:
        """A step refused because the case moved at another desk meanwhile: the page shows it as it is now."""
        log.info("case %s: %s refused, the case changed meanwhile", view.case_no, event.value)
        self.form.close_form()
        self.reload()
        status = CASE_STATUS[self.view.status] if self.view else ""
        self.show_notice(words.CASE_MOVED_MEANWHILE.format(status=status), "noticeWarn")

    # --- notices (counter.ui.printing) ----------------------------------------------

    def on_print_requested(self, kind: str, item_code: str = "") -> None:
        """Make the notice (or reprint it as first made) and show its preview beside the page.

        ``item_code``: the item a 不予批准决定书 is of (one paper per denied item).
        """
        kinds = (DocumentKind(kind),)
        try:
            preview = open_case_documents(self, self._runner, self._desk, self.case_no, kinds, self._today(), item_code)
        except NoticeRefused as refused:
            self.show_notice(refused.text, "noticeError")
            return
        preview.recorded.connect(self.on_notices_changed)
        preview.sent_all.connect(self.on_paper_sent)
        self.on_notices_changed()

    def on_notices_changed(self) -> None:
        """A notice was numbered or printed: the 文书 section counts it."""
        self.reload()

    def on_paper_sent(self, text: str) -> None:
        """The paper went out and its preview closed: the page says where it went."""
        self.show_notice(text, "noticeOk")

    def _offered_due(self, view: CaseView) -> dt.date:
        """A few working days after the later of today and the old deadline."""
        today = self._today()
        start = max(today, deferral_due(view) or today)
        try:
            calendar = WorkCalendar(self._runner.call(READ_CALENDAR, Nothing(), self._desk))
        except Failed:
            log.exception("holiday table unavailable; offering a week later")
            return start + dt.timedelta(days=7)
        return calendar.add_working_days(start, EXTENSION_WORKING_DAYS).date
