"""The papers' fonts keep in the desk's memory only what drawing needs (counter.documents.fonts)."""

from __future__ import annotations

import mmap

from counter.documents.fonts import MONGOLIAN, DocumentFonts
from counter.resources import fonts_dir


def test_the_primary_font_and_a_rare_name_s_font_are_mapped() -> None:
    fonts = DocumentFonts(fonts_dir())
    assert isinstance(fonts.primary.face._ttf_data, mmap.mmap)
    assert fonts.font_of("𬭚") == "CounterRareA"  # a rare name's font, loaded for this name
    assert all(isinstance(f.face._ttf_data, mmap.mmap) for n, f in fonts._fonts.items() if n != MONGOLIAN.name)


def test_the_shaped_font_is_read_whole_for_harfbuzz() -> None:
    fonts = DocumentFonts(fonts_dir())
    assert fonts.font_of("ᠮ") == MONGOLIAN.name
    assert isinstance(fonts._fonts[MONGOLIAN.name].face._ttf_data, bytes)


def test_a_mapped_font_draws_as_the_file_read_would() -> None:
    from reportlab.pdfbase import ttfonts

    mapped = DocumentFonts(fonts_dir()).primary.face
    read = ttfonts.TTFontFace(str(fonts_dir() / "wqy-microhei.ttc"), subfontIndex=0)
    glyphs = [0, *sorted({mapped.charToGlyph[ord(c)] for c in "受理通知书乌兰浩特市和平街道民主路0123"})]
    assert mapped.charToGlyph == read.charToGlyph
    assert mapped.makeSubset(glyphs) == read.makeSubset(glyphs)


def test_what_only_the_parse_needs_is_let_go() -> None:
    """Which characters each glyph draws is kept only for the shaped font, whose glyphs are named by it."""
    fonts = DocumentFonts(fonts_dir())
    fonts.font_of("ᠮ")
    assert not hasattr(fonts.primary.face, "glyphToChar")
    assert fonts._fonts[MONGOLIAN.name].face.glyphToChar
