"""Paper for someone who only asks, from the main window: the 一次性告知单 of the guide on screen (Ctrl+P), and its
forms blank or as 示范样表 (Ctrl+Shift+P).  No case is taken: the papers are previewed once made, then printed or
not."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QWidget

from counter.ui import words
from counter.ui.door.runner import Runner
from counter.ui.keyboard.focus import bring_forward

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.catalog.model import Bundle
    from counter.ui.printing.form_chooser import FormChooser
    from counter.ui.printing.making import NoticeRefused
    from counter.ui.printing.preview_window import PreviewWindow

PAPER_SENT_MS = 10_000  # how long the status bar says where a guide's paper went


class AskedPapers:
    """The main window's papers for someone who only asks; ``say`` tells the clerk why one cannot be made."""

    def __init__(
        self,
        window: QWidget,
        runner: Runner,
        desk: Callable[[], Desk],
        say: Callable[[str], None],
    ) -> None:
        self._window, self.runner, self.desk, self._say = window, runner, desk, say
        self.preview: PreviewWindow | None = None  # the last preview opened from the main window
        self.form_chooser: FormChooser | None = None  # 打印表格 of the guide on screen

    def print_guide_notice(self, bundle: Bundle | None) -> None:
        """Ctrl+P: the 一次性告知单 of the guide on screen, previewed once it is made; an unpublished guide is
        refused."""
        if bundle is None:
            self._say(words.DESK_GUIDE_NOTICE_NO_GUIDE)
            return
        if not bundle.published:
            self._say(words.DESK_GUIDE_NOTICE_UNPUBLISHED.format(name=bundle.name))
            return
        from counter.ui.printing.opening import show_guide_notice

        show_guide_notice(self._window, self.runner, self.desk(), bundle.code, opened=self._shown,
                          refused=self._refused)  # fmt: skip

    def choose_form(self, bundle: Bundle | None) -> None:
        """Ctrl+Shift+P: the forms of the guide on screen, each printed blank or as 示范样表.

        A 待核 guide's forms print too (marked so on the paper), as the forms' operation makes them.
        """
        if bundle is None:
            self._say(words.DESK_FORMS_NO_GUIDE)
            return
        from counter.ui.printing.making import ask_forms

        ask_forms(self.runner, bundle.code, owner=self._window, read=partial(self._forms_read, bundle),
                  refused=self._refused)  # fmt: skip

    def _forms_read(self, bundle: Bundle, forms: tuple[tuple[str, str], ...]) -> None:
        from counter.ui.printing.form_chooser import FormChooser

        if not forms:
            self._say(words.DESK_FORMS_NONE.format(name=bundle.name))
            return
        if self.form_chooser is not None:
            self.form_chooser.close()
        chooser = FormChooser(bundle.name, forms, self._window)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.chosen.connect(partial(self.on_form_chosen, bundle.code))
        chooser.destroyed.connect(partial(self._forget_chooser, chooser))
        self.form_chooser = chooser
        bring_forward(chooser, chooser.forms)

    def _forget_chooser(self, chooser: QWidget) -> None:
        if self.form_chooser is chooser:
            self.form_chooser = None

    def on_form_chosen(self, bundle_code: str, material_code: str, sample: bool) -> None:
        from counter.ui.printing.opening import show_form

        show_form(self._window, self.runner, self.desk(), bundle_code, material_code, sample=sample,
                  opened=self._shown, refused=self._refused)  # fmt: skip

    def _shown(self, preview: PreviewWindow) -> None:
        self.preview = preview
        preview.sent_all.connect(self.on_paper_sent)

    def _refused(self, refused: NoticeRefused) -> None:
        self._say(refused.text)

    def on_paper_sent(self, text: str, unrecorded: str) -> None:
        """The paper went out and its preview closed: the status bar says where it went, and a record not written
        stays there until the next message (a blank form keeps none, but a record's problem is never timed away)."""
        if isinstance(self._window, QMainWindow):
            self._window.statusBar().showMessage(f"{text}{unrecorded}", 0 if unrecorded else PAPER_SENT_MS)
