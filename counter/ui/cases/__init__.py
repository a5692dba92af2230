"""The case side of the desk: one case's page, the lists, the barcode scanner.

- :mod:`~counter.ui.cases.case_page`: everything about one case and the steps allowed now;
- :mod:`~counter.ui.cases.case_lists`: today's cases at this desk, and deferrals coming due;
- :mod:`~counter.ui.cases.scanner`: a scanned case number, wherever the clerk is;
- :mod:`~counter.ui.cases.opening`: opening them, and :class:`CaseDesk`, where their signals meet.

What a main window needs::

    cases = CaseDesk(window, runner, desk, today)
    install_scanner(app).case_scanned.connect(cases.on_case_scanned)
    cases.resubmit_requested.connect(window.on_resubmit_requested)   # (case_no, bundle_code)
    cases.open_lists()
"""

from __future__ import annotations

import importlib
from typing import Any

# Submodules load on first use: the scanner is installed while the window starts,
# the case page (and SQLAlchemy behind it) only when a case is opened.
_HOMES = {
    "CaseDesk": "opening",
    "CaseLists": "case_lists",
    "CasePage": "case_page",
    "ScannerFilter": "scanner",
    "install_scanner": "scanner",
    "open_case": "opening",
    "open_case_lists": "opening",
    "show_not_found": "opening",
}

__all__ = [
    "CaseDesk",
    "CaseLists",
    "CasePage",
    "ScannerFilter",
    "install_scanner",
    "open_case",
    "open_case_lists",
    "show_not_found",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
