"""评价设置: the office's rating settings — time on the pad, reasons, the idle notice, the rectification period.

Shared by every desk (they are kept in the database).  Every problem is listed
at once and nothing is saved until there is none.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter.access.desk import Desk
from counter.catalog.model import TimeLimit, TimeUnit
from counter.ratings.pad_reasons import own_reasons
from counter.ratings.refusals import SettingsRefused
from counter.ratings.settings import (
    DEFAULT_DAYS_RANGE,
    MAX_BASIS,
    PERIOD_RANGE,
    TIMEOUT_RANGE,
    DefaultRule,
    RatingMode,
    RatingSettings,
    SettingProblem,
)
from counter.service.ratings import READ_SETTINGS, SAVE_SETTINGS, SettingsRead
from counter.service.requests import Nothing
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.ui.look.text_size import scaled
from counter.ui.pad.style import PAGE_STYLE
from counter.ui.pad.words import (
    PAD_IDLE_DEFAULT,
    RATING_SETTINGS_DEFAULT,
    RATING_SETTINGS_DEFAULT_BASIS,
    RATING_SETTINGS_DEFAULT_BASIS_HINT,
    RATING_SETTINGS_DEFAULT_DAYS,
    RATING_SETTINGS_DEFAULT_OFF,
    RATING_SETTINGS_IDLE_TEXT,
    RATING_SETTINGS_MODE,
    RATING_SETTINGS_MODES,
    RATING_SETTINGS_PERIOD,
    RATING_SETTINGS_REASONS,
    RATING_SETTINGS_REASONS_HINT,
    RATING_SETTINGS_REQUIRE_PAD,
    RATING_SETTINGS_REQUIRE_PAD_BOX,
    RATING_SETTINGS_REQUIRE_PAD_HINT,
    RATING_SETTINGS_SAVE,
    RATING_SETTINGS_SAVED,
    RATING_SETTINGS_SECONDS,
    RATING_SETTINGS_TIMEOUT,
    RATING_SETTINGS_UNIT,
    SUPERVISE_READ_FAILED,
    SUPERVISE_SAVE_FAILED,
)
from counter.ui.widgets.restyle import MessageLine
from counter.words.ratings import RATING_SETTING_PROBLEM


def problem_text(problem: SettingProblem) -> str:
    return RATING_SETTING_PROBLEM[problem.code].format(key=problem.key, detail=problem.detail)


class RatingSettingsForm(QWidget):
    saved = Signal(object)  # RatingSettings, as stored

    def __init__(self, runner: Runner, desk: Desk | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk  # who changes the settings; None: this machine's desk, nobody signed in
        self.setStyleSheet(scaled(PAGE_STYLE))
        self.timeout = QSpinBox()
        self.timeout.setRange(*TIMEOUT_RANGE)
        self.timeout.setSuffix(RATING_SETTINGS_SECONDS)
        self.period = QSpinBox()
        self.period.setRange(*PERIOD_RANGE)
        self.unit = QComboBox()
        for unit in TimeUnit:
            self.unit.addItem(RATING_SETTINGS_UNIT[unit], unit)
        period = QHBoxLayout()
        period.addWidget(self.period)
        period.addWidget(self.unit)
        period.addStretch(1)
        self.mode = QComboBox()
        for mode in RatingMode:
            self.mode.addItem(RATING_SETTINGS_MODES[mode], mode)
        self.require_pad = QCheckBox(RATING_SETTINGS_REQUIRE_PAD_BOX)
        require_pad = self._require_pad_row()
        self.default_days = QSpinBox()  # 0: off, the region's rule names no default
        self.default_days.setRange(0, DEFAULT_DAYS_RANGE[1])
        self.default_days.setSpecialValueText(RATING_SETTINGS_DEFAULT_OFF)
        self.default_days.setSuffix(RATING_SETTINGS_DEFAULT_DAYS)
        self.default_basis = QLineEdit()
        self.default_basis.setMaxLength(MAX_BASIS)
        self.default_basis.setPlaceholderText(RATING_SETTINGS_DEFAULT_BASIS_HINT)
        self.reasons = QPlainTextEdit()
        self.reasons.setPlaceholderText(RATING_SETTINGS_REASONS_HINT)
        self.idle_text = QPlainTextEdit()
        self.idle_text.setPlaceholderText(PAD_IDLE_DEFAULT)
        self.save_button = QPushButton(RATING_SETTINGS_SAVE)
        self.message = MessageLine()
        form = QFormLayout()
        timeout = QHBoxLayout()  # a number of seconds needs no full line
        timeout.addWidget(self.timeout)
        timeout.addStretch(1)
        form.addRow(RATING_SETTINGS_MODE, self.mode)
        form.addRow(RATING_SETTINGS_REQUIRE_PAD, require_pad)
        form.addRow(RATING_SETTINGS_TIMEOUT, timeout)
        form.addRow(RATING_SETTINGS_PERIOD, period)
        form.addRow(RATING_SETTINGS_DEFAULT, self.default_days)
        form.addRow(RATING_SETTINGS_DEFAULT_BASIS, self.default_basis)
        form.addRow(RATING_SETTINGS_REASONS, self.reasons)
        form.addRow(RATING_SETTINGS_IDLE_TEXT, self.idle_text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.on_save_clicked)

    def _require_pad_row(self) -> QVBoxLayout:
        """The box and, beneath it, wrapped, what it does and to whom: on one line the two did not fit a 1024×768
        screen at 150 %."""
        self.require_pad.setAccessibleDescription(RATING_SETTINGS_REQUIRE_PAD_HINT)
        hint = QLabel(RATING_SETTINGS_REQUIRE_PAD_HINT)
        hint.setWordWrap(True)
        row = QVBoxLayout()
        row.addWidget(self.require_pad)
        row.addWidget(hint)
        return row

    def load(self) -> None:
        self._runner.submit(READ_SETTINGS, Nothing(), self._desk, SUPERVISE_READ_FAILED, owner=self,
                            answered=self._read, failed=self._refused)  # fmt: skip

    def _read(self, read: SettingsRead) -> None:
        settings, problems = read.settings, read.problems
        self.timeout.setValue(settings.timeout_seconds)
        self.period.setValue(settings.period.value)
        self.unit.setCurrentIndex(list(TimeUnit).index(settings.period.unit))
        self.mode.setCurrentIndex(list(RatingMode).index(settings.mode))
        self.require_pad.setChecked(settings.require_pad_device)
        self.default_days.setValue(settings.default_rule.days)
        self.default_basis.setText(settings.default_rule.basis)
        self.reasons.setPlainText("\n".join(own_reasons(settings)))
        self.idle_text.setPlainText(settings.idle_text)
        self.message.say("\n".join(problem_text(p) for p in problems), "problems")

    def settings(self) -> RatingSettings:
        reasons = tuple(line.strip() for line in self.reasons.toPlainText().splitlines() if line.strip())
        return RatingSettings(
            timeout_seconds=self.timeout.value(),
            reasons=reasons,
            idle_text=self.idle_text.toPlainText().strip(),
            period=TimeLimit(self.period.value(), TimeUnit(self.unit.currentData())),
            mode=RatingMode(self.mode.currentData()),
            default_rule=DefaultRule(self.default_days.value(), self.default_basis.text().strip()),
            require_pad_device=self.require_pad.isChecked(),
        )

    def on_save_clicked(self) -> None:
        settings = self.settings()
        self._runner.submit_step(SAVE_SETTINGS, settings, self._desk, SUPERVISE_SAVE_FAILED, owner=self,
                                 answered=lambda _none: self._saved(settings),
                                 failed=self._refused)  # fmt: skip

    def _saved(self, settings: RatingSettings) -> None:
        self.message.say(RATING_SETTINGS_SAVED, "done")
        self.saved.emit(settings)

    def _refused(self, err: Exception) -> None:
        if isinstance(err, SettingsRefused):
            self.message.say("\n".join(problem_text(p) for p in err.problems), "problems")
        else:
            self.message.say(refusal_text(err), "problems")
