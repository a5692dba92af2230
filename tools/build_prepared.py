"""Build the prepared first-start database from the bundled catalog: the package step of ``scripts/setup.sh``,
``scripts/build-wheels.sh`` and ``scripts/build-offline.sh``.

A desk's first start copies it instead of migrating an empty file and importing the catalog
(:mod:`counter.db.prepared_start`).  Nothing is done when the one there already fits the catalog and the program;
``--force`` builds it anyway.  It is written under ``counter/resources/prepared/`` (``--out`` elsewhere), which is
never committed: it is built from what is.

    python tools/build_prepared.py [--out FOLDER] [--force]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from counter.actions.site.prepared import build_prepared
from counter.resources import bundled_catalog_dir, prepared_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=None, help="the folder to write (default: the package's own)")
    parser.add_argument("--force", action="store_true", help="build even when the one there fits")
    args = parser.parse_args(argv)
    folder = args.out or prepared_dir()
    built = build_prepared(bundled_catalog_dir(), folder, force=args.force)
    print(f"prepared database {'built' if built else 'up to date'}: {folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
