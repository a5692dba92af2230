"""The office settings of a site as stored: what every paper of the site prints of the office, and how the site
names its items' departments.

Apart from the documents' actions, which make and number papers, so that what only reads the settings (a guide's
departments, an item's queue) does not load the intake with them.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging

from sqlalchemy.orm import Session

from counter.db.settings_store import get_setting, office_key
from counter.documents.data import OfficeSettings

log = logging.getLogger(__name__)

__all__ = ["office_settings", "stored_office_settings"]


def office_settings(session: Session, site_code: str) -> OfficeSettings:
    """The site's settings; the league hall's defaults for anything not set."""
    return stored_office_settings(get_setting(session, office_key(site_code)), site_code)


def stored_office_settings(raw: str | None, site_code: str) -> OfficeSettings:
    """The settings of a site as stored (``raw``, None when never set); the league hall's defaults for anything
    not set, or for all when they cannot be read."""
    if not raw:
        return OfficeSettings()
    settings = _read_office(raw)
    if settings is None:
        log.error("office settings of %s unreadable; defaults used", site_code)
        return OfficeSettings()
    return settings


@functools.lru_cache(maxsize=64)
def _read_office(raw: str) -> OfficeSettings | None:
    """The settings a stored text says (None: unreadable), read once per text: every case page names its items'
    departments by them.  Kept by the text itself, never by the site: settings changed are another text, so a
    kept reading is never one of settings no longer stored; and the settings are frozen, so sharing them is safe."""
    try:
        stored = json.loads(raw)
        known = {f.name for f in dataclasses.fields(OfficeSettings)}
        return OfficeSettings(**{k: str(v) for k, v in stored.items() if k in known})
    except (ValueError, TypeError):
        return None
