"""A backup put in the database's place, as ``counter restore`` reports it and the trail records it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Restored:
    database: Path
    revision: str  # of the restored file; an older one is migrated when the program next opens it
    kept: Path | None  # where the database that was there now is; None when there was none
