"""The fonts of the printed documents, registered with reportlab at the first print.

WenQuanYi Micro Hei carries every basic CJK character and full ASCII; it is a
TrueType collection, so reportlab needs ``subfontIndex=0``.  Parsing it costs
about a tenth of a second, which is why nothing is loaded at start-up: the first
document pays once, and every later one reuses the parsed fonts.

Rare name characters (生僻字 such as 䶮 U+4DAE in CJK Extension A, or 𬭚 U+2CB5A
in Extension E) are missing from it.  Each such character is drawn in a
fallback, character by character: first a subset of Hanazono Mincho A holding
the CJK characters Micro Hei lacks (Extension A, compatibility ideographs,
radicals, some of Extensions B-F; small and quick to load), then Hanazono
Mincho B (the rest of Extensions B-F, 60,000 glyphs; loaded only when a
character needs it).  A character no font has is drawn in the primary font
(its .notdef box) rather than dropped, so the clerk sees that something is
missing.

reportlab writes each subset's ToUnicode map with ``%04X``, which garbles a
character beyond the Basic Multilingual Plane (five hex digits where the PDF
format wants UTF-16): ``pdftotext`` and a viewer's search would not find 李𬭚.
:func:`_to_unicode_cmap` writes such a character as its surrogate pair and
replaces reportlab's function when the fonts are first loaded.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter.resources import fonts_dir


@dataclass(frozen=True, slots=True)
class FontFile:
    name: str  # the name registered with reportlab
    file: str  # in resources/fonts
    subfont: int = 0  # index in a TrueType collection


PRIMARY = FontFile("CounterSans", "wqy-microhei.ttc", subfont=0)
FALLBACKS = (
    FontFile("CounterRareA", "hanamin-a-rare.ttf"),
    FontFile("CounterRareB", "hanamin-b.ttf"),
)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap of one 256-glyph subset, with characters beyond U+FFFF as surrogate pairs."""

    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be").hex().upper()

    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{utf16(code)}>" for i, code in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


class MissingFont(FileNotFoundError):
    """A font file of ``resources/fonts`` is not there: documents would print boxes."""


def _remember_subsets(face: Any) -> None:
    """Build each embedded subset of a font once per process.

    Cutting a subset out of a 5 MB font is the dearest part of saving a PDF,
    and the same glyphs in the same order give the same bytes; most notices use
    the same few hundred characters, so the next receipt reuses the cut.
    """
    make = face.makeSubset
    cache: dict[tuple[int, ...], bytes] = {}
    lock = threading.Lock()

    def make_subset(subset: list[int]) -> bytes:
        key = tuple(subset)
        with lock:
            found = cache.get(key)
            if found is None:
                if len(cache) >= _SUBSET_CACHE:
                    cache.clear()
                found = cache[key] = make(subset)
            return found

    face.makeSubset = make_subset


_SUBSET_CACHE = 256


class DocumentFonts:
    """The registered fonts, which font draws each character, and how wide it is.

    Widths are kept per character in thousandths of the font size, so a line
    of text is measured by adding numbers rather than by calling into reportlab.
    """

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._lock = threading.Lock()
        self._fonts: dict[str, Any] = {}
        self._font_of: dict[str, str] = {}
        self._advance: dict[str, float] = {}
        self.primary = self._load(PRIMARY)

    def _load(self, font: FontFile) -> Any:
        from reportlab.pdfbase import pdfmetrics, ttfonts

        path = self._folder / font.file
        if not path.is_file():
            raise MissingFont(str(path))
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        loaded = ttfonts.TTFont(font.name, str(path), subfontIndex=font.subfont)
        _remember_subsets(loaded.face)
        pdfmetrics.registerFont(loaded)
        self._fonts[font.name] = loaded
        return loaded

    def _fallback(self, font: FontFile) -> Any | None:
        loaded = self._fonts.get(font.name)
        if loaded is None:
            try:
                loaded = self._load(font)
            except MissingFont:
                return None
        return loaded

    def font_of(self, char: str) -> str:
        """The registered name of the font that draws ``char``."""
        name = self._font_of.get(char)
        if name is not None:
            return name
        with self._lock:
            code = ord(char)
            name = PRIMARY.name
            if code not in self.primary.face.charToGlyph and not char.isspace():
                for candidate in FALLBACKS:
                    loaded = self._fallback(candidate)
                    if loaded is not None and code in loaded.face.charToGlyph:
                        name = candidate.name
                        break
            self._font_of[char] = name
            return name

    def covers(self, char: str) -> bool:
        """Whether some font has a real glyph for ``char`` (not the .notdef box)."""
        font = self._fonts[self.font_of(char)]
        return ord(char) in font.face.charToGlyph

    def advance(self, char: str) -> float:
        """The width of ``char`` at a font size of 1."""
        width = self._advance.get(char)
        if width is None:
            font = self._fonts[self.font_of(char)]
            width = font.face.getCharWidth(ord(char)) / 1000.0
            self._advance[char] = width
        return width

    def width(self, text: str, size: float) -> float:
        advance = self._advance
        total = 0.0
        for char in text:
            width = advance.get(char)
            total += self.advance(char) if width is None else width
        return total * size

    def runs(self, text: str) -> Iterator[tuple[str, str]]:
        """``text`` cut into pieces drawn by one font each: (font name, piece)."""
        start, current = 0, ""
        for i, char in enumerate(text):
            name = self._font_of.get(char) or self.font_of(char)
            if name != current:
                if i > start:
                    yield current, text[start:i]
                start, current = i, name
        if start < len(text):
            yield current, text[start:]


_lock = threading.Lock()


@functools.cache
def _registered() -> DocumentFonts:
    return DocumentFonts(fonts_dir())


def document_fonts() -> DocumentFonts:
    """The fonts, registered at the first call (about a tenth of a second) and kept for the process."""
    with _lock:
        return _registered()
