"""Mongolian script on the papers: the name joined as HarfBuzz joins it, found by a search, and the office's name
in Mongolian above the Chinese.  The glyphs are compared as drawn (pdftoppm), not only as text."""

from __future__ import annotations

import dataclasses
import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QImage, QPainter
from pytestqt.qtbot import QtBot

from counter.documents.fonts import MONGOLIAN, SURELY_PRINTED, document_fonts
from counter.documents.model import DocumentKind, document_for
from counter.documents.page import TextOp
from counter.documents.render import _Painter, render_pdf
from counter.resources import fonts_dir
from tests.documents.conftest import CASE_OF_KIND, TODAY, DemoCases
from tests.documents.pdf_tools import pdf_lines, pdf_text

BATU = "ᠪᠠᠲᠤ"  # Batu: ba (a ligature), medial ta, final u
HINGGAN = "ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ"  # Hinggan aimag: a sample for the office's name in Mongolian
SIZE = 40.0  # points: large enough that the joins are many pixels
DPI = 144


def receipt(demo: DemoCases, name: str, office_mn: str = "") -> bytes:
    view = dataclasses.replace(demo.views[CASE_OF_KIND[DocumentKind.RECEIPT]], applicant_name=name)
    office = dataclasses.replace(demo.office, office_name_mn=office_mn)
    return render_pdf(document_for(view, DocumentKind.RECEIPT, office, "XAM01-R-0001", demo.bundle, TODAY))


def ink(image: Image.Image) -> Image.Image:
    """The black-and-white ink of a drawing, cut to its bounding box."""
    grey = image.convert("L").point(lambda v: 255 if v < 128 else 0)
    box = grey.getbbox()
    assert box is not None, "nothing drawn"
    return grey.crop(box)


def overlap(a: Image.Image, b: Image.Image) -> float:
    """Intersection over union of two inks, the second scaled to the first's box."""
    b = b.resize(a.size)
    both = ImageChops.multiply(a, b).histogram()[255]
    either = ImageChops.lighter(a, b).histogram()[255]
    return both / either


def drawn_by_the_papers(text: str, tmp_path: Path, shaped: bool = True) -> Image.Image:
    """``text`` painted as the papers paint it (or letter by letter, each in its isolated form), through pdftoppm."""
    from reportlab.pdfgen.canvas import Canvas

    fonts = document_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(400, 100), invariant=1)
    if shaped:
        _Painter(canvas, fonts, None).texts([TextOp(20, 40, SIZE, text)])  # type: ignore[arg-type]
    else:
        t = canvas.beginText(20, 40)
        t.setFont(MONGOLIAN.name, SIZE)
        t.textOut(text)  # no shaping: one nominal glyph per letter
        canvas.drawText(t)
    canvas.save()
    pdf = tmp_path / "name.pdf"
    pdf.write_bytes(out.getvalue())
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", str(pdf), str(tmp_path / "name")], check=True)
    return ink(Image.open(tmp_path / "name.png"))


