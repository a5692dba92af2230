"""The case side of the desk: one case's page, the lists, the barcode scanner.

- :mod:`~counter.ui.cases.case_page`: everything about one case and the steps allowed now;
- :mod:`~counter.ui.cases.case_lists`: today's cases at this desk, and deferrals coming due;
- :mod:`~counter.ui.cases.scanner`: a scanned case number, wherever the clerk is;
- :mod:`~counter.ui.cases.opening`: opening them, and :class:`CaseDesk`, where their signals meet.

What a main window needs::

    cases = CaseDesk(window, runner, desk, today)
    install_scanner(app).case_scanned.connect(cases.on_case_scanned)   # from counter.ui.cases.scanner
    cases.resubmit_requested.connect(window.on_resubmit_requested)   # (case_no, bundle_code)
    cases.open_lists()
"""

from __future__ import annotations

import importlib
from typing import Any

# Submodules load on first use: the scanner is installed while the window starts,
# the case page (and SQLAlchemy behind it) only when a case is opened.
_HOMES = {"CaseDesk": "opening"}

__all__ = ["CaseDesk"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
