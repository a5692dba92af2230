"""Opening the preview: for a case's notices, for what an intake outcome hands over, for a guide.

Each opener asks for the notices (made, or reprinted, in one unit of work) and
returns at once; once they are made it shows them in a :class:`PreviewWindow` of
its own, not modal, and hands it to the caller's ``opened``: the clerk can look
back at the case while the printer warms up.  When no notice can be made, the
caller's ``refused`` is handed a :class:`NoticeRefused` and says why in its own
place.

The window belongs to the desk's main window, not to the page that opened it:
a case page closed while a job is handed over must not take the print (and its
record) with it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from counter.access.desk import Desk
from counter.documents.kinds import DocumentKind
from counter.documents.made import MadeDocument
from counter.ui.door.runner import Runner
from counter.ui.keyboard.focus import back_to
from counter.ui.look.geometry import fit_to_screen
from counter.ui.printing.making import (
    NoticeRefused,
    ask_case_documents,
    ask_form_document,
    ask_guide_document,
    outcome_kinds,
)
from counter.ui.printing.preview_window import WINDOW_SIZE, PreviewWindow


def _owner(widget: QWidget | None) -> QWidget | None:
    """The outermost window above ``widget`` (the desk's main window when there is one)."""
    if widget is None:
        return None
    window = widget.window()
    above = window.parentWidget()
    while above is not None:
        window = above.window()
        above = window.parentWidget()
    return window


def open_preview(
    parent: QWidget | None,
    runner: Runner,
    desk: Desk,
    documents: tuple[MadeDocument, ...],
    *,
    keeps_record: bool = True,
) -> PreviewWindow:
    window = PreviewWindow(runner, desk, documents, keeps_record=keeps_record)
    owner = _owner(parent)
    if owner is not None:
        window.setParent(owner, Qt.WindowType.Window)
    if parent is not None:
        window.closed.connect(partial(back_to, parent.window()))  # the keyboard back where the clerk printed
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    fit_to_screen(window, WINDOW_SIZE)
    window.show()
    window.raise_()
    window.activateWindow()
    window.print_button.setFocus()
    return window


def show_case_documents(
    parent: QWidget,
    runner: Runner,
    desk: Desk,
    case_no: str,
    kinds: tuple[DocumentKind, ...],
    item_code: str = "",
    *,
    opened: Callable[[PreviewWindow], None],
    refused: Callable[[NoticeRefused], None],
) -> None:
    """The notices ``kinds`` of a case (numbered now, or as first made) in their preview, handed to ``opened`` once
    they are made; why not to ``refused``.  Nothing waits for them: ``parent`` (the case page) goes on meanwhile,
    and is handed nothing once closed."""

    def made(documents: tuple[MadeDocument, ...]) -> None:
        opened(open_preview(parent, runner, desk, documents))

    ask_case_documents(runner, desk, case_no, kinds, item_code, owner=parent, made=made, refused=refused)


def show_outcome_documents(
    parent: QWidget,
    runner: Runner,
    desk: Desk,
    case_no: str,
    outcome: str,
    *,
    opened: Callable[[PreviewWindow], None],
    refused: Callable[[NoticeRefused], None],
) -> None:
    """What the applicant takes home after the intake (receipt; deferral notice, pledge and receipt; …), in their
    preview once they are made (:func:`show_case_documents`).  ``outcome`` is a taken case's, one of the four the
    intake decides (an undecided one is never taken), each with its papers."""
    kinds = outcome_kinds(outcome)
    show_case_documents(parent, runner, desk, case_no, kinds, opened=opened, refused=refused)


def show_guide_notice(
    parent: QWidget,
    runner: Runner,
    desk: Desk,
    bundle_code: str,
    *,
    opened: Callable[[PreviewWindow], None],
    refused: Callable[[NoticeRefused], None],
) -> None:
    """The 一次性告知单 of a published guide, for an applicant who only asks, in its preview once it is made."""

    def made(document: MadeDocument) -> None:
        opened(open_preview(parent, runner, desk, (document,)))

    ask_guide_document(runner, desk, bundle_code, owner=parent, made=made, refused=refused)


def show_form(
    parent: QWidget,
    runner: Runner,
    desk: Desk,
    bundle_code: str,
    material_code: str,
    *,
    sample: bool,
    opened: Callable[[PreviewWindow], None],
    refused: Callable[[NoticeRefused], None],
) -> None:
    """A guide's blank form (or 示范样表), printed without a record, in its preview once it is made."""

    def made(document: MadeDocument) -> None:
        opened(open_preview(parent, runner, desk, (document,), keeps_record=False))

    ask_form_document(runner, desk, bundle_code, material_code, sample=sample, owner=parent, made=made,
                      refused=refused)  # fmt: skip
