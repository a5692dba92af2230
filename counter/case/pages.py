"""The pages a document camera (高拍仪) took of a case's material: bounded, compressed, marked when compared.

A page is kept as a JPEG, its long side scaled down to :data:`LONG_SIDE` and written at :data:`QUALITY`.  Why these
bounds: a case travels to its hall in a sync package and is kept for years beside every other case of the office,
so a page must stay a few hundred kilobytes; 2000 pixels on the long side of an A4 page is about 170 dots per inch,
where a 身份证 number, a seal's text and a handwritten signature still read at full size.  The region's rules on the
size of an 电子材料 image were not found among the sources at hand: the figures are the app's, and a page whose
JPEG still exceeds :data:`PAGE_BYTES_MAX` (a page of dense colour noise, a camera set to a raw mode) is refused with
a message instead of being kept at any size.

A page the clerk compared with the original paper is marked so: the B level of the trust levels of 国办函〔2016〕108号
(a copy verified against the original by window staff).  The words the page shows for it (counter.ui.cases.words)
are those the project's domain notes give; they could not be checked against the notice's own text (no copy at
hand).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from enum import StrEnum

from PIL import Image, UnidentifiedImageError

LONG_SIDE = 2000  # pixels: an A4 page at about 170 dpi
QUALITY = 80  # JPEG quality: text sharp, a page a few hundred kilobytes
PAGE_BYTES_MAX = 1 << 20  # one page's JPEG at most: a readable page at the bounds above is well within it
PAGES_MAX = 30  # pages of one material: a 房产证 or a contract of many pages, never a whole file
SOURCE_BYTES_MAX = 64 << 20  # what a camera may hand over before it is compressed (a raw frame of a 16 MP sensor)


class PageProblem(StrEnum):
    NOT_AN_IMAGE = "not_an_image"  # the camera's bytes are no image Pillow reads
    TOO_LARGE = "too_large"  # still above PAGE_BYTES_MAX once scaled and compressed
    TOO_MANY = "too_many"  # the material already holds PAGES_MAX pages
    NOT_AS_DECLARED = "not_as_declared"  # a page handed in made: not a JPEG of the pixels it says it is


class PageRefused(ValueError):
    """A page that cannot be kept: nothing was written."""

    def __init__(self, problem: PageProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True, slots=True)
class PageImage:
    """A page as kept: JPEG bytes and their size in pixels."""

    jpeg: bytes
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class TakenPage:
    """A page taken at the intake, before its case exists: written with the case, in the intake's unit of work."""

    material_code: str
    image: PageImage
    compared: bool


@dataclass(frozen=True, slots=True)
class MaterialPage:
    """One kept page of a case's material, in the order it was taken (``page_no`` from 1 within the material)."""

    material_code: str
    page_no: int
    jpeg: bytes
    width: int
    height: int
    captured_at: dt.datetime
    clerk: str
    compared: bool  # compared with the original by the clerk: the B level of 国办函〔2016〕108号


def page_image(raw: bytes) -> PageImage:
    """A camera's image (any format Pillow reads) as kept: scaled to LONG_SIDE, greyscale kept, JPEG at QUALITY.

    :class:`PageRefused` for bytes that are no image or a page still too large after compression.
    """
    if len(raw) > SOURCE_BYTES_MAX:
        raise PageRefused(PageProblem.TOO_LARGE, f"{len(raw)} bytes from the camera")
    try:
        with Image.open(io.BytesIO(raw)) as source:
            source.load()
            picture = source.convert("L" if source.mode in ("1", "L", "LA", "I;16") else "RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as err:
        raise PageRefused(PageProblem.NOT_AN_IMAGE, type(err).__name__) from err
    if max(picture.size) > LONG_SIDE:
        picture.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=QUALITY, optimize=True)
    jpeg = out.getvalue()
    if len(jpeg) > PAGE_BYTES_MAX:
        raise PageRefused(PageProblem.TOO_LARGE, f"{len(jpeg)} bytes as JPEG")
    return PageImage(jpeg, picture.width, picture.height)


def check_taken(pages: tuple[TakenPage, ...]) -> None:
    """Pages handed in already made (an intake's, made at the desk by :func:`page_image`) held to what it makes:
    :class:`PageRefused` for a page that is not a JPEG within :data:`PAGE_BYTES_MAX` and :data:`LONG_SIDE` of the
    very size it declares, or a material given more than :data:`PAGES_MAX` pages.

    The desk's word is not taken for them: a 20 MB blob declared 10×10 px was kept with a case.  Only the header is
    read (the size), never the pixels: what a page is made of is decoded only when it is shown.
    """
    counts: dict[str, int] = {}
    for page in pages:
        counts[page.material_code] = counts.get(page.material_code, 0) + 1
        if counts[page.material_code] > PAGES_MAX:
            raise PageRefused(PageProblem.TOO_MANY, page.material_code)
        image = page.image
        if len(image.jpeg) > PAGE_BYTES_MAX:
            raise PageRefused(PageProblem.TOO_LARGE, f"{len(image.jpeg)} bytes declared a page")
        try:
            with Image.open(io.BytesIO(image.jpeg)) as found:
                kind, size = found.format, found.size
        except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as err:
            raise PageRefused(PageProblem.NOT_AN_IMAGE, type(err).__name__) from err
        if kind != "JPEG" or size != (image.width, image.height) or max(size) > LONG_SIDE:
            declared = f"{image.width}x{image.height}"
            raise PageRefused(PageProblem.NOT_AS_DECLARED, f"{kind} {size[0]}x{size[1]}, declared {declared}")
