"""The QR code of a document: reportlab's encoder, with a quicker choice of mask.

reportlab's QR widget encodes with ``qrencoder.QRCode``: it picks the version
that fits, and the mask (one of eight) whose symbol scores the fewest penalty
points.  To choose, it builds all eight symbols and scores each with list
comprehensions over every module: some 6 ms of the 20 ms a receipt takes.

:func:`qr_modules` makes the same choice faster.  Only the data modules differ
between the eight candidates (in the encoder's test mode the format bits are
all light whatever the mask), so the symbol is built once, the data bits are
re-masked for each candidate, and reportlab's own four scoring rules are
computed on rows and columns held as strings and integers.  The rules are
reportlab's, quirks included (its rule 3 looks for one finder-like pattern, in
rows only, and stops one place short of the row's end), so the mask, and the
symbol, are the ones the widget draws; a test compares them on many inputs.  The final
symbol is always built by reportlab itself.

Importing ``reportlab.graphics.barcode`` registers every barcode widget and with
them reportlab's shapes and platypus (about 90 ms, a third of the first print).
The encoder module needs only ``re`` and ``itertools``, so it is loaded from
its file on its own; if a reportlab release moves it, the package's import is
used instead.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import re
import sys
from pathlib import Path
from typing import Any

_RUNS = re.compile("0{5,}|1{5,}")
_FINDER = "10111010000"  # reportlab's rule 3 pattern: dark-light-dark³-light-dark, then four light


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


def _runs_score(lines: list[str]) -> int:
    """Rule 1: each run of five or more modules of one colour costs its length less two."""
    return sum(len(run) - 2 for line in lines for run in _RUNS.findall(line))


def _blocks_score(rows: list[str]) -> int:
    """Rule 2: each 2x2 block of one colour costs three."""
    size = len(rows)
    ints = [int(row, 2) for row in rows]
    pairs = (1 << (size - 1)) - 1  # a bit for each pair of neighbouring columns
    total = 0
    for upper, lower in itertools.pairwise(ints):
        same = ~(upper ^ lower)  # the column's two modules agree
        across = ~(upper ^ (upper >> 1))  # the upper row's neighbours agree
        total += (same & (same >> 1) & across & pairs).bit_count()
    return 3 * total


def _finder_score(lines: list[str]) -> int:
    """Rule 3: each finder-like pattern costs forty, searched as reportlab searches."""
    total = 0
    for line in lines:
        last = len(line) - len(_FINDER)  # reportlab stops before this position
        start = line.find(_FINDER)
        while 0 <= start < last:
            total += 40
            start = line.find(_FINDER, start + len(_FINDER))
    return total


def _balance_score(rows: list[str]) -> int:
    """Rule 4: ten for every five percent the dark share strays from half."""
    cells = len(rows) ** 2
    dark = sum(row.count("1") for row in rows)
    return 10 * (abs(100 * dark // cells - 50) // 5)


def penalty(rows: list[str]) -> int:
    """reportlab's ``QRUtil.getLostPoint`` of a symbol given as rows of "0" and "1"."""
    columns = ["".join(column) for column in zip(*rows, strict=True)]
    return (
        _runs_score(columns)
        + _runs_score(rows)
        + _blocks_score(rows)
        + _finder_score(rows)  # reportlab compares each column (a tuple) with a list: never equal
        + _balance_score(rows)
    )


_FLIPS: dict[tuple[int, int], list[bool]] = {}


def _flips(code: Any, positions: list[tuple[int, int]], pattern: int) -> list[bool]:
    """Whether mask ``pattern`` darkens each data position of a symbol of this version (kept per version)."""
    key = (code.version, pattern)
    flips = _FLIPS.get(key)
    if flips is None:
        mask = encoder().QRUtil.getMask(pattern)
        flips = _FLIPS[key] = [bool(mask(row, col)) for col, row in positions]
    return flips


def best_mask(code: Any) -> int:
    """The mask reportlab's ``getBestMaskPattern`` chooses for ``code`` (its version set)."""
    code.makeImpl(True, 0)
    positions = code.dataPosIterator()
    bits = list(code.dataBitIterator(code.dataCache))
    data = bits + [False] * (len(positions) - len(bits))
    base = [["1" if module else "0" for module in row] for row in code.modules]
    best, lowest = 0, -1
    for pattern in range(8):
        rows = [row[:] for row in base]
        for (col, row), dark, flip in zip(positions, data, _flips(code, positions, pattern), strict=True):
            rows[row][col] = "1" if dark != flip else "0"
        score = penalty(["".join(row) for row in rows])
        if lowest < 0 or score < lowest:
            best, lowest = pattern, score
    return best


@functools.lru_cache(maxsize=32)
def qr_modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of ``value``'s QR code, dark = True, as ``QrCodeWidget(value, barLevel="M")`` draws them.

    The last few codes are kept: a deferral prints three documents with the same code.
    """
    qrencoder = encoder()
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.version = code.calculate_version()
    code.makeImpl(False, best_mask(code))
    return tuple(tuple(bool(m) for m in row) for row in code.modules)
