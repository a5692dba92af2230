"""What the catalog commands show: every bundle for the list, and one bundle's current guide.

Each read takes the caller's unit of work and returns plain data (search entries, a stored guide).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.db import catalog_store
from counter.search import SearchEntry, SearchIndex

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.db.catalog_store import StoredGuide

__all__ = ["catalog_entries", "find_guide"]


def catalog_entries(session: Session) -> list[SearchEntry]:
    """Every bundle, published or not, in the catalog's order."""
    return catalog_store.search_entries(session)


def find_guide(session: Session, wanted: str) -> StoredGuide | None:
    """The current guide of the bundle named by code, number or name, else the best search hit (pinyin, typos)."""
    wanted = wanted.strip()
    entries = catalog_store.search_entries(session)
    code = next((e.bundle_code for e in entries if wanted in (e.bundle_code, str(e.number), e.name)), None)
    if code is None:
        hits = SearchIndex(entries).search(wanted, limit=1)
        code = hits[0].bundle_code if hits else None
    return catalog_store.current_guide(session, code) if code else None
