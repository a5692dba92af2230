"""What a widget shows, as the clerk reads it: the text widget tests look for, read from the widgets' public labels."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from counter.ui.widgets.unbroken import BREAK_HERE, NO_BREAK_SPACE, WORD_JOINER

if TYPE_CHECKING:
    from counter.ui.guide.guide_view import GuideView
    from counter.ui.intake.outcome_box import OutcomeBox


def guide_text(view: GuideView) -> str:
    """What the guide page says: its title, the 待核 banner when shown, the guide, and its materials when shown."""
    notices = [view.draft_notice.text()] if view.draft_notice.isVisibleTo(view) else []
    parts = [view.title.text(), *notices, view.body.toPlainText()]
    if view.materials.isVisibleTo(view):
        parts.append(view.materials.toPlainText())
    return as_read("\n".join(parts))


def outcome_text(box: OutcomeBox) -> str:
    """Everything the outcome box shows, line by line, without its markup."""
    shown = [w for w in (box.headline, box.summary, box.reasons, box.dates, box.beyond, box.parties, box.error)
             if not w.isHidden() and w.text()]  # fmt: skip
    return "\n".join(_plain(w) for w in shown)


def as_read(text: str) -> str:
    """A label's text as the clerk reads it: without the word joiners that keep a date or a word on one line
    and the no-break spaces beside them (:mod:`counter.ui.widgets.unbroken`), which look as a join and a space do, nor
    the break left after a name's dot, drawn as nothing."""
    return text.replace(WORD_JOINER, "").replace(BREAK_HERE, "").replace(NO_BREAK_SPACE, " ")


def _plain(label: QLabel) -> str:
    if label.textFormat() is not Qt.TextFormat.RichText:
        return as_read(label.text())
    text = label.text().replace("<br>", "\n").replace("<b>", "").replace("</b>", "")
    return as_read(html.unescape(text))
