"""What the window's thread needs once the start is over, imported ahead on the warm-up thread.

Once the database is warm the window offers the draft back (the intake's package), starts the review pad and its
status line (the pad's controller, the sync's pending count, the desk's identity); the first Enter shows a guide and
the first F5 opens the intake.  Imported there, on the window's thread, these packages held it for half a second and
more (159 modules, Pillow's image code among them) while the clerk was typing.  Imported here, on the warm-up thread,
they cost the window only its turns at the interpreter's lock, which the warm-up gives up every few milliseconds
(:mod:`counter.ui.start.app`); the window's thread then finds them loaded and only builds its widgets.

Importing a module defines its classes and values; none of these makes a Qt object at import (only value types:
sizes, margins, colours), and the Qt types they name were all made when PySide6 loaded (:mod:`counter.ui`: made on
first naming, a type named here while the window's thread wrapped an object of it was made twice, and the start
died), so importing them off the window's thread is safe.
"""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger(__name__)

#: the first Enter (the guide's page) and the first F5 (the intake's panel, the draft's check)
FOR_THE_FIRST_INTAKE = (
    "counter.service.catalog",
    "counter.ui.guide.guide_view",
    "counter.service.intake",
    "counter.ui.intake",
)
#: the start's last work on the window's thread: the review pad, the pending count, the desk's identity
FOR_THE_SETTLED_START = (
    "counter.ui.pad.controller",
    "counter.ui.sync.pending_label",
    "counter.ui.mainwindow.desk_identity",
    "counter.service.sync",
)


def import_ahead(names: tuple[str, ...]) -> None:
    """Import ``names`` now; one that fails is left to the window, which names the problem when it needs it."""
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:
            log.exception("could not import %s ahead of the window", name)
