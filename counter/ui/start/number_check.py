"""At start, whether this desk could issue a number again; if so the banner says so before anyone takes an intake.

The intake itself refuses such a number (``site.check_numbers`` asks as it does); saying it at start means the clerk
learns it before an applicant stands at the window, not with the form filled in.  Run where the database is
opened: before the window on a full start, on the warm-up thread on a quick one (the banner is then shown on the
window's thread).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from counter.ui.mainwindow.banner import Banner
from counter.words.database import NUMBERS_BEHIND_TITLE, numbers_behind_text
from counter.words.sites import OTHER_SERIES, OTHER_SERIES_TITLE

if TYPE_CHECKING:
    from counter.service.local import Service

log = logging.getLogger(__name__)


def numbers_problem(service: Service | Any, today: dt.date) -> tuple[str, str] | None:
    """What the clerk must know (a title and a text) when the desk's next number could be one already issued, or
    one of another site's series; ``None`` when it cannot.  ``service``: the window's; a store the start opened is
    served in process."""
    from counter.case.number_faults import NumbersBehind, OtherSeries
    from counter.host.machine.desk_at import desk_at
    from counter.host.machine.desk_config import load_desk_config
    from counter.service.site import CHECK_NUMBERS, NumbersAsked

    if not hasattr(service, "call"):
        from counter.service.call import Clock
        from counter.service.local import InProcess

        service = InProcess(service, clock=Clock(today))  # type: ignore[arg-type]  # a Store, by its lack of call()
    try:
        service.call(CHECK_NUMBERS, NumbersAsked(series=True), desk_at(load_desk_config()))
    except OtherSeries as err:
        return OTHER_SERIES_TITLE, OTHER_SERIES.format(desk=err.desk_code, site=err.site_code)
    except NumbersBehind as err:
        return NUMBERS_BEHIND_TITLE, numbers_behind_text(err.last_issued, err.where, err.note)
    except Exception:  # the intake checks again and refuses; the start goes on
        log.exception("numbers not checked at start")
    return None


def check_numbers_at_start(banner: Banner, service: Service | Any, today: dt.date | None) -> None:
    """Check now (any thread); show what was found in ``banner``, on the window's thread."""
    found = numbers_problem(service, today or dt.date.today())
    if found is not None:
        title, text = found
        QTimer.singleShot(0, banner, lambda: banner.show_message(title, [text]))
