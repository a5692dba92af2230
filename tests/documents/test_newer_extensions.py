"""GB 18030-2022's newer characters on paper: a name with characters of CJK Extensions E, B, G, H and I prints every
glyph, and one with a character no shipped font has (Extension J) is named before anything is printed."""

from __future__ import annotations

import ctypes
import dataclasses
import io
import random
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from counter.documents.fonts import FALLBACKS, PRIMARY, document_fonts, unprintable
from counter.documents.model import DocumentKind, document_for
from counter.documents.render import render_pdf
from counter.resources import fonts_dir
from tests.documents.conftest import CASE_OF_KIND, TODAY, DemoCases
from tests.documents.pdf_tools import pdf_fonts, pdf_text

#: 𬭚 (Extension E), 𠮷 (Extension B), 𰀀 U+30000 (Extension G), 𱍐 U+31350 (Extension H)
PRINTED = ("\U0002cb5a", "\U00020bb7", "\U00030000", "\U00031350")
#: 𮯰 U+2EBF0 and 𮹝 U+2EE5D, the first and the last of the 622 characters of Extension I (公安人口信息专用字库补充汉字)
EXTENSION_I = ("\U0002ebf0", "\U0002ee5d")
#: every character of CJK Extensions G (U+30000-3134A, 4,939), H (U+31350-323AF, 4,192) and I (U+2EBF0-2EE5D, 622)
BLOCKS = {
    "G": range(0x30000, 0x3134B),
    "H": range(0x31350, 0x323B0),
    "I": range(0x2EBF0, 0x2EE5E),
}
#: 20 characters of each block, drawn with a fixed seed: the same on every run, and names no one chose by hand
SAMPLED = {block: "".join(map(chr, random.Random(95).sample(codes, 20))) for block, codes in BLOCKS.items()}
#: the shipped font that must draw each block, and the name its embedded copy has in a PDF
DRAWN_BY = {"G": "plangothic-ext-gh.ttf", "H": "plangothic-ext-gh.ttf", "I": "jigmo2-ext-i.ttf"}
#: U+323B0, the first of CJK Extension J (Unicode 17, 2025): newer than GB 18030 and every shipped font
BEYOND_THE_FONTS = "\U000323b0"
NAME = "李" + "".join(PRINTED)


def fonts_of_characters(path: Path) -> dict[str, set[str]]:
    """Each character beyond U+FFFF of the PDF's text and the embedded fonts PDFium finds it drawn in."""
    import pypdfium2
    import pypdfium2.raw as pdfium

    found: dict[str, set[str]] = {}
    for page in pypdfium2.PdfDocument(path):
        text = page.get_textpage()
        units = [pdfium.FPDFText_GetUnicode(text, i) for i in range(pdfium.FPDFText_CountChars(text))]
        for i, unit in enumerate(units):
            if 0xD800 <= unit < 0xDC00:  # a high surrogate: the character is this pair
                char = (chr(unit) + chr(units[i + 1])).encode("utf-16-be", "surrogatepass").decode("utf-16-be")
                name = ctypes.create_string_buffer(256)
                pdfium.FPDFText_GetFontInfo(text, i, name, 256, ctypes.byref(ctypes.c_int()))
                found.setdefault(char, set()).add(name.value.decode())
    return found


def receipt(demo: DemoCases, name: str) -> bytes:
    view = dataclasses.replace(demo.views[CASE_OF_KIND[DocumentKind.RECEIPT]], applicant_name=name)
    return render_pdf(document_for(view, DocumentKind.RECEIPT, demo.office, "XAM01-R-0001", demo.bundle, TODAY))


def test_every_character_of_extensions_g_and_h_has_a_real_glyph() -> None:
    """All 9,131, each drawn by Plangothic with an outline of its own: BabelStone Han, shipped before it, lacked
    3,815 of them and a name with one printed □."""
    from reportlab.pdfbase import pdfmetrics

    fonts = document_fonts()
    block = [chr(code) for code in (*BLOCKS["G"], *BLOCKS["H"])]
    assert len(block) == 4939 + 4192
    assert fonts.missing("".join(block)) == ()
    assert {fonts.font_of(char) for char in block} == {FALLBACKS[-2].name}  # Plangothic, before Jigmo2
    assert FALLBACKS[-2].file == "plangothic-ext-gh.ttf"
    face = pdfmetrics.getFont(FALLBACKS[-2].name).face
    glyphs = [face.charToGlyph[ord(char)] for char in block]
    assert 0 not in glyphs
    assert all(face.glyphPos[glyph + 1] > face.glyphPos[glyph] for glyph in glyphs)  # outlines, not empty glyphs


def test_every_character_of_extension_i_has_a_real_glyph() -> None:
    """All 622 of the 公安人口信息专用字库补充汉字, each drawn by Jigmo2 with an outline of its own."""
    from reportlab.pdfbase import pdfmetrics

    fonts = document_fonts()
    block = [chr(code) for code in range(0x2EBF0, 0x2EE5E)]
    assert len(block) == 622
    assert {fonts.font_of(char) for char in block} == {FALLBACKS[-1].name}  # Jigmo2, the last fallback
    assert fonts.missing("".join(block)) == ()
    face = pdfmetrics.getFont(FALLBACKS[-1].name).face
    glyphs = [face.charToGlyph[ord(char)] for char in block]
    assert all(face.glyphPos[glyph + 1] > face.glyphPos[glyph] for glyph in glyphs)  # outlines, not empty glyphs


def test_a_name_every_shipped_font_lacks_is_named_by_its_code_point() -> None:
    assert unprintable(NAME) == ""
    assert unprintable("李" + "".join(EXTENSION_I)) == ""
    assert unprintable("李" + BEYOND_THE_FONTS) == "2 U+323B0"
    assert document_fonts().font_of(BEYOND_THE_FONTS) == PRIMARY.name  # it would be the .notdef box


