"""A character no shipped font draws is printed as □ in its place, plainly, for the clerk to write in by hand; a
hall's own font in the fonts folder draws it instead."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from counter.documents.fonts import MISSING_MARK, PRIMARY, DocumentFonts, document_fonts, extra_fonts
from counter.resources import fonts_dir
from tests.documents.conftest import DemoCases
from tests.documents.pdf_tools import pdf_text
from tests.documents.test_newer_extensions import BEYOND_THE_FONTS, receipt


def test_the_missing_character_is_drawn_as_a_plain_square() -> None:
    fonts = document_fonts()
    assert list(fonts.runs(f"王{BEYOND_THE_FONTS}𬭚")) == [(PRIMARY.name, f"王{MISSING_MARK}"), ("CounterRareA", "𬭚")]
    assert fonts.width(f"王{BEYOND_THE_FONTS}", 10) == fonts.width(f"王{MISSING_MARK}", 10)  # laid out as printed
    assert fonts.missing(f"王{BEYOND_THE_FONTS}") == (BEYOND_THE_FONTS,)


def font_with_extension_j(path: Path) -> None:
    """A font that draws U+323B0 (the shipped glyph of U+30000, mapped there too), as a hall's full Plangothic would."""
    from fontTools.ttLib import TTFont

    font = TTFont(fonts_dir() / "plangothic-ext-gh.ttf")
    for table in font["cmap"].tables:
        if table.isUnicode() and 0x30000 in table.cmap:
            table.cmap[ord(BEYOND_THE_FONTS)] = table.cmap[0x30000]
    font.save(path)


@pytest.mark.slow
def test_a_font_the_hall_adds_draws_what_the_shipped_ones_lack(tmp_path: Path) -> None:
    folder = tmp_path / "fonts"
    shutil.copytree(fonts_dir(), folder)
    font_with_extension_j(folder / "extra-plangothic-p2.ttf")
    (added,) = extra_fonts(folder)
    assert added.file == "extra-plangothic-p2.ttf"
    fonts = DocumentFonts(folder)
    assert fonts.fallbacks[-1] == added  # tried after the shipped fonts
    assert fonts.font_of(BEYOND_THE_FONTS) == added.name
    assert fonts.missing(f"王{BEYOND_THE_FONTS}") == ()
    assert list(fonts.runs(f"王{BEYOND_THE_FONTS}")) == [(PRIMARY.name, "王"), (added.name, BEYOND_THE_FONTS)]


@pytest.mark.slow
def test_the_receipt_marks_the_place_of_the_missing_character(demo: DemoCases, tmp_path: Path) -> None:
    path = tmp_path / "receipt.pdf"
    path.write_bytes(receipt(demo, f"王{BEYOND_THE_FONTS}"))
    text = pdf_text(path)
    assert f"王{MISSING_MARK}" in text
    assert BEYOND_THE_FONTS not in text
