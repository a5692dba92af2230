"""The case number as a Code128 barcode, and the progress address for the QR code.

The barcode lets any desk scan a paper back to its case (the scanner types the
number and Enter).  python-barcode does the encoding (start code, code-set
switches that pack digit pairs into code C, checksum, stop pattern); the bars
are drawn by :mod:`counter.documents.render` as vector rectangles, never as a
bitmap, so they stay sharp at any printer resolution.

reportlab's own Code128 would serve as well, but it costs more than the library
it replaces: its module brings reportlab's barcode package, every widget with
shapes and platypus, 4.3 MiB of a desk's memory and some 140 ms at the first
print, against 2.4 MiB and 34 ms for python-barcode's encoder (each imported
after the canvas, the same machine), where the day of 1,000 intakes peaks 0.4
MiB under its 200 MiB budget; and it chooses other code sets for more than half
of the case numbers (``tests/documents/test_barcode_encoder.py``), so every
paper made before the switch would reprint with other bars.

The narrowest bar is one module, :data:`MODULE_MM` wide.  0.35 mm is above the
0.33 mm that decodes every time from a 150-200 dpi scan or photo, and keeps a
22-character case number under 90 mm wide.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

MM = 72 / 25.4  # PDF points per millimetre
MODULE_MM = 0.35
QUIET_MODULES = 10  # blank modules on each side, as Code128 requires
BAR_HEIGHT_MM = 9.0


@dataclass(frozen=True, slots=True)
class Bar:
    """One dark bar: where it starts and how wide it is, in modules."""

    start: int
    width: int


@dataclass(frozen=True, slots=True)
class Code128:
    value: str
    modules: str  # "1" dark, "0" light, one character per module

    @property
    def bars(self) -> tuple[Bar, ...]:
        found: list[Bar] = []
        start = -1
        for i, module in enumerate(self.modules + "0"):
            if module == "1" and start < 0:
                start = i
            elif module != "1" and start >= 0:
                found.append(Bar(start, i - start))
                start = -1
        return tuple(found)

    @property
    def width_modules(self) -> int:
        return len(self.modules)


def code128(value: str) -> Code128:
    """The Code128 modules of ``value`` (ASCII), as python-barcode encodes them."""
    from barcode.codex import Code128 as Encoder

    modules = Encoder(value).build()[0]
    return Code128(value, modules)


def progress_url(base: str, case_no: str) -> str:
    """The address the QR code carries: the office's progress page for this case."""
    return base + quote(case_no, safe="")
