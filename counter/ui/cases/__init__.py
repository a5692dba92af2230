"""The case side of the desk: one case's page, the lists, the barcode scanner.

- :mod:`~counter.ui.cases.case_page`: everything about one case and the steps allowed now;
- :mod:`~counter.ui.cases.case_lists`: today's cases at this desk, and deferrals coming due;
- :mod:`~counter.ui.cases.scanner`: a scanned case number, wherever the clerk is;
- :mod:`~counter.ui.cases.opening`: opening them, and :class:`CaseDesk`, where their signals meet.

What a main window needs::

    cases = CaseDesk(window, sessions, desk, today)
    install_scanner(app).case_scanned.connect(cases.on_case_scanned)
    cases.resubmit_requested.connect(window.on_resubmit_requested)   # (case_no, bundle_code)
    cases.open_lists()
"""

from __future__ import annotations

from counter.ui.cases.case_lists import CaseLists
from counter.ui.cases.case_page import CasePage
from counter.ui.cases.opening import CaseDesk, open_case, open_case_lists, show_not_found
from counter.ui.cases.scanner import ScannerFilter, install_scanner

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
