"""Everything about one case on one page, and the steps that can be taken on it now.

The page holds a :class:`CaseView` (plain data), never an ORM object.  Each action is one operation of
:mod:`counter.service.cases`, submitted to :class:`counter.ui.door.runner.Runner` and answered on the window's thread,
after which the page reads the case again (:mod:`counter.ui.cases.case_reading`): what it shows is what the database
holds. Nothing turns the event loop inside a slot of the page: what follows a step (the reading, the notice, the signal)
goes on from its answer (:mod:`counter.ui.cases.page_steps`); an answer for a page closed meanwhile is dropped.  The
desks of a hall share the database, so a case may have moved on since the page was drawn; the action then finds the
move no longer allowed, and the page says so and shows the case as it is.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.calendar.workdays import HolidayTable, WorkCalendar
from counter.case.item_path import ItemEvent
from counter.case.moments import minute_text
from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseView
from counter.catalog.model import Situation
from counter.documents.case_page import ItemLine
from counter.documents.kinds import DocumentKind
from counter.service.cases import READ_CALENDAR
from counter.service.requests import Nothing
from counter.ui.cases import words
from counter.ui.cases.action_bar import ActionBar
from counter.ui.cases.action_form import ActionForm
from counter.ui.cases.case_documents import CaseDocuments
from counter.ui.cases.case_fields import LINK_FIELDS, CaseFields
from counter.ui.cases.case_heading import only_received, status_text, subtitle_text
from counter.ui.cases.case_lines import (
    case_alert,
    day_text,
    desk_text,
    medium_text,
    moved_text,
    receipt_text,
)
from counter.ui.cases.case_reading import CaseReading, PageRead
from counter.ui.cases.case_reading import Loaded as Loaded  # noqa: PLC0414 - the page's name, kept
from counter.ui.cases.hand_over_form import HandOverForm
from counter.ui.cases.hand_over_step import open_hand_over
from counter.ui.cases.item_states import PLAIN_TEXT, ItemStates
from counter.ui.cases.item_step import route_title
from counter.ui.cases.item_step_form import ItemStepForm
from counter.ui.cases.item_step_rules import steps_by_item
from counter.ui.cases.marks import LACKING_TEXT, MARK_COLOURS, paint, restyle
from counter.ui.cases.material_pages import MaterialPages
from counter.ui.cases.page_steps import StepSlots
from counter.ui.cases.page_style import STATUS_COLOURS, STYLE
from counter.ui.cases.pledge_bar import PledgeBar
from counter.ui.cases.rules import (
    MaterialMark,
    Refused,
    available_actions,
    deferral_due,
    item_actions,
    material_mark,
)
from counter.ui.cases.tables import fill_row, full_table
from counter.ui.cases.withheld import withheld_texts
from counter.ui.door.runner import Failed, Runner, failures_to
from counter.ui.look.text_size import px, scaled
from counter.ui.printing.opening import show_case_documents
from counter.ui.printing.preview_window import PreviewWindow
from counter.ui.widgets.plain_text import plain_label
from counter.words.case_history import history_note, material_names
from counter.words.cases import CASE_NOT_FOUND, case_event_text

log = logging.getLogger(__name__)

Today = Callable[[], dt.date]
EXTENSION_WORKING_DAYS = 3  # the date first offered when extending; the supervisor may pick another


class CasePage(StepSlots, QWidget):
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
        self._refused = Refused()  # what the account may not decide, and the due dates the notice may move
        self._reading = CaseReading(runner, desk, self)
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
        self.subtitle = plain_label(wrap=True)
        self.subtitle.setObjectName("caseSubtitle")
        self.alert = plain_label(wrap=True)
        self.notice = plain_label(wrap=True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_bar = ActionBar()
        self.action_buttons = self.action_bar.buttons
        self.form = ActionForm()
        self.hand_over = HandOverForm()  # 统一出件: its own fields (counter.ui.cases.hand_over_step)
        self.item_step_form = ItemStepForm()  # a department's step of one item (counter.ui.cases.item_step)
        self.details_fields = CaseFields()
        self.keys, self.fields = self.details_fields.keys, self.details_fields.fields
        self.full_id_button = self.details_fields.full_id_button
        self.beyond_data = plain_label(words.CASE_BEYOND_DATA, wrap=True)
        self.beyond_data.setObjectName("alertDue")
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

    def reload(self, then: Callable[[Loaded], None] | None = None) -> Loaded:
        """Read the case again and show it; where the database cannot be read the page keeps what it showed and
        says why (:attr:`read_error`), and where there is no such case it keeps what it showed.

        What the reading came to goes to ``then`` once the page has shown it, and is returned where it is known
        before this returns (no event loop turns: a test's own call); else :attr:`Loaded.PENDING`."""
        self.read_error = ""
        came: list[Loaded] = []

        def shown(loaded: Loaded) -> None:
            came.append(loaded)
            if then is not None:
                then(loaded)

        def failed(err: Failed) -> None:
            self.read_error = err.message
            self.show_notice(self.read_error, "noticeError")
            shown(Loaded.FAILED)

        self._reading.read(self.case_no, lambda read: shown(self._show_read(read)), failures_to(failed))
        return came[0] if came else Loaded.PENDING

    def _show_read(self, read: PageRead | None) -> Loaded:
        if read is None:
            return Loaded.NOT_FOUND
        page = read.page
        self.view, self._lapse_from = page.view, page.lapse_from
        self._situations, self._shared, self._items = page.situations, page.shared, page.items
        self.details_fields.set_subject(page.subject_title, page.subject)
        self._same_day, self._same_day_why, self._refused = read.same_day, read.same_day_why, read.refused
        self._show(page.view)
        self.material_pages.show_pages(page.view.case_no, page.pages, material_names(page.view.materials))
        offered = item_actions(page.view, self._desk.actor)
        received = [i.code for i in page.items if i.received]  # a department may refuse only what was received
        steps = steps_by_item(page.view, [i.code for i in page.items], self._desk.actor, offered, received)
        self.item_states.show_items(page.view, page.items, offered, steps)
        self.pledges.show_case(page.view, self.item_states.chosen(), read.offers)
        form = self.item_step_form
        if form.step is not None and form.step not in steps.get(form.item, ()):
            form.close_form()  # the item moved on: its step is no longer offered
        if page.notices is not None:
            self.documents.show_notices(page.notices)
        return Loaded.SHOWN

    def _show(self, view: CaseView) -> None:
        today = self._today()
        status = status_text(view, self._items)
        self.setWindowTitle(words.CASE_PAGE_TITLE.format(case_no=view.case_no, status=status))
        self.number.setText(view.case_no)
        self.status.setText(status)
        colour = STATUS_COLOURS.get(view.status, "#0b4f8a")
        self.status.setStyleSheet(f"background: {colour};")
        self.subtitle.setText(subtitle_text(view, self._items))
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
        may_see_full = self._desk.actor.may(Permission.SEE_FULL_ID)
        names = {item.code: item.name for item in self._items}  # the 有权机关 and the licences named by item name
        self.details_fields.show_case(view, self._situations, may_see_full, only_received(self._items), names)
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
        received = only_received(self._items)  # a 收件's lapse in its own words, as the badge says it
        table.setRowCount(len(view.history))
        for row, line in enumerate(view.history):
            fill_row(
                table,
                row,
                (
                    minute_text(line.at),
                    desk_text(line.desk_no),
                    line.clerk,
                    case_event_text(line.event, received),
                    history_note(line, names, items),
                ),
            )
        table.fit()

    def _show_actions(self, view: CaseView, today: dt.date) -> None:
        items = [item.code for item in self._items]
        read = self._refused  # the rule of standing, read before offering
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
        self.reload(partial(self._linked, previous, case_no))

    def _linked(self, previous: str, case_no: str, loaded: Loaded) -> None:
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
        assert view is not None  # the buttons show once the case is read, and the page opens only then
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
        if event is CaseEvent.DEFERRAL_EXTENDED:  # the date first offered counts working days: the calendar read
            self._offer_due(view, lambda due: self.form.open_for(event, words.CASE_ACTION[event], (), due))
            return
        materials = view.deferred_open() if event is CaseEvent.DEFERRED_ARRIVED else ()
        title = words.case_form_title(event, only_received(self._items))  # the lapse of a 收件 in its own words
        self.form.open_for(event, words.CASE_ACTION[event], materials, None, title=title)

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
            event, PLAIN_TEXT[event], title=title, item=item_code, licence=item.licence, today=self._today(),
            entered=item.entrusted,
        )  # fmt: skip

    def on_item_step(self, event_value: str, item_code: str) -> None:
        """A department's step of one item, chosen under the item list: its form, empty, under the buttons."""
        item = next((i for i in self.item_states.items if i.code == item_code), None)
        if self.view is None or item is None:
            return
        self.notice.hide()
        self.form.close_form()
        self.hand_over.close_form()
        self.item_step_form.open_for(ItemEvent(event_value), item, self._today())

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

    # --- notices (counter.ui.printing) ----------------------------------------------

    def on_print_requested(self, kind: str, item_code: str = "") -> None:
        """Make the notice (or reprint it as first made) and show its preview beside the page.

        ``item_code``: the item a 不予批准决定书 is of (one paper per denied item).
        """
        show_case_documents(self, self._runner, self._desk, self.case_no, (DocumentKind(kind),), item_code,
                            opened=self._preview_opened,
                            refused=lambda refused: self.show_notice(refused.text, "noticeError"))  # fmt: skip

    def _preview_opened(self, preview: PreviewWindow) -> None:
        preview.recorded.connect(self.on_notices_changed)
        preview.sent_all.connect(self.on_paper_sent)
        self.on_notices_changed()

    def on_notices_changed(self) -> None:
        """A notice was numbered or printed: the 文书 section counts it."""
        self.reload()

    def on_paper_sent(self, text: str, unrecorded: str) -> None:
        """The paper went out and its preview closed: the page says where it went, and, as a warning, a print its
        record did not keep (the paper is out and is not printed again: its print count is to be checked)."""
        if unrecorded:
            self.show_notice(f"{text}{unrecorded}", "noticeWarn")
        else:
            self.show_notice(text, "noticeOk")

    def _offer_due(self, view: CaseView, offer: Callable[[dt.date], None]) -> None:
        """A few working days after the later of today and the old deadline, to ``offer`` once the holiday table
        is read (a week later where it cannot be)."""
        today = self._today()
        start = max(today, deferral_due(view) or today)

        def counted(table: HolidayTable) -> None:
            offer(WorkCalendar(table).add_working_days(start, EXTENSION_WORKING_DAYS).date)

        def lost(err: Failed) -> None:
            log.warning("holiday table unavailable; offering a week later")
            offer(start + dt.timedelta(days=7))

        self._runner.submit(READ_CALENDAR, Nothing(), self._desk, owner=self, answered=counted,
                            failed=failures_to(lost))  # fmt: skip
