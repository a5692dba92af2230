"""The office settings of a site as stored: what every paper of the site prints of the office, and how the site
names its items' departments.

The office is the site's and is named by it (its identity's name, as ``counter site init`` or the set-up form gave
it) unless someone named it otherwise (``counter office --office-name``, F8 单位信息).  The program's default name
is the league hall's: a township set up from the command line, whose ``counter office`` stored every field as read,
printed 兴安盟政务服务中心 on every receipt and notice; that name, stored or not, names no office but the hall's.

Apart from the documents' actions, which make and number papers, so that what only reads the settings (a guide's
departments, an item's queue) does not load the intake with them.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
from typing import Any

from sqlalchemy.orm import Session

from counter.db.settings_store import SITE_CODE, SITE_NAME, get_setting, is_township, office_key
from counter.documents.data import OfficeSettings

log = logging.getLogger(__name__)

__all__ = ["HALLS_OWN", "office_settings", "office_still_the_halls", "office_to_store", "stored_office_settings"]

#: what of the 单位信息 names the league hall itself (its defaults): on a township's paper they send people to it, or
#: put the hall's seal and the hall's 复议 body (兴安盟行政公署) under a township's act
HALLS_OWN = ("office_name", "seal_caption", "address", "consult_phone", "review_body")


def office_settings(session: Session, site_code: str) -> OfficeSettings:
    """The site's settings, the office named by the site unless named otherwise; the league hall's defaults for
    anything else not set."""
    settings = stored_office_settings(get_setting(session, office_key(site_code)), site_code)
    named = _site_name(session, site_code)
    if named and settings.office_name.strip() in ("", OfficeSettings().office_name):
        return dataclasses.replace(settings, office_name=named)
    return settings


def office_to_store(session: Session, site_code: str, settings: OfficeSettings) -> dict[str, Any]:
    """What of ``settings`` is stored: all of it but a name that is the site's own, which is left to the site, so
    that the office of a site renamed (``counter site init --name``) is named by its new name."""
    stored = dataclasses.asdict(settings)
    if settings.office_name.strip() in ("", _site_name(session, site_code)):
        del stored["office_name"]
    return stored


def _site_name(session: Session, site_code: str) -> str:
    """This site's name where ``site_code`` is its code; "" for another site's, or before the site has one."""
    if get_setting(session, SITE_CODE) != site_code:
        return ""
    return (get_setting(session, SITE_NAME) or "").strip()


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
        if not isinstance(stored, dict):  # JSON, but not the object this program writes
            return None
        known = {f.name for f in dataclasses.fields(OfficeSettings)}
        return OfficeSettings(**{k: str(v) for k, v in stored.items() if k in known})
    except (ValueError, TypeError):
        return None


def office_still_the_halls(session: Session, site_code: str) -> tuple[str, ...]:
    """The fields of a township centre's 单位信息 that still say the league hall's (:data:`HALLS_OWN`), in order;
    none at a hall, whose guides and settings are its own.

    A township set up before its office was asked, or whose office nobody changed, prints the hall's name, seal,
    address and phone on every paper: its desk says so until they are the township's own.
    """
    if not is_township(session):
        return ()
    settings, halls = office_settings(session, site_code), OfficeSettings()
    return tuple(name for name in HALLS_OWN if getattr(settings, name).strip() == getattr(halls, name))
