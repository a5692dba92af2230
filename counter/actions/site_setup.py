"""Setting a site up in one step, so that its case numbers, catalog and keys agree.

A site whose parts disagree fails late and quietly: a township centre whose desk
still carries the hall's site code numbers its cases as the hall's, and the hall
holds them all for review; a hall that has its identity but no catalog holds
every township case for a guide version it lacks.  :func:`set_up_site` is the
one step both faces take (``counter site init``, the sync page's form): the
identity with its signing key, this desk's site code and name in its desk
settings, and the bundled catalog where the database has none.

The sync page also asks here whether the site is set up at all (a site the
program made at first use is a hall by default, and the page asks instead of
assuming it), registers a peer from its card and says what the registration
changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.actions.catalog import BundledSync, sync_bundled
from counter.actions.desk import Desk
from counter.actions.site import SiteRefused, init_site, peers, register_peer, site_is_set_up, stored_site
from counter.actions.store import Store
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.host.desk_config import Source, config_path, load_desk_config, load_desk_settings, save_desk_config
from counter.sync.sites import SiteIdentity, SiteKind, SiteProblem, setup_problems

__all__ = [
    "PeerChange",
    "Registration",
    "SiteKind",
    "SiteProblem",
    "SiteSetUp",
    "SiteState",
    "register_card",
    "set_up_site",
    "setup_problems",
    "site_state",
]

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class SiteState:
    """Whether the site is set up, and what a set-up form starts from.

    The proposal is the stored identity once set up; before that the site code
    and name this machine's desk settings were given on purpose (by the
    machine's file or the user's, never the program's defaults, which name the
    league's hall), and no kind: a township must never become a hall by
    pressing Enter.
    """

    set_up: bool
    identity: SiteIdentity | None  # as stored; None on a database that has none yet
    code: str
    name: str
    kind: SiteKind | None


@dataclass(frozen=True, slots=True)
class SiteSetUp:
    identity: SiteIdentity
    desk: Desk  # the desk as configured now: the site's code and name, the same desk number and account
    desk_file: Path  # the user's desk settings, where the code and name were written (if they differ)
    catalog: BundledSync | None  # None when the database already had a catalog


class PeerChange(StrEnum):
    NEW = "new"
    SAME_KEY = "same_key"  # registered again with the key it had
    NEW_KEY = "new_key"  # registered again with another key: the old one is no longer trusted


@dataclass(frozen=True, slots=True)
class Registration:
    code: str
    change: PeerChange
    old_fingerprint: str  # the replaced key's, for NEW_KEY; "" otherwise


def site_state(session: Session) -> SiteState:
    identity = stored_site(session)
    if site_is_set_up(session) and identity is not None:
        return SiteState(True, identity, identity.code, identity.name, identity.kind)
    settings = load_desk_settings()
    chosen = {name for name, source in settings.sources.items() if source is not Source.DEFAULT}
    code = settings.config.site_code if "site_code" in chosen else ""
    name = settings.config.site_name if "site_name" in chosen else ""
    return SiteState(False, identity, code, name, None)


def set_up_site(
    store: Store,
    code: str,
    name: str,
    kind: SiteKind | None,
    *,
    desk: Desk,
    catalog_folder: Path,
    key_path: Path | None = None,
    on_progress: Progress | None = None,
) -> SiteSetUp:
    """Set this site's kind, code and name, give this desk the code, make the key, load a catalog if none.

    Raises :class:`SiteRefused` with every problem (nothing changed),
    :class:`NotPermitted` without CHANGE_SETTINGS, :class:`KeyUnreadable` for
    a key file that is there but unusable, :class:`OSError` when the desk
    settings cannot be written (the identity is rolled back with it), and
    :class:`StoreFault`.  The identity and the desk's settings change together:
    the file is written inside the identity's transaction and put back if the
    commit fails.  The trail records the change at the desk as it is after it.
    The catalog comes after, in its own transactions (:func:`sync_bundled`,
    as at the window's start): should it fail, the site is set up and the next
    set-up, or the window's next start, loads it.
    """
    code, name = code.strip(), name.strip()
    problems = setup_problems(code, name, kind)
    if problems or kind is None:
        raise SiteRefused(problems)
    after = replace(desk, identity=DeskIdentity(code, desk.identity.desk_no), site_name=name)
    before = load_desk_config()
    saved = False

    def identity_and_desk(session: Session) -> SiteIdentity:
        nonlocal saved
        identity = init_site(session, code, name, kind, desk=after, key_path=key_path)
        save_desk_config(replace(before, site_code=code, site_name=name))
        saved = True
        return identity

    try:
        identity = store.write(identity_and_desk)
    except BaseException:
        if saved:  # the commit failed after the file was written: the desk keeps agreeing with the database
            save_desk_config(before)
        raise
    catalog = None
    if not store.read(_has_catalog):
        catalog = sync_bundled(store.sessions(), catalog_folder, on_progress, desk=after)
    return SiteSetUp(identity, after, config_path(), catalog)


def register_card(session: Session, card: SiteIdentity, desk: Desk) -> Registration:
    """Register the site a card describes (:func:`register_peer`), and say what that changed."""
    old = next((peer for peer in peers(session) if peer.code == card.code), None)
    register_peer(
        session, card.code, card.name, card.kind, card.public_key, desk=desk, encryption_key=card.encryption_key
    )
    if old is None:
        return Registration(card.code, PeerChange.NEW, "")
    if (old.public_key, old.encryption_key) == (card.public_key, card.encryption_key):
        return Registration(card.code, PeerChange.SAME_KEY, "")
    return Registration(card.code, PeerChange.NEW_KEY, old.fingerprint)


def _has_catalog(session: Session) -> bool:
    return session.scalar(select(models.GuideVersion.id).limit(1)) is not None
