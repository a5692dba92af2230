"""Mongolian set in vertical columns: top to bottom, the columns left to right, each run turned a quarter clockwise."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QFont
from pytestqt.qtbot import QtBot

from counter.ui.pad.vertical_text import ROTATION, VerticalText

QUESTION_MN = "ᠡᠨᠡ ᠤᠳᠠᠭ᠎ᠠ\u202fᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ\u202fᠳᠦ ᠦᠨᠡᠯᠡᠭᠡ ᠥᠭᠭᠦᠨ᠎ᠡ ᠦᠦ"


def vertical(qtbot: QtBot, text: str, pixel_size: int = 24) -> VerticalText:
    widget = VerticalText("question", text)
    font = QFont(widget.font())
    font.setPixelSize(pixel_size)
    widget.setFont(font)
    qtbot.addWidget(widget)
    return widget


def test_a_long_text_in_a_short_widget_takes_columns_left_to_right(qtbot: QtBot, pad_font: str | None) -> None:
    widget = vertical(qtbot, QUESTION_MN)
    widget.set_length(120)
    widget.resize(widget.sizeHint())
    columns = widget.columns()
    assert len(columns) > 1
    lefts = [column.box.left() for column in columns]
    assert lefts == sorted(lefts)
    assert len(set(lefts)) == len(lefts)
    assert all(column.rotation == ROTATION == 90.0 for column in columns)  # each run turned a quarter clockwise
    # top to bottom, none longer than the widget, which is as long as the longest word
    assert all(0 < column.box.height() <= widget.height() for column in columns)
    assert all(widget.rect().toRectF().contains(column.box) for column in columns)
    assert " ".join(column.text for column in columns) == QUESTION_MN  # whole words, in order
    assert widget.fits()


def test_a_word_longer_than_a_column_stands_whole_in_a_longer_one(qtbot: QtBot, pad_font: str | None) -> None:
    """A Mongolian word cut between two columns takes other letter forms at the cut and reads as two other words:
    the column is as long as the word, and the widget asks for that length."""
    widget = vertical(qtbot, "ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ\u202fᠳᠦ ᠡᠨᠡ")
    widget.set_length(40)
    widget.resize(widget.sizeHint())
    columns = widget.columns()
    assert [column.text for column in columns] == ["ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ\u202fᠳᠦ", "ᠡᠨᠡ"]
    assert columns[0].box.height() > 40
    assert widget.sizeHint().height() > columns[0].box.height()  # and room below for the word's tail
    assert widget.fits()


def test_a_tall_widget_takes_the_text_in_one_column(qtbot: QtBot, pad_font: str | None) -> None:
    widget = vertical(qtbot, QUESTION_MN)
    widget.set_length(2000)
    widget.resize(widget.sizeHint())
    assert len(widget.columns()) == 1
    assert widget.width() < widget.height()  # a column: taller than wide


def test_the_size_hint_gives_the_columns_their_room(qtbot: QtBot, pad_font: str | None) -> None:
    widget = vertical(qtbot, QUESTION_MN)
    widget.set_length(200)
    hint = widget.sizeHint()
    widget.resize(hint.width() - 10, hint.height())
    assert not widget.fits()  # a layout giving less than the hint would clip the last column
    widget.resize(hint)
    assert widget.fits()
    assert hint.width() >= len(widget.columns()) * widget.column_width()


def test_larger_text_takes_more_room(qtbot: QtBot, pad_font: str | None) -> None:
    small, large = vertical(qtbot, QUESTION_MN, 24), vertical(qtbot, QUESTION_MN, 36)
    for widget in (small, large):
        widget.set_length(200)
    assert large.column_width() > small.column_width()
    assert large.sizeHint().width() > small.sizeHint().width()


#: a hall's notice may put a phrase in brackets with spaces inside them: the line breaker may end a column after "("
BRACKETED_MN = "ᠬᠡᠯᠡᠨ᠎ᠡ ᠦᠦ ( ᠣᠯᠠᠨ ᠢ ᠰᠣᠩᠭᠣᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ )"


def test_no_bracket_stands_alone_at_a_column_end_or_start(qtbot: QtBot, pad_font: str | None) -> None:
    """Without the guard "(" ends one column and ")" stands alone in the last: each column whose text is a single
    word, the narrowest the columns go, shows it."""
    widget = vertical(qtbot, BRACKETED_MN, 12)
    widget.set_length(20)  # every word a column of its own
    widget.resize(widget.sizeHint())
    texts = [column.text for column in widget.columns()]
    assert len(texts) > 4
    assert [text for text in texts if text[-1] in "(（" or text[0] in ")）"] == []
    assert any(text.startswith("(ᠣᠯᠠᠨ") for text in texts)  # with the word it opens
    assert texts[-1].startswith("ᠪᠣᠯᠤᠨ᠎ᠠ")  # with the word it closes
    assert texts[-1].endswith(")")
    assert widget.fits()  # the column a bracket joins is given its room


def test_the_columns_have_a_name_a_screen_reader_says(qtbot: QtBot, pad_font: str | None) -> None:
    """Drawn by a painter, the columns are no label: the screen reader has their name, and the new text's."""
    widget = vertical(qtbot, QUESTION_MN)
    spoken = QAccessible.queryAccessibleInterface(widget)
    assert spoken is not None
    assert spoken.text(QAccessible.Text.Name) == QUESTION_MN
    widget.setText(BRACKETED_MN)
    assert spoken.text(QAccessible.Text.Name) == BRACKETED_MN
