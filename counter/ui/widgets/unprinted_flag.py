"""The status bar's flag of this desk's committed cases whose papers did not all go out.

Closing an intake unprinted needs a reason, but a case left so by a crash, or a preview closed on a dead printer,
would be known only to its page's 文书 table.  The flag says how many there are until each is printed or waived; it
reads again by the minute's timer and whenever the main window comes forward (an intake, a preview or a case page
closed), in the background: while a clerk's step runs the read gives way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from counter.ui.door.runner import Runner, logged_only
from counter.ui.look.text_size import scaled

if TYPE_CHECKING:  # the flag is read after the window shows: nothing of the papers is loaded before
    from counter.access.desk import Desk
    from counter.documents.outcome_papers import UnprintedCase

log = logging.getLogger(__name__)


def read_unprinted(
    runner: Runner,
    desk: Desk,
    owner: QObject,
    answered: Callable[[tuple[UnprintedCase, ...]], None],
    *,
    background: bool = True,
) -> None:
    """The desk's flagged cases, handed to ``answered`` on the window's thread (read after a step that runs now); not
    handed over when the read failed (the next one tries)."""
    from counter.service.documents import UNPRINTED_CASES
    from counter.service.requests import Nothing

    runner.submit(UNPRINTED_CASES, Nothing(), desk, owner=owner, answered=answered, failed=logged_only,
                  background=background)  # fmt: skip


class UnprintedFlag(QLabel):
    counted = Signal(int)  # read again: how many cases are flagged

    def __init__(self, runner: Runner, desk: Callable[[], Desk]) -> None:
        super().__init__()
        self._runner, self._desk = runner, desk
        self.cases: tuple[UnprintedCase, ...] = ()
        self.setObjectName("unprintedFlag")
        self.setStyleSheet("color: #b42318; font-weight: bold;")
        self.hide()

    def watch(self, window: QWidget) -> None:
        """Read again whenever ``window`` comes forward."""
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.WindowActivate:
            self.refresh()
        return False

    def refresh(self) -> None:
        try:
            desk = self._desk()
        except Exception:  # the flag is a help; the next read tries again
            log.exception("desk not read for the unprinted papers' flag")
            return
        read_unprinted(self._runner, desk, self, self._read)

    def _read(self, cases: tuple[UnprintedCase, ...]) -> None:
        from counter.words.unprinted_papers import UNPRINTED_FLAG, unprinted_list_text

        self.cases = cases
        self.setText(UNPRINTED_FLAG.format(count=len(cases)) if cases else "")
        self.setToolTip(unprinted_list_text(cases))
        self.setVisible(bool(cases))
        self.counted.emit(len(cases))


class UnprintedLine(QLabel):
    """F6's line above the lists: each flagged case by its number, with its papers still to print."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("unprintedLine")
        self.setWordWrap(True)
        self.setStyleSheet(scaled("color: #b42318; font-weight: bold; padding: 4px 2px;"))
        self.hide()

    def refresh(self, runner: Runner, desk: Desk) -> None:
        read_unprinted(runner, desk, self, self._read, background=False)

    def _read(self, cases: tuple[UnprintedCase, ...]) -> None:
        from counter.words.unprinted_papers import unprinted_list_text

        self.setText(unprinted_list_text(cases))
        self.setVisible(bool(cases))
