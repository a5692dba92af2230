"""An A4 page of a document: its geometry, and the drawing operations it is made of.

Named tuples rather than dataclasses: a page holds hundreds of them.  Only the
layout (:mod:`counter.documents.layout`) makes them and only the painter
(:mod:`counter.documents.render`) draws them; nothing outside the documents
sees a drawing operation.
"""

from __future__ import annotations

from typing import NamedTuple

from counter.documents.codes import MM

PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM
LEFT = RIGHT = 20 * MM
TOP = 20 * MM  # the barcode and the copy's tag sit above it
BOTTOM = 18 * MM  # content ends here; the footer sits below
CONTENT = PAGE_WIDTH - LEFT - RIGHT
BAND_TOP = PAGE_HEIGHT - 8 * MM  # top of the barcode band

OFFICE_SIZE = 12.0
TITLE_SIZE = 20.0
BODY_SIZE = 11.0
TABLE_SIZE = 10.5
SMALL_SIZE = 9.0
HEADING_SIZE = 11.5
CELL_X = 5.0  # cell padding, left and right
INK, GREY, RULE_GREY, LABEL_FILL, HEAD_FILL = 0.0, 0.35, 0.6, 0.955, 0.925
BORDER = 0.5
LABEL_SHARE = 0.16  # the label column of a two-column table
SEAL_RADIUS = 17.5 * MM  # a guide for the 专用章 (38-42 mm across), which is stamped over the name and date
QR_SIZE = 23 * MM
QR_GAP = 3 * MM  # between two QR codes side by side: with their own margins, some nine modules of white


class TextOp(NamedTuple):
    x: float
    y: float  # baseline
    size: float
    text: str
    grey: float = INK
    bold: bool = False
    char_space: float = 0.0


class LineOp(NamedTuple):
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = BORDER
    grey: float = RULE_GREY
    dash: tuple[float, ...] = ()


class FillOp(NamedTuple):
    x: float
    y: float
    w: float
    h: float
    grey: float


class CircleOp(NamedTuple):
    x: float
    y: float
    r: float
    grey: float
    dash: tuple[float, ...]


class BarcodeOp(NamedTuple):
    x: float
    y: float  # bottom of the bars
    value: str


class QrOp(NamedTuple):
    x: float
    y: float
    size: float
    value: str = ""  # what it carries; "": the document's progress address (DocumentData.qr)


PageOp = TextOp | LineOp | FillOp | CircleOp | BarcodeOp | QrOp
