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
character needs it), then Plangothic P2 cut down to Extensions G and H
(GB 18030-2022's newer characters, all 9,131 of them; 2.6 MB, loaded only when needed),
then Jigmo2's glyphs of Extension I (the 622 公安人口信息专用字库补充汉字 of GB 18030-2022's Amendment 1,
half a megabyte, loaded only when needed).
A character no font has is printed as a plain white square, □ (:data:`MISSING_MARK`), in its place: a font's
.notdef glyph may be a blank, and the paper must show where the clerk is to write the character in by hand (the
intake flags such a name before anything prints, :func:`missing_glyphs`).  A hall that has a font with the
characters (Extension J and later, U+323B0 on: Plangothic's full fonts have them)
drops it into the fonts folder as ``extra-*.ttf`` (:data:`EXTRA_PATTERN`); it is tried
after the shipped fonts, on paper and on screen (docs/install-and-operations.md).

Traditional Mongolian script (an applicant's name, the office's name in
Mongolian) is drawn in Noto Sans Mongolian, the first fallback.  Its letters
change shape with their place in the word (initial, medial, final, isolated)
and with the free variation selectors (FVS1-4) and the vowel separator (MVS)
the name was written with; reportlab draws one glyph per character unless the
text is shaped, so each run in that font is shaped with HarfBuzz (reportlab's
``shapeStr`` over uharfbuzz) and drawn with the glyphs and advances it chose.
Only that font is shaped: shaping the Chinese runs too would rewrite every
other paper's text operators (a kerned ``TJ`` array for a plain ``Tj``) and a
reprint would no longer be the same file.  The line is horizontal, so the
Mongolian word lies on its side as it does in any horizontal text.  The
selectors and separators, the joiners and the narrow no-break space U+202F
belong to the word's run so the shaper sees them; they are drawn as nothing.

reportlab writes each subset's ToUnicode map with ``%04X``, which garbles a
character beyond the Basic Multilingual Plane (five hex digits where the PDF
format wants UTF-16): ``pdftotext`` and a viewer's search would not find 李𬭚.
:func:`_to_unicode_cmap` writes such a character as its surrogate pair and
replaces reportlab's function when the fonts are first loaded.
"""

from __future__ import annotations

import functools
import mmap
import re
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
MONGOLIAN = FontFile("CounterMongolian", "noto-sans-mongolian.ttf")
FALLBACKS = (
    MONGOLIAN,
    FontFile("CounterRareA", "hanamin-a-rare.ttf"),
    FontFile("CounterRareB", "hanamin-b.ttf"),
    FontFile("CounterRareGH", "plangothic-ext-gh.ttf"),
    FontFile("CounterRareI", "jigmo2-ext-i.ttf"),
)


#: what stands on paper for a character no font draws: plain, and visibly not a character of the name
MISSING_MARK = "\u25a1"
#: a hall's own fonts in the fonts folder, tried after the shipped ones in the order of their names
EXTRA_PATTERN = "extra-*.tt[fc]"


def extra_fonts(folder: Path) -> tuple[FontFile, ...]:
    """The fonts a hall added to ``folder`` (:data:`EXTRA_PATTERN`), each under a registered name of its own."""
    return tuple(FontFile(f"CounterExtra{i}", path.name) for i, path in enumerate(sorted(folder.glob(EXTRA_PATTERN))))


#: the fonts whose runs are shaped before they are drawn (see the module's note)
SHAPED = frozenset({MONGOLIAN.name})
#: the invisible characters of a Mongolian word (FVS1-3, MVS, FVS4, ZWNJ, ZWJ, NNBSP): they choose the letters'
#: forms, so they go to the shaper with the letters; U+180F (Unicode 14) is not in the font and is drawn as nothing
MONGOLIAN_CONTROLS = frozenset("\u180b\u180c\u180d\u180e\u180f\u200c\u200d\u202f")
#: a text that needs shaping somewhere: Mongolian letters (U+1820-18AA) or the controls above
_NEEDS_SHAPING = re.compile("[\u1800-\u18af\u200c\u200d\u202f]")
#: the private-use characters: what a vendor's font draws there, no shipped font draws as meant
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010fffd]")


#: the text each shaped glyph stands for, by the private code it is written with (a joined form, a ligature): the
#: ToUnicode map says the letters, so pdftotext and a viewer's search find a Mongolian name as it was written
_SHAPED_TEXT: dict[int, str] = {}
_ZWJ = "\u200d"
#: the Mongolian letters (U+1820-1842; U+1843-18AA are Todo, Sibe, Manchu and Ali Gali) and the selectors
_LETTERS = [chr(code) for code in range(0x1820, 0x1843)]
_FVS = ("", "\u180b", "\u180c", "\u180d")


def _forms(letters: str) -> tuple[str, ...]:
    """``letters`` isolated, initial, medial and final: the joiner asks for the form a neighbour would."""
    return letters, letters + _ZWJ, _ZWJ + letters + _ZWJ, _ZWJ + letters


def _samples() -> list[str]:
    """Every letter in every position, every pair of letters (the ligatures, and the forms a letter takes beside
    another) in every position, then every letter with every selector: in this order, so a glyph two letters share
    (final o and u) always says the first, and a form a neighbour chooses (the medial ᠨ before a consonant) says the
    letter alone, not the selector that asks for it elsewhere.  (A run's ``/ActualText`` gives the name exactly as
    written, :func:`counter.documents.render._as_written`; these entries serve a reader that does not take it.)"""
    single = [form for letter in _LETTERS for form in _forms(letter)]
    pairs = [form for first in _LETTERS for second in _LETTERS for form in _forms(first + second)]
    selected = [form for letter in _LETTERS for fvs in _FVS[1:] for form in _forms(letter + fvs)]
    return single + pairs + selected


def _prepare_shaping(font: Any) -> None:
    """Give every glyph of a shaped font that no character maps to its private code, in glyph order, and learn the
    letters each stands for.

    reportlab numbers such glyphs as shaping first meets them, so the same receipt would be other bytes after
    another name had been printed in the same process; numbered here, once, a reprint is the same file.  The
    letters are learnt by shaping :func:`_samples` with the features reportlab shapes with.
    """
    import uharfbuzz

    hb_font = font.hbFont(1000)  # also gives the font its hbAddPrivate
    face = font.face
    text_of: dict[int, str] = {}
    for sample in _samples():
        buffer = uharfbuzz.Buffer()
        buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
        buffer.add_str(sample)
        buffer.guess_segment_properties()
        uharfbuzz.shape(hb_font, buffer, {"kern": True, "liga": True, "dlig": True})
        starts = sorted({info.cluster for info in buffer.glyph_infos} | {len(sample)})
        for info in buffer.glyph_infos:
            end = starts[starts.index(info.cluster) + 1]
            text_of.setdefault(info.codepoint, sample[info.cluster : end].replace(_ZWJ, ""))
    for gid in range(face.numGlyphs):
        if gid not in face.glyphToChar:
            code = font.hbAddPrivate(hb_font.glyph_to_string(gid), gid, hb_font.get_glyph_h_advance(gid))
            if text_of.get(gid):
                _SHAPED_TEXT[code] = text_of[gid]


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap of one 256-glyph subset, with characters beyond U+FFFF as surrogate pairs and a
    shaped glyph as the letters it draws."""

    def utf16(code: int) -> str:
        return _SHAPED_TEXT.get(code, chr(code)).encode("utf-16-be").hex().upper()

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


class MappedFont:
    """A font file as reportlab reads one (its ``read()`` and ``name``), mapped into memory instead of read.

    reportlab keeps the whole file for as long as the font is registered, to cut each paper's subset from it: read,
    Micro Hei's collection is 5 MiB of the desk's memory all day and Hanazono B, once a rare name has needed it,
    30 MiB more.  Mapped, only the pages parsed (the character map, the widths, the glyphs' offsets) and the glyphs
    printed are resident, and the system may drop them again as it drops any file's pages.  The files are the
    installation's own and are never written while the program runs.
    """

    def __init__(self, path: Path) -> None:
        self.name = str(path)
        with path.open("rb") as file:
            self._data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)

    def read(self) -> mmap.mmap:
        return self._data


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
        self.fallbacks = FALLBACKS + extra_fonts(folder)
        self.primary = self._load(PRIMARY)

    def _load(self, font: FontFile) -> Any:
        from reportlab.pdfbase import pdfmetrics, ttfonts

        path = self._folder / font.file
        if not path.is_file():
            raise MissingFont(str(path))
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        # a shaped font's bytes go to HarfBuzz, which takes bytes only: that small font is read whole
        source = str(path) if font.name in SHAPED else MappedFont(path)
        loaded = ttfonts.TTFont(font.name, source, subfontIndex=font.subfont)
        _remember_subsets(loaded.face)
        if font.name in SHAPED:
            _prepare_shaping(loaded)
        else:  # each glyph's characters: read only while the widths are parsed (some 5 MiB for Micro Hei)
            del loaded.face.glyphToChar
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

    def source(self, name: str) -> tuple[Path, int]:
        """The file and the index in its collection of a registered font: what an OFD embeds
        (:mod:`counter.documents.ofd`)."""
        for font in (PRIMARY, *self.fallbacks):
            if font.name == name:
                return self._folder / font.file, font.subfont
        raise KeyError(name)

    def font_of(self, char: str) -> str:
        """The registered name of the font that draws ``char``."""
        name = self._font_of.get(char)
        if name is not None:
            return name
        with self._lock:
            code = ord(char)
            name = PRIMARY.name
            if char in MONGOLIAN_CONTROLS and self._fallback(MONGOLIAN) is not None:
                name = MONGOLIAN.name
            elif code not in self.primary.face.charToGlyph and not char.isspace():
                for candidate in self.fallbacks:
                    loaded = self._fallback(candidate)
                    if loaded is not None and code in loaded.face.charToGlyph:
                        name = candidate.name
                        break
            self._font_of[char] = name
            return name

    def covers(self, char: str) -> bool:
        """Whether some font has a real glyph for ``char`` (not the .notdef box).

        A private-use character never is: the shaped font's joined forms are numbered there
        (:func:`_prepare_shaping`), so U+E000 would seem drawn by Noto Sans Mongolian, as one of its joined forms.
        """
        if _PRIVATE_USE.fullmatch(char):
            return False
        font = self._fonts[self.font_of(char)]
        return ord(char) in font.face.charToGlyph or char in MONGOLIAN_CONTROLS

    def printable(self, text: str) -> str | None:
        """The first character of ``text`` no shipped font draws, or None when every one is drawn."""
        for char in text:
            if not char.isspace() and not self.covers(char):
                return char
        return None

    def missing(self, text: str) -> tuple[str, ...]:
        """Each character of ``text`` no font draws, once, in the order they come."""
        found: dict[str, None] = {}
        for char in text:
            if not char.isspace() and not self.covers(char):
                found[char] = None
        return tuple(found)

    def marked(self, text: str) -> str:
        """``text`` as it is printed: each character no font draws replaced by :data:`MISSING_MARK`."""
        if SURELY_PRINTED.fullmatch(text):
            return text
        return "".join(char if char.isspace() or self.covers(char) else MISSING_MARK for char in text)

    def shaped(self, name: str, piece: str, size: float) -> str:
        """A run as it is drawn: shaped into the glyphs HarfBuzz chose when its font is one of :data:`SHAPED`."""
        if name not in SHAPED:
            return piece
        from reportlab.pdfbase.ttfonts import shapeStr

        drawn: str = shapeStr(piece, name, size)  # a str that carries HarfBuzz's glyphs and advances
        return drawn

    def advance(self, char: str) -> float:
        """The width of ``char`` at a font size of 1."""
        width = self._advance.get(char)
        if width is None:
            font = self._fonts[self.font_of(char)]
            width = font.face.getCharWidth(ord(char)) / 1000.0
            self._advance[char] = width
        return width

    def width(self, text: str, size: float) -> float:
        text = self.marked(text)
        if _NEEDS_SHAPING.search(text) is not None:
            return sum(self._shaped_width(name, piece, size) for name, piece in self.runs(text))
        advance = self._advance
        total = 0.0
        for char in text:
            width = advance.get(char)
            total += self.advance(char) if width is None else width
        return total * size

    def _shaped_width(self, name: str, piece: str, size: float) -> float:
        """The width of one run, as shaped when it is shaped (a joined form is not as wide as the isolated one)."""
        drawn = self.shaped(name, piece, size)
        advances = getattr(drawn, "__shapeData__", None)
        if advances is None:
            return sum(self.advance(char) for char in piece) * size
        return float(sum(step.x_advance for step in advances)) * size / 1000.0

    def runs(self, text: str) -> Iterator[tuple[str, str]]:
        """``text`` cut into pieces drawn by one font each: (font name, piece); a character no font draws is its
        :data:`MISSING_MARK`."""
        text = self.marked(text)
        start, current = 0, ""
        for i, char in enumerate(text):
            name = self._font_of.get(char) or self.font_of(char)
            if name != current:
                if i > start:
                    yield current, text[start:i]
                start, current = i, name
        if start < len(text):
            yield current, text[start:]


