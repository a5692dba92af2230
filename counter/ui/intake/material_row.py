"""One material of the checklist as a row the clerk settles with one key.

With the row focused, 1 已收取, 2 有缺陷, 3 未提交, 4 共享已确认 (shared materials
only), 5 当场更正, 6 容缺后补 (materials the guide marks 容缺后补 only: not handed in,
the applicant asking for 容缺, said through :attr:`deferral_chosen`) and Space
toggles 已收取; 7 asks the 证照库 (shared materials and certificates only, said through
:attr:`licence_asked`: the panel asks and the clerk takes one licence); 8 has the desk's 高拍仪 take a page of it
and 9 one the clerk compared with the original (:attr:`page_asked`: the panel keeps the pages); ↑ and ↓ move to
the neighbouring row.  A line taken as an 电子证照, or whose look-up failed, says so
under the name; anything the clerk then records by key replaces the licence, but for 1 on a line whose C-level
licence waits for its original (须核验原件, 国办函〔2016〕108号): that is the clerk's record that the original was
checked, and the licence is taken, as B.
Choosing 已收取 fills the counts and the medium the guide asks for, so the common
case needs no typing; 有缺陷 opens the note the correction notice prints, and
当场更正 (行政许可法 第三十二条第一款第三项) the note of what was corrected; both put
the cursor in it, and Enter there goes on to the next row.  A row still pending is tinted, so nothing is left behind.

The row holds what the clerk set in its own fields and says so through :attr:`recorded`; the medium and the
counts (:class:`RowDetails`) and the note are made the first time the line shows them.  The
checklist itself (and its rules: what a missing line keeps, what a defect
needs) is the domain's, applied by the panel with ``checklist.record``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontInfo, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter.catalog.model import Material, Medium, Necessity
from counter.intake.checklist import (
    HANDED_IN,
    MAX_COUNT,
    WITH_NOTE,
    MaterialEntry,
    Receipt,
    ReceivedMedium,
    awaits_original,
    licence_column,
    original_checked,
)
from counter.parties.text import TextField
from counter.ui.intake.text_field import CheckedLine
from counter.ui.intake.words import (
    INTAKE_COPIES,
    INTAKE_CORRECTED_HINT,
    INTAKE_CORRECTED_NOTE,
    INTAKE_DEFECT_HINT,
    INTAKE_DEFECT_NOTE,
    INTAKE_GUIDE_COUNT,
    INTAKE_LICENCE_BUTTON,
    INTAKE_ORIGINALS,
    INTAKE_PAGES_COMPARED,
    INTAKE_PAGES_TAKEN,
    INTAKE_RECEIPT_BUTTON,
    INTAKE_RECEIPT_DEFER,
    INTAKE_RECEIPT_SHARED_FETCHED,
    INTAKE_ROW_CONTROL_NAME,
    INTAKE_TAG_SHARED,
)
from counter.ui.widgets.flow_layout import FlowLayout, flow_row
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.restyle import set_style_property
from counter.words.catalog import NECESSITY
from counter.words.documents import DOC_TITLE
from counter.words.intake import RECEIVED_MEDIUM, licence_text

RECEIPT_KEYS = {
    Qt.Key.Key_1: Receipt.RECEIVED,
    Qt.Key.Key_2: Receipt.DEFECTIVE,
    Qt.Key.Key_3: Receipt.MISSING,
    Qt.Key.Key_4: Receipt.SHARED_CONFIRMED,
    Qt.Key.Key_5: Receipt.CORRECTED_ON_SPOT,
}
DEFER_KEY = Qt.Key.Key_6
LICENCE_KEY = Qt.Key.Key_7
PAGE_KEYS = {Qt.Key.Key_8: False, Qt.Key.Key_9: True}  # 高拍仪: a page, or one compared with the original
_ACCEPTED = {
    Medium.PAPER: (ReceivedMedium.PAPER,),
    Medium.ELECTRONIC: (ReceivedMedium.ELECTRONIC,),
}
_BOTH = (ReceivedMedium.PAPER, ReceivedMedium.ELECTRONIC)


def _counted(text: str, spin: QSpinBox) -> QWidget:
    """A count with its label, kept together when the line wraps."""
    pair = QWidget()
    line = QHBoxLayout(pair)
    line.setContentsMargins(0, 0, 0, 0)
    label = plain_label(text)
    label.setBuddy(spin)  # the count's name, read out with it
    line.addWidget(label)
    line.addWidget(spin)
    return pair


def _choice(text: str) -> QPushButton:
    """A state of the line, chosen by a click or by the row's keys: never a Tab stop (the list is one)."""
    button = QPushButton(text)
    button.setProperty("receipt", "true")
    button.setCheckable(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def _tag(text: str, kind: str) -> QLabel:
    label = plain_label(text)
    label.setProperty("tag", kind)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # one line high beside a long name
    return label


def _count(value: int) -> int:
    """A count as its box holds it: 0 to MAX_COUNT."""
    return max(0, min(value, MAX_COUNT))


def _name_for(control: QWidget, text: str, material: Material) -> None:
    """Name ``control`` for a screen reader with the material it acts on: every row has its 已收取."""
    control.setAccessibleName(INTAKE_ROW_CONTROL_NAME.format(control=text, material=material.name))


class RowDetails(QWidget):
    """How a material handed in came: paper or electronic, the originals and the copies, beside the guide's counts.

    Shows what the row holds (:meth:`show_line`); what the clerk changes here the row takes through the widgets'
    own signals.
    """

    def __init__(self, material: Material, accepted: tuple[ReceivedMedium, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.medium_buttons = {m: _choice(RECEIVED_MEDIUM[m]) for m in _BOTH}
        for medium, button in self.medium_buttons.items():
            button.setEnabled(medium in accepted)
        self.originals = QSpinBox()
        self.copies = QSpinBox()
        for spin in (self.originals, self.copies):
            spin.setRange(0, MAX_COUNT)
            # the guide's counts, filled in by key 1: changed by a click when a paper differs, never a Tab stop
            # (the list is one stop, its rows settled by keys)
            spin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for medium, button in self.medium_buttons.items():
            _name_for(button, RECEIVED_MEDIUM[medium], material)
        _name_for(self.originals, INTAKE_ORIGINALS, material)
        _name_for(self.copies, INTAKE_COPIES, material)
        line = FlowLayout(self)
        for medium in _BOTH:
            line.addWidget(self.medium_buttons[medium])
        line.addWidget(_counted(INTAKE_ORIGINALS, self.originals))
        line.addWidget(_counted(INTAKE_COPIES, self.copies))
        guide = plain_label(INTAKE_GUIDE_COUNT.format(originals=material.originals, copies=material.copies))
        guide.setProperty("role", "guide-count")
        line.addWidget(guide)

    def show_line(self, medium: ReceivedMedium | None, originals: int, copies: int) -> None:
        """The medium chosen and the counts, without reporting them back; counts only for paper."""
        for spin, value in ((self.originals, originals), (self.copies, copies)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
            spin.setEnabled(medium is ReceivedMedium.PAPER)
        for shown, button in self.medium_buttons.items():
            button.setChecked(shown is medium)


class MaterialRow(QFrame):
    recorded = Signal(object)  # the MaterialEntry the row now shows
    step = Signal(int)  # -1 / +1: the clerk wants the row above / below
    deferral_chosen = Signal()  # 容缺后补: recorded 未提交, and the applicant asks for 容缺
    licence_asked = Signal()  # key 7: look this material up in the 证照库
    page_asked = Signal(bool)  # key 8 (False) or 9 (True, compared with the original): the camera takes a page

    def __init__(
        self, material: Material, entry: MaterialEntry, parent: QWidget | None = None, *, lookup: bool = False
    ) -> None:
        """``lookup``: the material may be looked up in the 证照库 (the list decides: not one the case produces)."""
        super().__init__(parent)
        self.material = material
        self.setProperty("row", "true")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._receipt = entry.receipt
        self._licence = entry.licence
        self._lookup_failed = entry.lookup_failed
        self._accepted = _ACCEPTED.get(material.medium, _BOTH) if material.medium else _BOTH
        shown = [Receipt.RECEIVED, Receipt.DEFECTIVE, Receipt.MISSING]
        if material.shared:
            shown.append(Receipt.SHARED_CONFIRMED)
        shown.append(Receipt.CORRECTED_ON_SPOT)
        self.receipt_buttons = {r: _choice(INTAKE_RECEIPT_BUTTON[r]) for r in shown}
        if material.shared:  # not handed in is not lacking: the office fetches it (第十条)
            self.receipt_buttons[Receipt.MISSING].setText(INTAKE_RECEIPT_SHARED_FETCHED)
        self.deferrable = material.necessity is Necessity.DEFERRABLE and not material.shared
        # 容缺后补: only on a material the guide lets be handed in later
        self.defer_button = _choice(INTAKE_RECEIPT_DEFER) if self.deferrable else None
        self._deferral_asked = False  # the intake's 容缺 request: a missing line of this row is then 容缺后补
        self.licence_button = QPushButton(INTAKE_LICENCE_BUTTON) if lookup else None
        if self.licence_button is not None:
            self.licence_button.setProperty("receipt", "true")
            self.licence_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.licence_label = plain_label(wrap=True)
        self.licence_label.setProperty("role", "licence")
        self.found_label: QLabel | None = None  # what the 证照库 found after the clerk went on, made when first said
        self.pages_label = plain_label()  # the camera's pages of it, taken with keys 8 and 9
        self.pages_label.setProperty("role", "hint")
        self.pages_label.hide()
        # the line as the clerk set it; the details and the note show it once they are made
        self._medium: ReceivedMedium | None = None
        self._originals = self._copies = 0
        self._note = ""
        self._details: RowDetails | None = None
        self._note_line: CheckedLine | None = None
        # the paper a defect's note prints on: the hall's 补齐材料告知书 where it only receives (ChecklistView)
        self.correction_paper = DOC_TITLE["correction"]
        for button in (*self.receipt_buttons.values(), self.defer_button, self.licence_button):
            if button is not None:
                _name_for(button, button.text(), material)
        self.name_label = plain_label(material.name)
        self.setAccessibleName(material.name)  # the row the keys act on
        self.name_label.setProperty("role", "material")
        self.name_label.setWordWrap(True)
        # a name never narrower than six characters: in a narrow column (1024×768) the state buttons wrap
        # to a second line instead of squeezing the name into a column of three characters a line
        self.name_label.setMinimumWidth(6 * QFontInfo(self.name_label.font()).pixelSize())  # a hanzi is one em wide
        self._build()
        self._connect_signals()
        self.show_entry(entry)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(_tag(NECESSITY[self.material.necessity], self.material.necessity.value))
        if self.material.shared:
            top.addWidget(_tag(INTAKE_TAG_SHARED, "shared"))
        top.addWidget(self.name_label, 1)
        shown: list[QWidget] = [*self.receipt_buttons.values()]
        if self.defer_button is not None:
            shown.append(self.defer_button)
        if self.licence_button is not None:
            shown.append(self.licence_button)
        top.addWidget(flow_row(shown, spacing=4))  # wraps in a narrow column
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.setSpacing(4)
        self._layout.addLayout(top)
        self._layout.addWidget(self.licence_label)
        self._layout.addWidget(self.pages_label)

    def _connect_signals(self) -> None:
        for receipt, button in self.receipt_buttons.items():
            button.clicked.connect(lambda _checked=False, r=receipt: self.on_receipt_chosen(r))
        if self.defer_button is not None:
            self.defer_button.clicked.connect(self.on_deferral_clicked)
        if self.licence_button is not None:
            self.licence_button.clicked.connect(self.on_licence_clicked)

    @property
    def details(self) -> RowDetails:
        """The medium and the counts of a line handed in, beneath the name; made the first time they are shown.

        A new list is all pending lines, none of them showing these: made with every row, they were about a third
        of the panel's widgets to make, style, lay out and paint when the intake opens.
        """
        if self._details is None:
            details = RowDetails(self.material, self._accepted)
            details.hide()
            self._layout.insertWidget(self._layout.indexOf(self.pages_label) + 1, details)
            details.show_line(self._medium, self._originals, self._copies)
            for medium, button in details.medium_buttons.items():
                button.clicked.connect(lambda _checked=False, m=medium: self.on_medium_chosen(m))
            details.originals.valueChanged.connect(self.on_originals_changed)
            details.copies.valueChanged.connect(self.on_copies_changed)
            self._details = details
        return self._details

    @property
    def note_line(self) -> CheckedLine:
        """What the desk will not take in it (有缺陷), or what was corrected (当场更正), said beneath it, with the
        message of a note too long; made the first time a line with a note is shown."""
        if self._note_line is None:
            line = CheckedLine(TextField.NOTE, kept=True)  # never selected whole by the focus coming back
            line.hide()
            self._layout.addWidget(line)
            # a Tab stop right after its row (tab_chain): made late, it came last in the window, Shift+Tab from it
            # on 放弃本次受理 and Tab on the form's first field
            QWidget.setTabOrder(self, line.edit)
            line.setText(self._note)
            line.edit.textChanged.connect(self.on_note_changed)
            line.edit.returnPressed.connect(self.on_note_done)
            self._note_line = line
        return self._note_line

    def tab_chain(self) -> list[QWidget]:
        """The row, and its note once made: where the window's Tab order puts them, the note right after its row."""
        return [self] if self._note_line is None else [self, self._note_line.edit]

    @property
    def note(self) -> QLineEdit:
        """The note's edit, where 2 and 5 put the cursor."""
        return self.note_line.edit

    # --- what the row shows ------------------------------------------------------

    @property
    def lookup(self) -> bool:
        """Whether the row offers the 证照库 look-up (key 7): what the list decided when it made the row."""
        return self.licence_button is not None

    @property
    def receipt(self) -> Receipt:
        return self._receipt

    def medium(self) -> ReceivedMedium | None:
        return self._medium

    def entry(self) -> MaterialEntry:
        handed_in = self._receipt in HANDED_IN
        return MaterialEntry(
            self.material.code,
            self._receipt,
            self._originals if handed_in else 0,
            self._copies if handed_in else 0,
            self._medium if handed_in else None,
            self._note if self._receipt in WITH_NOTE else "",
            self._licence,
            self._lookup_failed,
        )

    def show_entry(self, entry: MaterialEntry) -> None:
        """Show a recorded line (a restored draft) without reporting it back."""
        self.blockSignals(True)
        self._receipt = entry.receipt
        self._licence = entry.licence
        self._lookup_failed = entry.lookup_failed
        self._originals, self._copies = _count(entry.originals), _count(entry.copies)
        self._medium = entry.medium
        self._note = entry.defect_note
        if self._note_line is not None:
            self._note_line.setText(entry.defect_note)  # its own check runs on it, as on what the clerk types
        self._update_view()
        self.blockSignals(False)

    def _update_view(self) -> None:
        deferred = self.deferrable and self._deferral_asked and self._receipt is Receipt.MISSING
        for receipt, button in self.receipt_buttons.items():
            button.setChecked(receipt is self._receipt and not deferred)
        if self.defer_button is not None:
            self.defer_button.setChecked(deferred)
        handed_in = self._receipt in HANDED_IN and self._licence is None
        if handed_in or self._details is not None:
            self.details.show_line(self._medium, self._originals, self._copies)
            self.details.setVisible(handed_in)
        said = licence_text(licence_column(self.entry()))
        self.licence_label.setText(said)
        self.licence_label.setVisible(bool(said))
        noted = self._receipt in WITH_NOTE
        if noted or self._note_line is not None:
            corrected = self._receipt is Receipt.CORRECTED_ON_SPOT
            defect = INTAKE_DEFECT_HINT.format(paper=self.correction_paper)
            self.note.setPlaceholderText(INTAKE_CORRECTED_HINT if corrected else defect)
            # the hint is every row's: the name says whose note it is
            _name_for(self.note, INTAKE_CORRECTED_NOTE if corrected else INTAKE_DEFECT_NOTE, self.material)
            self.note_line.setVisible(noted)
        set_style_property(self, "state", self._receipt.value)  # 须核验原件 is pending: tinted until checked

    # --- what the clerk does -----------------------------------------------------

    def set_receipt(self, receipt: Receipt) -> None:
        if receipt not in self.receipt_buttons and receipt is not Receipt.PENDING:
            return
        if receipt is Receipt.RECEIVED and awaits_original(self.entry()):
            self.take_checked_original()
            return
        replaced, self._licence = self._licence is not None, None  # the clerk's own record replaces a licence taken
        # the paper in hand as the guide asks it, as on a line never looked up: the licence's electronic medium, without
        # counts, is not what the applicant handed in
        if receipt in HANDED_IN and (self._receipt not in HANDED_IN or replaced):
            self._originals, self._copies = _count(self.material.originals), _count(self.material.copies)
            electronic = self.material.medium is Medium.ELECTRONIC
            self._medium = ReceivedMedium.ELECTRONIC if electronic else ReceivedMedium.PAPER
        self._receipt = receipt
        self._update_view()
        self.recorded.emit(self.entry())
        if receipt in WITH_NOTE:
            self.note.setFocus()

    def take_checked_original(self) -> None:
        """1 on a line whose C-level licence waits: the clerk checked the original, the licence is taken as B."""
        self.show_entry(original_checked(self.entry()))
        self.recorded.emit(self.entry())

    def show_pages(self, count: int, compared: int) -> None:
        """How many pages the camera took of the material, and how many of them the clerk compared."""
        said = INTAKE_PAGES_TAKEN.format(count=count) if count else ""
        if compared:
            said += INTAKE_PAGES_COMPARED.format(compared=compared)
        self.pages_label.setText(said)
        self.pages_label.setVisible(bool(said))

    def show_found(self, said: str) -> None:
        """What the 证照库 answered for this material after the clerk went on, waiting here for 7 ("" once 7 opened it,
        or the line was recorded): an answer that opened its list wherever she was took the key she typed next."""
        if self.found_label is None:
            if not said:
                return
            self.found_label = plain_label(wrap=True)
            self.found_label.setProperty("role", "hint")
            self._layout.insertWidget(self._layout.indexOf(self.licence_label) + 1, self.found_label)
        self.found_label.setText(said)
        self.found_label.setVisible(bool(said))

    def show_deferral(self, asked: bool) -> None:
        """Whether the applicant asks for 容缺: a 容缺后补 material not handed in then shows as 容缺后补."""
        self._deferral_asked = asked
        self._update_view()

    def choose_deferral(self) -> None:
        """容缺后补: the material is not handed in and the applicant asks for 容缺 (the panel ticks the request).
        Asked only of a deferrable material: its 容缺 button exists only then, and its key is taken only then."""
        self.set_receipt(Receipt.MISSING)
        self.deferral_chosen.emit()

    def on_deferral_clicked(self) -> None:
        self.setFocus()
        self.choose_deferral()

    def toggle_received(self) -> None:
        if self._receipt is not Receipt.RECEIVED:
            self.set_receipt(Receipt.RECEIVED)
        else:
            optional = self.material.necessity is Necessity.OPTIONAL
            self.set_receipt(Receipt.MISSING if optional else Receipt.PENDING)

    def on_receipt_chosen(self, receipt: Receipt) -> None:
        self.setFocus()
        self.set_receipt(receipt)

    def on_licence_clicked(self) -> None:
        self.setFocus()
        self.licence_asked.emit()

    def on_medium_chosen(self, medium: ReceivedMedium) -> None:
        self._licence = None  # paper, or another electronic copy: no longer the licence taken
        self._medium = medium
        self._update_view()
        self.recorded.emit(self.entry())

    def on_note_done(self) -> None:
        """Enter in the note: it is written, on to the next material (Tab would leave the list)."""
        self.step.emit(1)

    def on_originals_changed(self, value: int) -> None:
        self._originals = value
        self.recorded.emit(self.entry())

    def on_copies_changed(self, value: int) -> None:
        self._copies = value
        self.recorded.emit(self.entry())

    def on_note_changed(self, text: str) -> None:
        self._note = text
        self.recorded.emit(self.entry())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = Qt.Key(event.key())
        if key in RECEIPT_KEYS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            receipt = RECEIPT_KEYS[key]
            self.set_receipt(receipt)
            if self.receipt is receipt and receipt not in WITH_NOTE:  # settled: on to the next material
                self.step.emit(1)
        elif key == LICENCE_KEY and self.licence_button is not None:
            self.licence_asked.emit()
        elif key in PAGE_KEYS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.page_asked.emit(PAGE_KEYS[key])
        elif key == DEFER_KEY and self.deferrable:
            self.choose_deferral()  # the panel says where the keyboard goes next: a condition to confirm, or on
        elif key == Qt.Key.Key_Space:
            self.toggle_received()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step.emit(-1 if key == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)
