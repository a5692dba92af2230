"""The main window's button for the 帮您办 window: its one word, apart so the desk starts without the domain."""

from __future__ import annotations

from counter.words.translate import tr

DESK_ACTION = tr("帮您办（F4）")
