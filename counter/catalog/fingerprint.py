"""A cheap fingerprint of a catalog folder: names, sizes and times of its files.

Computed at every start to decide whether the bundled catalog must be read
again, so it stats the files and never opens them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

BUNDLED_FINGERPRINT_KEY = "catalog.bundled.fingerprint"
BUNDLED_PROBLEMS_KEY = "catalog.bundled.problems"  # what the last read of those files found
SUFFIX = ".toml"  # the reader's catalog file suffix


def catalog_files(folder: Path) -> list[Path]:
    """The catalog files of a folder, in name order: the order they are read, and fingerprinted, in."""
    return sorted(p for p in folder.iterdir() if p.suffix == SUFFIX and p.is_file())


def folder_fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in catalog_files(folder):
            stat = path.stat()
            digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
