"""An applicant's name of markup — bold, a styled span, an image — is characters in every widget of the case page.

tests/ui/cases/test_markup.py reads back the labels and tables with a bold badge and a hidden span; here the name
also carries an ``<img>`` (which a rich-text label would draw as a picture, or as nothing) and every kind of widget
the page holds is read: labels, tables and lists through their models, text views, line edits, buttons, tooltips.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from tests.ui.cases.casebook import Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.cases.test_markup import open_page

NAMES = {
    "bold": "<b>已核验</b>张三",
    "span": '<span style="color:red;font-size:40px">张三</span>',
    "image": '<img src="data:image/png;base64,iVBORw0KGgo=" width="300">张三',
}


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    found: list[str] = []
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        found.append(value)
                pending.append(index)
    return found


def widget_texts(root: QWidget, name: str) -> list[str]:
    """Every text the page shows, each rich-text widget checked to hold ``name`` only escaped."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.toolTip():
            texts.append(widget.toolTip())
        if isinstance(widget, QLabel):
            shown = widget.text()
            if name in shown:
                assert widget.textFormat() is Qt.TextFormat.PlainText, (widget.objectName(), shown)
            texts.append(shown)
        elif isinstance(widget, QTextEdit | QPlainTextEdit):  # as its reader sees it: a tag drawn is not in it
            texts.append(widget.toPlainText())
        elif isinstance(widget, QLineEdit | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractItemView):
            texts.extend(_model_texts(widget))
    return texts


@pytest.mark.parametrize("markup", NAMES.values(), ids=NAMES.keys())
def test_an_applicants_name_of_markup_is_its_characters_everywhere(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock, markup: str
) -> None:
    with case_sessions.begin() as session:
        session.execute(text('UPDATE "case" SET applicant_name = :name WHERE case_no = :no'),
                        {"name": markup, "no": book.denied})  # fmt: skip
    page = open_page(qtbot, case_sessions, today, book.denied)
    texts = widget_texts(page, markup)
    assert any(markup in shown for shown in texts), texts  # the whole name, tags and all, as characters
    applicant = page.fields["applicant"]
    assert applicant.textFormat() is Qt.TextFormat.PlainText
    assert markup in applicant.text()
    for shown in texts:  # where a widget shows the name at all, it shows all of it: no tag taken as markup
        if "张三" in shown:
            assert markup in shown or "&lt;" in shown, shown