@pytest.mark.slow
def test_the_receipt_prints_every_glyph_of_a_rare_name(demo: DemoCases, tmp_path: Path) -> None:
    path = tmp_path / "receipt.pdf"
    path.write_bytes(receipt(demo, NAME))
    assert NAME in pdf_text(path)  # each character's ToUnicode entry, beyond U+FFFF as a surrogate pair
    drawn_in = fonts_of_characters(path)
    assert drawn_in["\U0002cb5a"] == drawn_in["\U00020bb7"] == {"HanaMinA"}
    assert drawn_in["\U00030000"] == drawn_in["\U00031350"] == {"PlangothicP2ExtGHsubset"}
    assert all(row.embedded for row in pdf_fonts(path))
    subprocess.run(["pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-png", "-singlefile", str(path),
                    str(tmp_path / "receipt")], check=True)  # fmt: skip
    assert Image.open(tmp_path / "receipt.png").getbbox() is not None


def test_a_private_use_character_is_never_taken_as_drawn() -> None:
    """The shaped Mongolian font numbers its joined forms from U+E000: a name of such codes printed boxes."""
    document_fonts().font_of("ᠪ")  # the Mongolian font loaded and its joined forms numbered
    assert unprintable("\ue000\ue001\ue002") == "1 U+E000"
    assert unprintable("ᠪᠠᠲᠤ\ue234") == "5 U+E234"


@pytest.mark.slow
def test_a_receipt_prints_the_first_and_last_characters_of_extension_i(demo: DemoCases, tmp_path: Path) -> None:
    """𮯰 and 𮹝 on the receipt: drawn with Jigmo2's glyphs from the font embedded in the file, and in its text layer
    (pdftotext reads them back), not □."""
    name = "王" + "".join(EXTENSION_I)
    path = tmp_path / "receipt.pdf"
    path.write_bytes(receipt(demo, name))
    text = pdf_text(path)
    assert name in text
    assert "\u25a1" not in text
    drawn_in = fonts_of_characters(path)
    assert drawn_in[EXTENSION_I[0]] == drawn_in[EXTENSION_I[1]] == {"Jigmo2ExtI-Regular"}
    fonts = {row.name.split("+")[-1]: row for row in pdf_fonts(path)}
    assert fonts["Jigmo2ExtI-Regular"].embedded
    assert fonts["Jigmo2ExtI-Regular"].unicode
    subprocess.run(["pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-png", "-singlefile", str(path),
                    str(tmp_path / "receipt")], check=True)  # fmt: skip
    assert Image.open(tmp_path / "receipt.png").getbbox() is not None


def embedded_outlines(path: Path, font_name: str) -> set[tuple[object, ...]]:
    """The outlines of the glyphs (points and contour ends) of the font ``font_name`` embedded in the PDF: what a
    reader draws, whatever codes the subset gives them; its .notdef glyph left out."""
    import pypdfium2
    import pypdfium2.raw as pdfium
    from fontTools.ttLib import TTFont

    found: set[tuple[object, ...]] = set()
    for page in pypdfium2.PdfDocument(path):
        text = page.get_textpage()
        for i in range(pdfium.FPDFText_CountChars(text)):
            font = pdfium.FPDFTextObj_GetFont(pdfium.FPDFText_GetTextObject(text, i))
            name = ctypes.create_string_buffer(256)
            pdfium.FPDFFont_GetBaseFontName(font, name, 256)
            if name.value.decode().split("+")[-1] != font_name:
                continue
            assert pdfium.FPDFFont_GetIsEmbedded(font)
            size = ctypes.c_size_t()
            pdfium.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size))
            data = (ctypes.c_ubyte * size.value)()
            pdfium.FPDFFont_GetFontData(font, data, size.value, ctypes.byref(size))
            embedded = TTFont(io.BytesIO(bytes(data)))
            found |= {outline(embedded, glyph) for glyph in embedded.getGlyphOrder()[1:]}
    return found


def outline(font: object, glyph: str) -> tuple[object, ...]:
    """A glyph's points and contour ends, components resolved: the same in the shipped file and an embedded subset."""
    table = font["glyf"]  # type: ignore[index]
    coordinates, ends, _ = table[glyph].getCoordinates(table)
    return tuple(coordinates), tuple(ends)


@pytest.mark.slow
@pytest.mark.parametrize("block", sorted(SAMPLED))
def test_receipts_print_twenty_random_characters_of_each_new_extension(
    block: str, demo: DemoCases, tmp_path: Path
) -> None:
    """20 characters of Extension G, H or I in a name: each is drawn with its own glyph from the font embedded in
    the receipt (the outline of the shipped font's glyph for that code point, never the .notdef box), and
    ``pdftotext`` reads the name back as it was written."""
    from fontTools.ttLib import TTFont

    name = "王" + SAMPLED[block]
    path = tmp_path / "receipt.pdf"
    path.write_bytes(receipt(demo, name))
    text = pdf_text(path)
    assert name in text
    assert "\u25a1" not in text
    shipped = TTFont(fonts_dir() / DRAWN_BY[block])
    cmap = shipped.getBestCmap()
    embedded_name = shipped["name"].getDebugName(6)
    drawn_in = fonts_of_characters(path)
    outlines = embedded_outlines(path, embedded_name)
    for char in SAMPLED[block]:
        assert drawn_in[char] == {embedded_name}, (hex(ord(char)), drawn_in[char])
        assert ord(char) in cmap, hex(ord(char))
        assert outline(shipped, cmap[ord(char)]) in outlines, hex(ord(char))
