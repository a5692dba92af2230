"""Tab goes through every window of the desk: no read-only table keeps it turning from cell to cell for ever.

A table the clerk only reads (the case's history, its materials, the lists, the supervisor's pages) is one stop:
the arrows move inside it, Tab leaves it.  An editable table would keep Tab for its cells; none of these is one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView

from counter.ui.mainwindow.main_window import MainWindow
from tests.ui.cases.casebook import Casebook
from tests.ui.fit.desk import WINDOWS, settle


@pytest.mark.parametrize("name", list(WINDOWS))
def test_no_read_only_table_keeps_the_tab_key(
    name: str, desk: MainWindow, casebook_template: tuple[Path, Casebook]
) -> None:
    window = WINDOWS[name](desk, casebook_template[1])
    settle()
    trapping = [
        view.accessibleName() or view.objectName() or type(view).__name__
        for view in window.findChildren(QAbstractItemView)
        if view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers and view.tabKeyNavigation()
    ]
    assert not trapping, trapping
