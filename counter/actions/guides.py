"""The guides the window shows: the search entries, a bundle's current guide, a stored guide version.

Each returns plain data (:class:`StoredGuide` holds the domain's ``Bundle``, never an ORM row).
"""

from __future__ import annotations

from counter.actions.store import Unit
from counter.db import catalog_store
from counter.db.catalog_store import StoredGuide
from counter.search import SearchEntry

__all__ = ["StoredGuide", "current_guide", "guide_version", "search_entries"]


def search_entries(unit: Unit) -> list[SearchEntry]:
    """Every bundle as the search panel lists it (published or not)."""
    return catalog_store.search_entries(unit)


def current_guide(unit: Unit, bundle_code: str) -> StoredGuide | None:
    """The newest guide version of a bundle; None when the bundle is unknown."""
    return catalog_store.current_guide(unit, bundle_code)


def guide_version(unit: Unit, version_id: int) -> StoredGuide | None:
    """One stored guide version (a draft's, a case's); None when it is gone."""
    return catalog_store.guide_version(unit, version_id)
