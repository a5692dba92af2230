"""Streams deflated at zlib's fastest level.

reportlab deflates every stream at zlib's default level (6).  A receipt's
biggest stream is the embedded subset of WenQuanYi Micro Hei, some 50 KB of
glyph outlines: at level 6 it alone took about 3 ms of a 17 ms receipt.  At
level 1 it takes a third of that, and the file grows by a few kilobytes.

reportlab looks up ``pdfdoc.PDFZCompress`` each time it writes a compressed
stream (page contents, forms, font files and their ToUnicode maps), so one
replacement there covers them all.  The output stays the same for the same
input, as a reprint needs.
"""

from __future__ import annotations

import zlib

LEVEL = 1


def use_fast_deflate() -> None:
    """Make reportlab deflate at :data:`LEVEL`; safe to call again."""
    from reportlab.pdfbase import pdfdoc

    if not isinstance(pdfdoc.PDFZCompress, _FastDeflate):
        pdfdoc.PDFZCompress = _FastDeflate()


class _FastDeflate:
    """reportlab's ``PDFStreamFilterZCompress`` at another level: the same name, the same decoding."""

    pdfname = "FlateDecode"

    def encode(self, text: str | bytes) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else text
        return zlib.compress(data, LEVEL)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)
