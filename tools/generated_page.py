"""A page of docs/ made from the program's own data: written, or checked against what is committed.

Shared by the generators run as ``python tools/<tool>.py [--check]`` (the command-line reference, the operations),
whose tests fail while their page is out of date.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def page_main(page: Path, render: Callable[[], str], tool: str, description: str, argv: list[str] | None) -> int:
    """Write ``page`` with what ``render`` gives; with ``--check``, exit 1 when the committed one differs."""
    cli = argparse.ArgumentParser(description=description)
    cli.add_argument("--check", action="store_true", help="exit 1 if the committed page is out of date")
    args = cli.parse_args(argv)
    text = render()
    if args.check:
        current = page.read_text(encoding="utf-8") if page.exists() else ""
        if current != text:
            print(f"{page.relative_to(ROOT)} is out of date: run python tools/{tool}", file=sys.stderr)
            return 1
        return 0
    page.write_text(text, encoding="utf-8")
    print(f"wrote {page.relative_to(ROOT)}")
    return 0
