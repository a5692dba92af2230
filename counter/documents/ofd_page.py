"""A page's drawing operations as the objects of an OFD page (GB/T 33190-2016 §9 and §11).

The same operations the PDF painter draws (:mod:`counter.documents.render`) are written here, so the OFD shows the
same words in the same places: the layout is never made twice.  Units change on the way: PDF points with the origin
at the bottom left become OFD millimetres with the origin at the top left (§7.1).

Each run of text drawn by one font is a ``TextObject`` whose ``TextCode`` carries the characters as written (so a
reader takes the text from the file, not from glyphs) and whose ``DeltaX`` gives each character's advance as the PDF
sets it, character spacing included.  Lines of one style are one ``PathObject``, as in the PDF; fills, the barcode's
bars and the QR code's modules are filled rectangles.

A Mongolian run is written as its characters, without the joined forms HarfBuzz gives the PDF: an OFD reader
shapes the text it draws or shows isolated letters, and the text read back is the name as written either way.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from xml.sax.saxutils import escape

from counter.documents.codes import BAR_HEIGHT_MM, MM, MODULE_MM, QUIET_MODULES, code128
from counter.documents.fonts import DocumentFonts
from counter.documents.page import (
    PAGE_HEIGHT,
    BarcodeOp,
    CircleOp,
    FillOp,
    LineOp,
    PageOp,
    QrOp,
    TextOp,
)
from counter.documents.qr import qr_modules

BOLD_STROKE = 0.45  # as the PDF's: an outline that thickens the one weight Micro Hei has
_KAPPA = 0.5522847498  # a quarter circle as one cubic Bézier
_PAGE_BOX = "0 0 210 297"


def mm(points: float) -> str:
    """A length in millimetres as OFD writes it: at most three decimals, no trailing zeros."""
    text = f"{points / MM:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _y(points: float) -> float:
    """A PDF height from the bottom as an OFD distance from the top, still in points."""
    return PAGE_HEIGHT - points


def _grey(value: float) -> str:
    level = round(value * 255)
    return f"{level} {level} {level}"


class PageWriter:
    """Writes the objects of one page; ``next_id`` numbers them across the document (ST_ID is unique in it)."""

    def __init__(self, fonts: DocumentFonts, font_id: Callable[[str, str], int], next_id: Callable[[], int]) -> None:
        self.fonts = fonts
        self.font_id = font_id  # the PublicRes ID of a font, given a run it draws
        self.next_id = next_id
        self.objects: list[str] = []

    def page(self, ops: Sequence[PageOp], qr_value: str) -> None:
        """In the PDF painter's order: fills, lines, text, then codes and circles (the later ones on top)."""
        self.fills([op for op in ops if isinstance(op, FillOp)])
        self.lines([op for op in ops if isinstance(op, LineOp)])
        for text in ops:
            if isinstance(text, TextOp):
                self.text(text)
        for op in ops:
            if isinstance(op, CircleOp):
                self.circle(op)
            elif isinstance(op, BarcodeOp):
                self.barcode(op)
            elif isinstance(op, QrOp):
                self.qr(op, op.value or qr_value)

    def _path(self, data: str, *, stroke: bool, fill: bool, extra: str = "", colour: str = "") -> None:
        self.objects.append(
            f'<ofd:PathObject ID="{self.next_id()}" Boundary="{_PAGE_BOX}" Stroke="{str(stroke).lower()}" '
            f'Fill="{str(fill).lower()}"{extra}>{colour}<ofd:AbbreviatedData>{data}</ofd:AbbreviatedData>'
            "</ofd:PathObject>"
        )

    def _rects(self, rects: Iterable[tuple[float, float, float, float]], grey: float) -> None:
        """Filled rectangles given as PDF (x, bottom, width, height)."""
        parts = []
        for x, y, w, h in rects:
            top = _y(y + h)
            parts.append(
                f"M {mm(x)} {mm(top)} L {mm(x + w)} {mm(top)} L {mm(x + w)} {mm(top + h)} L {mm(x)} {mm(top + h)} C"
            )
        if parts:
            colour = f'<ofd:FillColor Value="{_grey(grey)}"/>'
            self._path(" ".join(parts), stroke=False, fill=True, colour=colour)

    def fills(self, ops: Sequence[FillOp]) -> None:
        for grey, group in itertools.groupby(ops, key=lambda op: op.grey):
            self._rects(((op.x, op.y, op.w, op.h) for op in group), grey)

    def lines(self, ops: Sequence[LineOp]) -> None:
        for (width, grey, dash), group in itertools.groupby(ops, key=lambda op: (op.width, op.grey, op.dash)):
            data = " ".join(f"M {mm(op.x1)} {mm(_y(op.y1))} L {mm(op.x2)} {mm(_y(op.y2))}" for op in group)
            extra = f' LineWidth="{mm(width)}"' + (f' DashPattern="{" ".join(mm(d) for d in dash)}"' if dash else "")
            self._path(data, stroke=True, fill=False, extra=extra, colour=f'<ofd:StrokeColor Value="{_grey(grey)}"/>')

    def text(self, op: TextOp) -> None:
        """One ``TextObject`` per font run, each placed where the PDF's text cursor stands when it draws it."""
        x = op.x
        for name, piece in self.fonts.runs(op.text):
            advances = self._advances(name, piece, op.size, op.char_space)
            self._text_object(name, piece, x, op, advances)
            x += sum(advances)

    def _advances(self, name: str, piece: str, size: float, char_space: float) -> list[float]:
        width = self.fonts.width(piece, size)
        plain = [self.fonts.advance(char) * size for char in piece]
        if plain and abs(sum(plain) - width) > 0.01:  # a shaped run: its joined forms share the width it was drawn in
            plain = [width / len(piece)] * len(piece)
        return [advance + char_space for advance in plain]

    def _text_object(self, name: str, piece: str, x: float, op: TextOp, advances: Sequence[float]) -> None:
        size = op.size
        top = _y(op.y) - size  # the box holds the em above the baseline and a fifth of it below
        bold = f' Stroke="true" LineWidth="{mm(BOLD_STROKE)}"' if op.bold else ""
        colours = f'<ofd:FillColor Value="{_grey(op.grey)}"/>'
        if op.bold:
            colours += f'<ofd:StrokeColor Value="{_grey(op.grey)}"/>'
        deltas = " ".join(mm(advance) for advance in advances[:-1])
        delta = f' DeltaX="{deltas}"' if deltas else ""
        self.objects.append(
            f'<ofd:TextObject ID="{self.next_id()}" Boundary="{mm(x)} {mm(top)} {mm(sum(advances) or size)} '
            f'{mm(size * 1.2)}" Font="{self.font_id(name, piece)}" Size="{mm(size)}"{bold}>{colours}'
            f'<ofd:TextCode X="0" Y="{mm(size)}"{delta}>{escape(piece)}</ofd:TextCode></ofd:TextObject>'
        )

    def watermark(self, text: str, size: float, angle: float, alpha: float) -> None:
        """培训样张 across the page about its centre, turned ``angle`` degrees as the PDF turns it."""
        width = self.fonts.width(text, size)
        turn = math.radians(angle)
        cos, sin = math.cos(turn), math.sin(turn)
        ctm = f"{cos:.6f} {-sin:.6f} {sin:.6f} {cos:.6f} 105 148.5"
        x = -width / 2
        for name, piece in self.fonts.runs(text):
            advances = [self.fonts.advance(char) * size for char in piece]
            deltas = " ".join(mm(advance) for advance in advances[:-1])
            delta = f' DeltaX="{deltas}"' if deltas else ""
            self.objects.append(
                f'<ofd:TextObject ID="{self.next_id()}" Boundary="{mm(-PAGE_HEIGHT)} {mm(-PAGE_HEIGHT)} '
                f'{mm(2 * PAGE_HEIGHT)} {mm(2 * PAGE_HEIGHT)}" CTM="{ctm}" Alpha="{round(alpha * 255)}" '
                f'Font="{self.font_id(name, piece)}" Size="{mm(size)}"><ofd:FillColor Value="0 0 0"/>'
                f'<ofd:TextCode X="{mm(PAGE_HEIGHT + x)}" Y="{mm(PAGE_HEIGHT + size / 3)}"{delta}>{escape(piece)}'
                "</ofd:TextCode></ofd:TextObject>"
            )
            x += sum(advances)

    def circle(self, op: CircleOp) -> None:
        cx, cy, r = op.x, _y(op.y), op.r
        k = r * _KAPPA
        curves = (
            ((cx + r, cy + k), (cx + k, cy + r), (cx, cy + r)),
            ((cx - k, cy + r), (cx - r, cy + k), (cx - r, cy)),
            ((cx - r, cy - k), (cx - k, cy - r), (cx, cy - r)),
            ((cx + k, cy - r), (cx + r, cy - k), (cx + r, cy)),
        )
        data = [f"M {mm(cx + r)} {mm(cy)}"]
        data += ["B " + " ".join(f"{mm(px)} {mm(py)}" for px, py in curve) for curve in curves]
        extra = f' LineWidth="{mm(0.6)}"' + (f' DashPattern="{" ".join(mm(d) for d in op.dash)}"' if op.dash else "")
        self._path(" ".join(data) + " C", stroke=True, fill=False, extra=extra,
                   colour=f'<ofd:StrokeColor Value="{_grey(op.grey)}"/>')  # fmt: skip

    def barcode(self, op: BarcodeOp) -> None:
        module = MODULE_MM * MM
        left = op.x + QUIET_MODULES * module
        bars = code128(op.value).bars
        self._rects(((left + b.start * module, op.y, b.width * module, BAR_HEIGHT_MM * MM) for b in bars), 0.0)

    def qr(self, op: QrOp, value: str) -> None:
        modules = qr_modules(value)
        count = len(modules)
        border = 2
        box = op.size / (count + 2 * border)
        left, bottom = op.x + border * box, op.y + border * box
        rects = []
        for r, row in enumerate(modules):
            y = bottom + (count - 1 - r) * box
            column = 0
            for dark, run in itertools.groupby(row):
                width = len(list(run))
                if dark:
                    rects.append((left + column * box, y, width * box, box))
                column += width
        self._rects(rects, 0.0)

    def content(self, layer_id: int) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016">'
            f'<ofd:Content><ofd:Layer ID="{layer_id}">{"".join(self.objects)}</ofd:Layer></ofd:Content></ofd:Page>'
        )
