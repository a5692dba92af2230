"""The QR code of a document: reportlab's encoder, drawn as one block of path operators.

The symbol is the one reportlab's QR widget draws (``QrCodeWidget(value, barLevel="M")``): its encoder picks the
version that fits and the mask of fewest penalty points, and a test compares the two on many inputs.

The encoder module is loaded from its file on its own.  Importing ``reportlab.graphics.barcode`` registers every
barcode widget and with them reportlab's shapes and platypus: 4.3 MiB of a desk's memory and some 140 ms of the
first print (measured after the canvas is loaded), where the encoder needs only ``re`` and ``itertools``; the
desk's day of 1,000 intakes peaks 0.4 MiB under its 200 MiB budget (``benchmarks/README.md``).  If a reportlab
release moves the module, the package's import is used instead.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import sys
from pathlib import Path
from typing import Any


def encoder() -> Any:
    """reportlab's ``qrencoder`` module, loaded without the barcode package around it."""
    name = "counter.documents._reportlab_qrencoder"
    loaded = sys.modules.get(name)
    if loaded is not None:
        return loaded
    import reportlab

    path = Path(reportlab.__file__).parent / "graphics" / "barcode" / "qrencoder.py"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None or not path.is_file():
        from reportlab.graphics.barcode import qrencoder

        return qrencoder
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules[name] = module
    return module


@functools.lru_cache(maxsize=32)
def qr_modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of ``value``'s QR code, dark = True, as ``QrCodeWidget(value, barLevel="M")`` draws them.

    The last few codes are kept: a deferral prints three documents with the same code.
    """
    qrencoder = encoder()
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()  # the smallest version that holds it, and the mask of fewest penalty points
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


@functools.lru_cache(maxsize=32)
def qr_path(value: str) -> tuple[str, int]:
    """``value``'s QR code as PDF path operators, and its width in modules.

    Each run of dark modules in a row is one ``re``, in module units with the
    origin at the symbol's lower left corner: the caller scales and places it.
    Written once as text, the three hundred rectangles of a progress address
    cost a join instead of a few thousand calls through reportlab's path object.
    """
    modules = qr_modules(value)
    count = len(modules)
    rects = []
    for r, row in enumerate(modules):
        y = count - 1 - r
        column = 0
        for dark, run in itertools.groupby(row):
            width = len(list(run))
            if dark:
                rects.append(f"{column} {y} {width} 1 re")
            column += width
    return "\n".join(rects), count
