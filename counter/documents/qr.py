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
    runs = _RUNS.findall(" ".join(lines))  # the space keeps a run from going on into the next line
    return sum(map(len, runs)) - 2 * len(runs)


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


_FLIPS: dict[tuple[int, int], list[int]] = {}


def _flip_rows(code: Any, positions: list[tuple[int, int]], pattern: int) -> list[int]:
    """Each row's data modules that mask ``pattern`` darkens, as bits (kept per version)."""
    key = (code.version, pattern)
    flips = _FLIPS.get(key)
    if flips is None:
        mask = encoder().QRUtil.getMask(pattern)
        size = code.moduleCount
        flips = [0] * size
        for col, row in positions:
            if mask(row, col):
                flips[row] |= 1 << (size - 1 - col)
        _FLIPS[key] = flips
    return flips


def best_mask(code: Any) -> int:
    """The mask reportlab's ``getBestMaskPattern`` chooses for ``code`` (its version set).

    Rows are held as integers, the leftmost module the highest bit: a candidate
    row is the fixed patterns outside the data modules and the data bits masked
    inside them, two operations per row instead of one per module.
    """
    code.makeImpl(True, 0)
    size = code.moduleCount
    positions = code.dataPosIterator()
    bits = list(code.dataBitIterator(code.dataCache))
    data = [0] * size  # the data modules of each row
    dark = [0] * size  # those of them the data darkens, before masking
    for i, (col, row) in enumerate(positions):
        bit = 1 << (size - 1 - col)
        data[row] |= bit
        if i < len(bits) and bits[i]:
            dark[row] |= bit
    fixed = [
        int("".join("1" if module else "0" for module in line), 2) & ~data[r] for r, line in enumerate(code.modules)
    ]
    width = f"0{size}b"
    best, lowest = 0, -1
    for pattern in range(8):
        flips = _flip_rows(code, positions, pattern)
        rows = [format(fixed[r] | (dark[r] ^ flips[r]), width) for r in range(size)]
        score = penalty(rows)
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