def drawn_by_qt(text: str) -> Image.Image:
    """The reference: ``text`` drawn by Qt, which shapes with its own HarfBuzz, in the same font and size."""
    font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / MONGOLIAN.file))
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPixelSize(round(SIZE * DPI / 72))
    image = QImage(1200, 300, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(QPointF(40, 200), text)
    painter.end()
    raw = bytes(image.constBits())
    return ink(Image.frombuffer("RGBA", (1200, 300), raw, "raw", "BGRA", 0, 1))


@pytest.mark.slow
def test_a_mongolian_name_is_drawn_joined_as_harfbuzz_joins_it(qtbot: QtBot, tmp_path: Path) -> None:
    papers = drawn_by_the_papers(BATU, tmp_path)
    reference = drawn_by_qt(BATU)
    isolated = drawn_by_the_papers(BATU, tmp_path, shaped=False)
    assert abs(papers.width - reference.width) <= 0.05 * reference.width
    assert overlap(papers, reference) > 0.9
    # the letters one by one in their isolated forms are another drawing: longer, and unlike the joined word
    assert isolated.width > 1.15 * papers.width
    assert overlap(isolated, reference) < 0.5


def test_the_shaped_glyphs_are_the_joined_forms_not_the_isolated_ones() -> None:
    fonts = document_fonts()
    name = fonts.font_of(BATU[0])
    assert name == MONGOLIAN.name
    drawn = fonts.shaped(name, BATU, 10.0)
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(name).face
    isolated = [face.charToGlyph[ord(c)] for c in BATU]
    joined = [face.charToGlyph[ord(c)] for c in drawn]
    assert len(joined) == 3  # ba is one ligature
    assert not set(joined) & set(isolated)
    assert fonts.width(BATU, 10.0) < sum(fonts.advance(c) for c in BATU) * 10.0


def test_what_the_name_check_takes_as_surely_printed_is_in_the_primary_font() -> None:
    covered = document_fonts().primary.face.charToGlyph
    sure = [code for code in range(0x30000) if SURELY_PRINTED.fullmatch(chr(code))]
    assert len(sure) == 95 + 1 + 20_902
    assert all(code in covered for code in sure)


@pytest.mark.slow
def test_the_receipt_prints_the_name_and_the_office_in_both_scripts(demo: DemoCases, tmp_path: Path) -> None:
    path = tmp_path / "receipt.pdf"
    path.write_bytes(receipt(demo, BATU, HINGGAN))
    text = pdf_text(path)
    assert BATU in text  # the ToUnicode map gives the letters back, not the private codes of the joined forms
    assert "".join(HINGGAN.split()) in text
    lines = pdf_lines(path)
    mongolian = next(i for i, line in enumerate(lines) if "".join(HINGGAN.split()) in line)
    chinese = next(i for i, line in enumerate(lines) if line == demo.office.office_name)
    assert mongolian < chinese  # 横写的蒙文在上、汉文在下


@pytest.mark.slow
def test_a_mongolian_receipt_is_the_same_file_whatever_was_printed_before(demo: DemoCases) -> None:
    first = receipt(demo, BATU, HINGGAN)
    receipt(demo, "ᠰᠣᠶᠣᠯᠮᠠ ᠭᠡᠷᠡᠯ", HINGGAN)  # other joined forms met in between
    assert receipt(demo, BATU, HINGGAN) == first


@pytest.mark.slow
def test_without_a_mongolian_name_the_paper_is_as_before(demo: DemoCases) -> None:
    assert receipt(demo, "巴图", "") == receipt(demo, "巴图")
    assert receipt(demo, "巴图", HINGGAN) != receipt(demo, "巴图")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "office_mn"),
    [
        ("ᠴᠢᠴᠢᠭ\u180eᠠ", "ᠤᠯᠠᠭᠠᠨᠬᠠᠳᠠ ᠬᠣᠲᠠ"),  # a vowel separator; a medial ᠨ before a consonant, no selector
        ("ᠨ\u180bᠠᠷᠠ", "ᠦᠨᠳᠦᠰᠦᠲᠡᠨ ᠦ ᠬᠣᠲᠠ"),  # a selector as written
    ],
)
def test_the_mongolian_text_reads_back_exactly_as_written(
    demo: DemoCases, tmp_path: Path, name: str, office_mn: str
) -> None:
    """The receipt's Mongolian lines, read by pdftotext and by PDFium, are the characters written: the office's
    name once came back with an FVS1 (U+180B) it never had, and a vowel separator came back as FVS3."""
    import pypdfium2

    path = tmp_path / "receipt.pdf"
    path.write_bytes(receipt(demo, name, office_mn))
    text = pdf_text(path)
    assert name in text
    assert "".join(office_mn.split()) in text
    pdfium = "".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(path))
    assert name in pdfium
    assert office_mn in pdfium