#: what Micro Hei draws for certain: printable ASCII, the ID card's middle dot and the 20,902 basic CJK characters
#: (tests/documents/test_mongolian.py holds the font to it)
SURELY_PRINTED = re.compile("[\u0020-\u007e\u00b7\u4e00-\u9fa5]*")


def unprintable(name: str) -> str:
    """Where ``name`` has a character no shipped font draws, as "position U+XXXX"; empty when every one is drawn.

    The intake's check of a name (:func:`counter.intake.parties.party_problems`), made at every keystroke.  A name of
    :data:`SURELY_PRINTED` characters alone, nearly every name, is answered without the fonts: loading them (reportlab
    and a 5 MB font parsed) would hold the first keystroke of the day.  Any other name
    loads them, once per process, as the first print would.
    """
    if SURELY_PRINTED.fullmatch(name):
        return ""
    char = document_fonts().printable(name)
    return "" if char is None else f"{name.index(char) + 1} U+{ord(char):04X}"


def missing_glyphs(name: str) -> tuple[str, ...]:
    """Each character of ``name`` no font draws (printed as :data:`MISSING_MARK`), once; empty for nearly every name,
    answered without loading the fonts as :func:`unprintable` is."""
    if SURELY_PRINTED.fullmatch(name):
        return ()
    return document_fonts().missing(name)


_lock = threading.Lock()


@functools.cache
def _registered() -> DocumentFonts:
    return DocumentFonts(fonts_dir())


def document_fonts() -> DocumentFonts:
    """The fonts, registered at the first call (about a tenth of a second) and kept for the process."""
    with _lock:
        return _registered()
