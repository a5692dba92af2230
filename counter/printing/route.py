"""Which way a print leaves the desk: CUPS's own ``lp``, or Qt's print support.

A Debian desk has the CUPS clients and keeps printing through them exactly as
before: the PDF goes to CUPS byte for byte.  A desk without ``lp`` — every
Windows desk — prints through Qt's print support instead, which draws the same
PDF's pages onto the system's printer (:mod:`counter.ui.printing.qt_print`).
``COUNTER_PRINT=qt`` or ``COUNTER_PRINT=cups`` forces one way, so a technician
can try Qt's path on a Linux desk and the tests can run both against one CUPS.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Mapping
from enum import StrEnum

log = logging.getLogger(__name__)

ROUTE_VARIABLE = "COUNTER_PRINT"


class PrintRoute(StrEnum):
    CUPS = "cups"  # lp / lpstat
    QT = "qt"  # QPrinter, QPrinterInfo


def print_route(environ: Mapping[str, str] | None = None) -> PrintRoute:
    """``COUNTER_PRINT`` when it names a route, else CUPS where ``lp`` is on the PATH, else Qt."""
    environ = os.environ if environ is None else environ
    forced = environ.get(ROUTE_VARIABLE, "").strip().lower()
    if forced in set(PrintRoute):
        return PrintRoute(forced)
    if forced:
        log.warning("%s=%r names no print route (cups, qt): chosen by the machine", ROUTE_VARIABLE, forced)
    return PrintRoute.CUPS if shutil.which("lp", path=environ.get("PATH")) else PrintRoute.QT
