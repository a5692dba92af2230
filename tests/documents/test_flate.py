"""reportlab's streams deflated at the fast level still read back, and the switch is made once."""

from __future__ import annotations

import zlib

from reportlab.pdfbase import pdfdoc

from counter.documents.flate import LEVEL, use_fast_deflate


def test_streams_round_trip_at_the_fast_level() -> None:
    use_fast_deflate()
    deflate = pdfdoc.PDFZCompress
    text = "受理凭证 XAM01-20261122-01-0001 " * 200
    encoded = deflate.encode(text)
    assert encoded == zlib.compress(text.encode("utf8"), LEVEL)
    assert deflate.decode(encoded) == text.encode("utf8")
    assert deflate.pdfname == "FlateDecode"


def test_switching_again_keeps_the_same_filter() -> None:
    use_fast_deflate()
    first = pdfdoc.PDFZCompress
    use_fast_deflate()
    assert pdfdoc.PDFZCompress is first
