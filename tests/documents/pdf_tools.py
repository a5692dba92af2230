"""The machine's own PDF tools, run on a rendered document: poppler-utils and zbar-tools."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text as ``pdftotext`` extracts it, with every space and line break removed.

    Chinese has no spaces between words, and a sentence that wraps across lines
    comes out with a line break inside: dropping whitespace lets a test look
    for whole sentences.
    """
    pages = ["-f", str(page), "-l", str(page)] if page is not None else []
    return "".join(_run("pdftotext", "-enc", "UTF-8", *pages, str(path), "-").split())


def pdf_lines(path: Path) -> list[str]:
    """The lines as ``pdftotext -layout`` sets them, each with its spaces removed: a row of a table (a label and
    its value) stays one line, where :func:`pdf_text` may take a cell's words out of the row they stand in."""
    lines = _run("pdftotext", "-layout", "-enc", "UTF-8", str(path), "-").splitlines()
    return ["".join(line.split()) for line in lines if line.strip()]


def page_count(path: Path) -> int:
    for line in _run("pdfinfo", str(path)).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo gave no page count")


@dataclass(frozen=True)
class FontRow:
    name: str
    type: str
    embedded: bool
    subset: bool
    unicode: bool


def pdf_fonts(path: Path) -> list[FontRow]:
    """The rows of ``pdffonts``; the columns are read from the right, as font names may hold spaces."""
    rows = []
    for line in _run("pdffonts", str(path)).splitlines()[2:]:
        parts = line.split()
        # ... type [type words] encoding emb sub uni object-id generation
        emb, sub, uni = parts[-5], parts[-4], parts[-3]
        rows.append(FontRow(parts[0], " ".join(parts[1:-6]), emb == "yes", sub == "yes", uni == "yes"))
    return rows


def scan(path: Path, dpi: int, folder: Path) -> list[list[str]]:
    """Every page rasterised at ``dpi`` by ``pdftoppm`` and read by ``zbarimg``: the codes found, per page."""
    stem = folder / f"scan{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(path), str(stem)], check=True)
    found = []
    for image in sorted(folder.glob(f"scan{dpi}-*.png")):
        result = subprocess.run(["zbarimg", "--quiet", str(image)], capture_output=True, text=True, check=False)
        found.append(result.stdout.splitlines())
    return found
