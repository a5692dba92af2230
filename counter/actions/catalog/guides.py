"""The guides the faces show: the search entries, a bundle's current guide, a stored guide version, a guide found
by what a clerk or a script typed.

Each read takes the caller's unit of work and returns plain data (:class:`StoredGuide` holds the domain's
``Bundle``, never an ORM row).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.catalog.model import Bundle
from counter.catalog.search import SearchAnswer, SearchEntry, SearchIndex
from counter.catalog.site_contacts import SiteContacts
from counter.catalog.stored_guide import StoredGuide
from counter.db import catalog_store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as Unit

__all__ = [
    "current_guide",
    "decider_names",
    "find_bundles",
    "find_guide",
    "guide_version",
    "search_entries",
]


def search_entries(unit: Unit) -> list[SearchEntry]:
    """Every bundle as the search panel and ``catalog list`` show it (published or not), in the catalog's order."""
    return catalog_store.search_entries(unit)


def find_bundles(unit: Unit, text: str) -> SearchAnswer:
    """What the window's search list shows for ``text``: every hit ranked, and the suggestion when none is exact."""
    return SearchIndex(catalog_store.search_entries(unit)).find(text)


def current_guide(unit: Unit, bundle_code: str) -> StoredGuide | None:
    """The newest guide version of a bundle; None when the bundle is unknown."""
    return catalog_store.current_guide(unit, bundle_code)


def guide_version(unit: Unit, version_id: int) -> StoredGuide | None:
    """One stored guide version (a draft's, a case's); None when it is gone."""
    return catalog_store.guide_version(unit, version_id)


def find_guide(unit: Unit, wanted: str) -> StoredGuide | None:
    """The current guide of the bundle named by code, number (``8`` or ``008``) or name, else the best search hit."""
    wanted = wanted.strip()
    entries = catalog_store.search_entries(unit)
    number = int(wanted) if wanted.isdigit() else None  # "008" is number 8, as the league's list writes it
    code = next((e.bundle_code for e in entries if wanted in (e.bundle_code, e.name) or e.number == number), None)
    if code is None:
        hits = SearchIndex(entries).search(wanted, limit=1)
        code = hits[0].bundle_code if hits else None
    return catalog_store.current_guide(unit, code) if code else None


def bundle_code_named(unit: Unit, bundle: str) -> str:
    """The code of the bundle ``bundle`` names as ``catalog show`` takes it (code, number, name or pinyin initials,
    :func:`find_guide`); the name itself, trimmed, where no bundle is found."""
    stored = find_guide(unit, bundle)
    return stored.bundle.code if stored else bundle.strip()


def decider_names(unit: Unit, bundle: Bundle, site_code: str) -> dict[str, str]:
    """Each item's deciding department as this site names it, by 实施编码.

    The catalog names a department by role (``{place}市场监督管理局``); the guide the
    applicant reads names the one at this site, as the papers do
    (:func:`counter.documents.deciders.decider_name`).
    """
    # imported here: the documents and their settings load with the first guide shown, not with the window
    from counter.actions.admin.office import office_settings
    from counter.documents.deciders import decider_name

    office = office_settings(unit, site_code)
    return {item.code: decider_name(item, office) for item in bundle.items}


def guide_shown(
    unit: Unit, wanted: str, site_code: str, *, found: bool = False
) -> tuple[StoredGuide, dict[str, str], SiteContacts] | None:
    """The guide page's read: the current guide of the bundle ``wanted`` names (its code; ``found``: as
    :func:`find_guide` finds it), each item's deciding department as the site ``site_code`` names it, and the
    office's contacts; None for no such bundle."""
    stored = (find_guide if found else current_guide)(unit, wanted)
    if stored is None:
        return None
    return stored, decider_names(unit, stored.bundle, site_code), site_contacts(unit, site_code)


def site_contacts(unit: Unit, site_code: str) -> SiteContacts:
    """The office's address, hours and phones, which the guide page shows where a guide gives none, and always at a
    township centre (as the papers do: counter.actions.cases.documents.prints_own_place)."""
    from counter.actions.admin.office import office_settings  # as in decider_names: loaded with the first guide shown
    from counter.db.settings_store import is_township

    office = office_settings(unit, site_code)
    return SiteContacts(
        office.address, office.consult_phone, office.complaint_phone, office.hours, own_place=is_township(unit)
    )
