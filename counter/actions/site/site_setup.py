"""Setting a site up in one step, so that its case numbers, catalog and keys agree.

A site whose parts disagree fails late and quietly: a township centre whose desk
still carries the hall's site code numbers its cases as the hall's, and the hall
holds them all for review; a hall that has its identity but no catalog holds
every township case for a guide version it lacks.  :func:`set_up_site` is the
one step both faces take (``counter site init``, the sync page's form): the
identity with its signing key, this desk's site code and name in its desk
settings, and the bundled catalog where the database has none.  The form takes
the site's whole identity in the same step: its office as its papers print it
(seal, address, hours, phones: a township's papers print them in place of the
catalog guides', which name the league hall) and this desk's number and clerk.

The sync page also asks here whether the site is set up at all (a site the
program made at first use is a hall by default, and the page asks instead of
assuming it), registers a peer from its card and says what the registration
changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.paper_blanks import blanks_now
from counter.actions.admin.paper_seals import site_seal_ca
from counter.actions.admin.site import init_site, peers, register_peer, site_as_shown, site_is_set_up, stored_site
from counter.actions.cases.documents import office_settings, save_office_settings
from counter.actions.catalog.imports import sync_bundled
from counter.actions.sync import sync_status
from counter.case.numbers import DeskIdentity
from counter.catalog.import_result import BundledSync
from counter.db import models
from counter.db.settings_store import get_setting, office_key
from counter.documents.paper_blanks import PaperBlanks
from counter.host.machine.desk_config import Source, config_path, load_desk_config, load_desk_settings, save_desk_config
from counter.sync.site_faults import SiteRefused
from counter.sync.site_view import PeerChange, Registration, SiteState
from counter.sync.sites import SiteDesk, SiteIdentity, SiteKind, SiteOffice, setup_problems
from counter.sync.status import SyncPage

__all__ = [
    "SiteSetUp",
    "register_card",
    "set_up_site",
    "site_state",
]


@dataclass(frozen=True, slots=True)
class SiteSetUp:
    identity: SiteIdentity
    desk: Desk  # the desk as configured now: the site's code and name, the same desk number and account
    desk_file: Path  # the user's desk settings, where the code and name were written (if they differ)
    catalog: BundledSync | None  # None when the database already had a catalog
    # what the site's papers would print blank, to be told at set-up
    blanks: PaperBlanks = field(default_factory=PaperBlanks)


def site_state(session: Session) -> SiteState:
    identity = stored_site(session)
    settings = load_desk_settings()
    desk_no, clerk = settings.config.desk_no, settings.config.clerk
    if site_is_set_up(session) and identity is not None:
        return SiteState(True, identity, identity.code, identity.name, identity.kind, None, desk_no, clerk)
    chosen = {name for name, source in settings.sources.items() if source is not Source.DEFAULT}
    code = settings.config.site_code if "site_code" in chosen else ""
    name = settings.config.site_name if "site_name" in chosen else ""
    office = None
    if code and get_setting(session, office_key(code)) is not None:
        stored = office_settings(session, code)
        office = SiteOffice(
            stored.seal_caption,
            stored.address,
            stored.hours,
            stored.consult_phone,
            stored.complaint_phone,
            stored.review_body,
        )
    return SiteState(False, identity, code, name, None, office, desk_no, clerk)


def set_up_site(
    sessions: sessionmaker[Session],
    code: str,
    name: str,
    kind: SiteKind | None,
    *,
    desk: Desk,
    catalog_folder: Path,
    office: SiteOffice | None = None,
    this_desk: SiteDesk | None = None,
) -> SiteSetUp:
    """Set this site's kind, code and name, give this desk the code, make the key, load a catalog if none.

    ``office``, when given, is the site's 单位信息 from now on, named by the site's name, its 复议机关 with it
    (the rest of it, the courts and the other 复议 bodies, as they were); ``this_desk`` this desk's number and,
    where it is given, its clerk.

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
    problems = setup_problems(code, name, kind, office, this_desk)
    if problems or kind is None:
        raise SiteRefused(problems)
    before = load_desk_config()
    config = replace(before, site_code=code, site_name=name)
    if this_desk is not None:
        config = replace(config, desk_no=this_desk.desk_no.strip())
        if this_desk.clerk is not None:
            config = replace(config, clerk=this_desk.clerk.strip())
    clerk = desk.clerk if desk.actor.signed_in else config.clerk
    after = replace(desk, identity=DeskIdentity(code, config.desk_no), site_name=name, clerk=clerk)
    saved = False

    def identity_and_desk(session: Session) -> SiteIdentity:
        nonlocal saved
        identity = init_site(session, code, name, kind, desk=after)
        if office is not None:
            stored = replace(office_settings(session, code), office_name=name, **_office_fields(office))
            save_office_settings(session, code, stored, desk=after)
        save_desk_config(config)
        saved = True
        return identity

    try:
        with sessions.begin() as session:
            identity = identity_and_desk(session)
    except BaseException:
        if saved:  # the commit failed after the file was written: the desk keeps agreeing with the database
            save_desk_config(before)
        raise
    catalog = None
    with sessions() as session:
        has_catalog = _has_catalog(session)
    if not has_catalog:
        catalog = sync_bundled(sessions, catalog_folder, desk=after)
    site_seal_ca(name)  # the trust anchor of the site's sealed papers, before any body's seal is made with it
    with sessions() as session:
        blanks = blanks_now(session, code)
    return SiteSetUp(identity, after, config_path(), catalog, blanks)


def _office_fields(office: SiteOffice) -> dict[str, str]:
    return {
        "seal_caption": office.seal_caption.strip(),
        "address": office.address.strip(),
        "hours": office.hours.strip(),
        "consult_phone": office.consult_phone.strip(),
        "complaint_phone": office.complaint_phone.strip(),
        "review_body": office.review_body.strip(),
    }


def register_card(session: Session, card: SiteIdentity, desk: Desk, county: str = "") -> Registration:
    """Register the site a card describes (:func:`register_peer`; at a league, a hall with its ``county``), and say
    what that changed."""
    old = next((peer for peer in peers(session) if peer.code == card.code), None)
    register_peer(
        session, card.code, card.name, card.kind, card.public_key, desk=desk, encryption_key=card.encryption_key,
        county=county, sm2_key=card.sm2_key,
    )  # fmt: skip
    if old is None:
        return Registration(card.code, PeerChange.NEW, "")
    if (old.public_key, old.encryption_key, old.sm2_key) == (card.public_key, card.encryption_key, card.sm2_key):
        return Registration(card.code, PeerChange.SAME_KEY, "")
    return Registration(card.code, PeerChange.NEW_KEY, old.fingerprint)


def _has_catalog(session: Session) -> bool:
    return session.scalar(select(models.GuideVersion.id).limit(1)) is not None


def sync_page(session: Session) -> SyncPage:
    """What the sync page shows, read in one unit of work: the site's state, and once it is set up the site, where
    sync stands, the peers, the review list and the records the hall holds."""
    state = site_state(session)
    if not state.set_up:
        return SyncPage(state)
    both = sync_status.status_and_held(session)  # the halls' held lists read once, for the count and the list
    return SyncPage(
        state, site_as_shown(session), both.status, tuple(peers(session)), tuple(sync_status.review_items(session)),
        both.held,
    )  # fmt: skip
