"""At start, whether this desk could issue a number again; if so the banner says so before anyone takes an intake.

The intake itself refuses such a number (:mod:`counter.actions.number_guard`); saying it at start means the clerk
learns it before an applicant stands at the window, not with the form filled in.  Run where the database is
opened: before the window on a full start, on the warm-up thread on a quick one (the banner is then shown on the
window's thread).
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QTimer

from counter.actions.store import Store
from counter.ui.banner import Banner
from counter.words.database import NUMBERS_BEHIND_TITLE, numbers_behind_text

log = logging.getLogger(__name__)


def numbers_problem(store: Store, today: dt.date) -> str | None:
    """What the clerk must know when the desk's next number could be one already issued; ``None`` when it cannot."""
    from counter.actions.desk import desk_at
    from counter.actions.number_guard import NumbersBehind, check_numbers
    from counter.host.desk_config import load_desk_config

    try:
        desk = desk_at(load_desk_config())
        store.read(lambda unit: check_numbers(unit, desk, today))
    except NumbersBehind as err:
        return numbers_behind_text(err.last_issued, err.where, err.note)
    except Exception:  # the intake checks again and refuses; the start goes on
        log.exception("numbers not checked at start")
    return None


def check_numbers_at_start(banner: Banner, store: Store, today: dt.date | None) -> None:
    """Check now (any thread); show what was found in ``banner``, on the window's thread."""
    text = numbers_problem(store, today or dt.date.today())
    if text is not None:
        QTimer.singleShot(0, banner, lambda: banner.show_message(NUMBERS_BEHIND_TITLE, [text]))
