"""This site's identity and keys, and the peers whose packages it accepts.

The identity (code, name, kind, public keys) is kept in the database settings,
so every desk of a hall shows the same; the private keys are files in the data
folder of the machine that signs and opens packages
(:func:`counter.host.machine.paths.site_key_path`, the encryption key beside it).

A site set up before packages were sealed has no encryption key: the machine
that holds its signing key makes one the first time it is asked for its keys
(:func:`site_signing_key`: ``counter site show``, an export), and the site
hands its peers a new card.  Other desks never make one: a key made on a desk
that does not hold the signing key would seal the site's packages to a
machine that does not import them.

A site's key changes only on purpose: neither :func:`this_site` nor
:func:`init_site` ever replaces a key file that exists.  To give a site a new
key (a laptop lost, a key file copied where it should not be) an administrator
runs ``counter site rotate-key`` (:mod:`counter.actions.admin.key_rotation`); then
hands the new site card to every peer, who registers it again (the old key's
fingerprint goes into their trail).  Whichever way a key is replaced (an init
after the key file was deleted too), the old public key is kept with the
moment it stopped signing (:func:`retire_key`), so the seals it made still
verify.

Why this site and its peers share a module: they are the two ends of the same keys.  A peer is registered with the
checks the site's own identity is made with (:func:`counter.sync.sites.site_problems`, never its own code), and a
new kind of key (the SM2 key) came to the site's identity, its card and its peers together.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.acting import system_desk, this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.actions.admin.peer_former_keys import keep_former_key
from counter.audit.actions import AuditAction
from counter.audit.site_keys import RetiredKey, history_text, parse_history
from counter.case.moments import stored_utc
from counter.case.number_faults import OtherSeries
from counter.db import models
from counter.db.settings_store import (
    SITE_CODE,
    SITE_ENCRYPTION_KEY,
    SITE_KIND,
    SITE_NAME,
    SITE_PUBLIC_KEY,
    get_setting,
    put_setting,
    read_settings,
)
from counter.host.machine import paths
from counter.host.machine.desk_config import load_desk_config
from counter.sync.counties import COUNTY_CODE
from counter.sync.keys import (
    KeyProblem,
    KeyUnreadable,
    encryption_key_path,
    encryption_key_text,
    install_next_keys,
    key_fingerprint,
    load_encryption_key,
    load_private_key,
    new_encryption_key,
    new_private_key,
    public_key_text,
    save_new_private_key,
)
from counter.sync.seal import SUITE
from counter.sync.site_faults import PeerRefused, SiteRefused, StoredKeysChanged
from counter.sync.site_view import ShownSite, SiteKeys, retired_fingerprint
from counter.sync.sites import (
    Peer,
    SiteIdentity,
    SiteKind,
    SiteProblem,
    site_problems,
)
from counter.sync.sm2_keys import load_sm2_key, sm2_key_at, sm2_key_path
from counter.sync.sm_seal import SM_SUITE, Sm2PrivateKey
from counter.sync.sm_seal import public_key_text as sm_public_key_text
from counter.sync.sm_seal import raw_public_key as raw_sm2_key

__all__ = [
    "init_site",
    "peer_keys",
    "peers",
    "register_peer",
    "retire_key",
    "retired_keys",
    "site_as_shown",
    "site_encryption_key",
    "site_for_card",
    "site_is_set_up",
    "site_signing_key",
    "store_identity",
    "stored_site",
    "this_site",
]

SM2_KEY = "site.sm2_key"  # the SM2 public key of a site that chose the national suite (counter.sync.sm_seal)
SUITE_SETTING = "sync.suite"  # the suite this site writes its packages in: SM_SUITE, or absent for today's
RETIRED_KEYS = "site.retired_keys"  # the keys the site's key replaced (counter.audit.site_keys)
SET_UP = "site.set_up_at"  # when an administrator last set the identity on purpose (UTC, ISO 8601)
AUDIT_SUBJECT = "site"

log = logging.getLogger(__name__)


def this_site(session: Session, key_path: Path | None = None) -> SiteIdentity:
    """This site's identity; made at the first call on a database that has none.

    The first identity is this machine's desk (``desk.json``: site code and
    name) as a hall, with the key file at ``key_path`` (the data folder's by
    default): loaded if it is there, else a new key saved there.  Nobody need
    be signed in: the program makes it, and the trail says so.  The caller
    commits.  Raises :class:`KeyUnreadable` if a key file is there but unusable
    (it is never overwritten).
    """
    stored = stored_site(session)
    if stored is not None:
        return stored
    config = load_desk_config()
    path = key_path or paths.site_key_path()
    key, sealing = _key_at(path), _encryption_key_at(path)
    identity = SiteIdentity(config.site_code, config.site_name, SiteKind.HALL, public_key_text(key), sealing)
    store_identity(session, identity)
    record_at_desk(session, system_desk(None), AuditAction.SETTING_CHANGED, AUDIT_SUBJECT, _detail(identity))
    return identity


def init_site(
    session: Session,
    code: str,
    name: str,
    kind: SiteKind,
    desk: Desk | None = None,
    key_path: Path | None = None,
) -> SiteIdentity:
    """Set or change this site's code, name and kind; the key file stays (see the module's note).

    Raises :class:`SiteRefused` with every problem, :class:`NotPermitted`
    without CHANGE_SETTINGS, :class:`KeyUnreadable` for a key file that is there
    but unusable.  The code is the site's in its peers' lists and case numbers:
    the faces call :func:`counter.actions.site.site_setup.set_up_site`, which also
    gives this machine's desk the code and loads a catalog; this alone changes
    the database only.  The caller commits.
    """
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    code, name = code.strip(), name.strip()
    problems = site_problems(code, name)
    if problems:
        raise SiteRefused(problems)
    before = stored_site(session)
    path = key_path or paths.site_key_path()
    key = _key_at(path)
    identity = SiteIdentity(code, name, kind, public_key_text(key), _encryption_key_at(path))
    if before is not None and before.public_key != identity.public_key:  # the key file was deleted: a new key
        retire_key(
            session, by, before.public_key, datetime.now(UTC), encryption_key=before.encryption_key,
            sm2_key=before.sm2_key,
        )  # fmt: skip
    store_identity(session, identity)
    put_setting(session, SET_UP, datetime.now(UTC).isoformat(timespec="seconds"))
    old = {} if before is None else _detail(before)
    new = _detail(identity)
    changed = {k: {"from": old.get(k), "to": v} for k, v in new.items() if old.get(k) != v}
    record_at_desk(session, by, AuditAction.SETTING_CHANGED, AUDIT_SUBJECT, changed)
    return identity


def check_series(session: Session, desk: Desk) -> None:
    """Raise :class:`OtherSeries` when the desk's site code is not the database's own site's.

    A case number leads with its site's code (:mod:`counter.case.numbers`): a hall clerk who put a township's code in
    their own ``desk.json`` numbered intakes in that township's series, and the township's real case with the same
    number was then held at the hall as a duplicate.  The series a desk may number in is the site's identity as the
    database stores it; a database that has none yet (before its first use made one) has nothing to hold it to.
    """
    code = get_setting(session, SITE_CODE)
    if code is not None and code != desk.identity.site_code:
        log.error("desk set to site %s numbers in a database of site %s: refused", desk.identity.site_code, code)
        raise OtherSeries(desk.identity.site_code, code)


def retired_keys(session: Session) -> tuple[RetiredKey, ...]:
    """The keys this site's key replaced, oldest first."""
    return parse_history(get_setting(session, RETIRED_KEYS))


def retire_key(
    session: Session,
    desk: Desk,
    public_key: str,
    until: datetime,
    revoked_since: datetime | None = None,
    encryption_key: str = "",
    sm2_key: str = "",
) -> None:
    """Keep ``public_key`` as a retired key of this site, which signed seals up to ``until`` (and, revoked, none
    to be trusted from ``revoked_since``); the caller commits.  ``encryption_key`` and ``sm2_key``, the ones retired
    with it, are kept for the card's retired fingerprints (:func:`counter.sync.site_view.retired_fingerprint`).

    The whole history goes into the trail as the setting's change: ``audit verify`` reads it from there
    (:func:`counter.db.setting_trail.recorded_setting`), so a retired key planted in the settings table vouches for
    no seal.
    """
    before = get_setting(session, RETIRED_KEYS)
    kept = [key for key in retired_keys(session) if key.public_key != public_key]
    after = history_text([*kept, RetiredKey(public_key, until, revoked_since, encryption_key, sm2_key)])
    put_setting(session, RETIRED_KEYS, after)
    record_at_desk(session, desk, AuditAction.SETTING_CHANGED, RETIRED_KEYS, {"from": before, "to": after})


def site_is_set_up(session: Session) -> bool:
    """Whether someone chose this site's identity, rather than the program making it at first use.

    The identity made at first use is always a hall: a township centre that was
    never set up would number its cases as the hall and be refused by it.  Set
    up means :func:`init_site` ran (it leaves the moment), or, for a database
    from before that was recorded, that the identity is a township's (only an
    init makes one) or that peers are registered (the site is in use).
    """
    if get_setting(session, SET_UP) is not None:
        return True
    stored = stored_site(session)
    if stored is not None and stored.kind is SiteKind.TOWNSHIP:
        return True
    return session.scalar(select(models.SitePeer.code).limit(1)) is not None


def site_signing_key(session: Session, key_path: Path | None = None) -> Ed25519PrivateKey:
    """The private key, checked to be the one whose public half this site's peers registered.

    A hall whose desks share one database has the key on one machine only; on
    another, or after a key file was swapped, this says so before anything is
    signed (:attr:`KeyProblem.OTHER_SITE`) instead of the peer refusing the package.
    """
    path = key_path or paths.site_key_path()
    stored = stored_site(session)
    if stored is not None:  # a rotation that committed but did not put its files in place
        install_next_keys(path, stored.public_key)
    key = load_private_key(path)
    identity = this_site(session, path)
    if public_key_text(key) != identity.public_key:
        raise KeyUnreadable(path, KeyProblem.OTHER_SITE)
    if not identity.encryption_key:  # set up before packages were sealed: the key machine makes the key now
        sealing = _encryption_key_at(path)
        with_key = SiteIdentity(identity.code, identity.name, identity.kind, identity.public_key, sealing)
        store_identity(session, with_key)
        changed = {"fingerprint": {"from": identity.fingerprint, "to": with_key.fingerprint}}
        record_at_desk(session, system_desk(None), AuditAction.SETTING_CHANGED, AUDIT_SUBJECT, changed)
    return key


def site_for_card(session: Session, key_path: Path | None = None) -> SiteIdentity:
    """This site's identity as its card shows it, the public keys taken from the key files themselves.

    Only the machine that holds the site's key files writes a card: anywhere
    else :class:`KeyUnreadable` says the key is not here.  The stored public
    keys must be the files' public halves, else :class:`StoredKeysChanged`
    (logged): the database was written by someone who is not the key's holder.
    A site set up by an older program gets its encryption key here, so the
    card carries it.  The caller commits.
    """
    path = key_path or paths.site_key_path()
    stored = this_site(session, path)
    signing = public_key_text(load_private_key(path))
    if signing == stored.public_key and not stored.encryption_key:
        site_signing_key(session, path)  # the key machine of an older site: makes the encryption key now
        stored = this_site(session, path)
    try:
        sealing = encryption_key_text(load_encryption_key(encryption_key_path(path)))
    except KeyUnreadable:
        if signing == stored.public_key:
            raise
        sealing = ""  # the signing key already disagrees: that is the problem to name
    national = ""
    if stored.sm2_key:  # a site on the national suite: its card carries the SM2 key file's public half
        try:
            national = sm_public_key_text(load_sm2_key(sm2_key_path(path)))
        except KeyUnreadable:
            if signing == stored.public_key:  # the key machine without its SM2 file: that file is what to name
                raise
            national = ""
    retired = tuple(retired_fingerprint(key) for key in retired_keys(session))
    suite = SM_SUITE if national and national_suite_chosen(session) else ""  # the card says which suite is in use
    from_files = SiteIdentity(stored.code, stored.name, stored.kind, signing, sealing, retired, national, suite)
    if (signing, sealing, national) != (stored.public_key, stored.encryption_key, stored.sm2_key):
        log.error(
            "the site keys stored in the database differ from the key files at %s: stored fingerprint %s, "
            "key files %s; no card is written from them",
            path,
            stored.fingerprint,
            from_files.fingerprint,
        )
        raise StoredKeysChanged(path, from_files, stored)
    return from_files


def site_as_shown(session: Session) -> ShownSite:
    """This site's identity to show (``site show``, the sync page): the fingerprint the phone check reads.

    Where the key files are, the keys shown are theirs (as on the card), and a
    stored key that differs is said; elsewhere, the stored keys.  The caller
    commits (an older site's key machine makes its encryption key here).
    """
    path = paths.site_key_path()
    retired = retired_keys(session)
    try:
        return ShownSite(site_for_card(session, path), SiteKeys.HERE, path, retired)
    except StoredKeysChanged as err:
        return ShownSite(err.from_files, SiteKeys.CHANGED, path, retired)
    except KeyUnreadable:
        return ShownSite(this_site(session, path), SiteKeys.ELSEWHERE, path, retired)


def site_encryption_key(session: Session, key_path: Path | None = None) -> X25519PrivateKey:
    """The private key packages to this site are sealed to, checked against the public half its peers hold.

    Raises :class:`KeyUnreadable`: the file missing or damaged, or not the key
    of this site's card (:attr:`KeyProblem.OTHER_SITE`) — on a hall desk that
    does not hold the site's keys, say, where a package cannot be opened.
    """
    identity = this_site(session, key_path)
    path = encryption_key_path(key_path or paths.site_key_path())
    if not identity.encryption_key:
        site_signing_key(session, key_path)  # the key machine makes it; elsewhere this says the key is not here
        identity = this_site(session, key_path)
    key = load_encryption_key(path)
    if encryption_key_text(key) != identity.encryption_key:
        raise KeyUnreadable(path, KeyProblem.OTHER_SITE, encryption=True)
    return key


def register_peer(
    session: Session,
    code: str,
    name: str,
    kind: SiteKind,
    public_key: str,
    desk: Desk | None = None,
    encryption_key: str = "",
    now: datetime | None = None,
    county: str = "",
    sm2_key: str = "",
) -> None:
    """Accept packages from the site ``code`` signed by ``public_key``, seal packages to it with ``encryption_key``.

    ``county``, the 行政区划代码 of the county a hall serves, is what a league groups that hall's figures by
    (:mod:`counter.sync.counties`); a league registering a hall may leave it empty and give it later by registering
    the card again.  Registering again without one keeps the county the peer had.  ``sm2_key``, from a card that
    carries one, checks and opens the peer's packages of the national suite.

    Registering a code again replaces its keys.  ``encryption_key`` is empty
    only for a registration from an old card (tests of the upgrade make one):
    nothing can be sent to such a peer.

    Raises :class:`PeerRefused` with every problem, :class:`NotPermitted`
    without CHANGE_SETTINGS.  The trail keeps the new key's fingerprint and,
    on a replacement, the old one's.  ``now``, when the registration is made (this machine's clock if not given),
    bounds how early its packages may be dated (:mod:`counter.sync.freshness`).  The caller commits.
    """
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    code, name, public_key, encryption_key = code.strip(), name.strip(), public_key.strip(), encryption_key.strip()
    county, sm2_key = county.strip(), sm2_key.strip()
    problems = site_problems(code, name, public_key, encryption_key or None)
    if sm2_key and (raw_sm2_key(sm2_key) is None or not encryption_key):
        problems.append(SiteProblem.KEY_FORMAT)
    if county and not COUNTY_CODE.match(county):
        problems.append(SiteProblem.COUNTY_FORMAT)
    if code == _own_code(session):
        problems.append(SiteProblem.OWN_CODE)
    if problems:
        raise PeerRefused(problems)
    row = session.get(models.SitePeer, code)
    detail: dict[str, str] = {
        "code": code,
        "name": name,
        "kind": kind.value,
        "fingerprint": key_fingerprint(public_key, encryption_key, sm2_key),
    }
    if county:
        detail["county"] = county
    registered = models.utcnow() if now is None else now
    if row is None:
        session.add(
            models.SitePeer(code=code, name=name, kind=kind.value, public_key=public_key, encryption_key=encryption_key,
                            registered_at=registered, county=county, sm2_key=sm2_key)
        )  # fmt: skip
    else:
        detail["replaced_fingerprint"] = key_fingerprint(row.public_key, row.encryption_key, row.sm2_key)
        if (row.public_key, row.sm2_key) != (public_key, sm2_key):  # its earlier seals still the peer's
            keep_former_key(session, by, code, row.public_key, row.encryption_key, row.sm2_key, registered)
        row.name, row.kind, row.public_key, row.registered_at = name, kind.value, public_key, registered
        row.encryption_key, row.sm2_key = encryption_key, sm2_key
        row.county = county or row.county
    record_at_desk(session, by, AuditAction.SETTING_CHANGED, f"{AUDIT_SUBJECT}.peer:{code}", detail)


def peers(session: Session) -> list[Peer]:
    """Every registered peer, by code."""
    rows = session.scalars(select(models.SitePeer).order_by(models.SitePeer.code))
    return [
        Peer(r.code, r.name, SiteKind(r.kind), r.public_key, stored_utc(r.registered_at), r.encryption_key, r.county,
             r.sm2_key)
        for r in rows
    ]  # fmt: skip


def peer_keys(session: Session) -> dict[str, str]:
    """Code → public key of every registered peer: what a package's signature is checked against."""
    return {peer.code: peer.public_key for peer in peers(session)}


def peer_sm2_keys(session: Session) -> dict[str, str]:
    """Code → SM2 public key of every peer registered from a card with one: what a national-suite package's
    signature is checked against."""
    return {peer.code: peer.sm2_key for peer in peers(session) if peer.sm2_key}


def national_suite_chosen(session: Session) -> bool:
    """Whether this site writes its packages in the national suite (SM2, SM3, SM4)."""
    return get_setting(session, SUITE_SETTING) == SM_SUITE


def choose_suite(
    session: Session, national: bool, desk: Desk | None = None, key_path: Path | None = None
) -> SiteIdentity:
    """Write this site's packages in the national suite (``national``) or today's, on the machine that holds the
    site's keys; the caller commits.  The site's identity as it now stands.

    Choosing the national suite makes the site's SM2 key (a file beside the others, :mod:`counter.sync.sm2_keys`)
    and puts its public half in the identity, so the site's card carries it and its fingerprint changes: the site
    hands its peers the new card, and each reads the new fingerprint over the phone before registering it.  Until a
    peer has, packages to it are written in today's suite (it could not open the others), and it refuses the site's
    national packages as from a key it does not know.  Raises :class:`NotPermitted` without CHANGE_SETTINGS and
    :class:`KeyUnreadable` where the site's keys are not.
    """
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    path = key_path or paths.site_key_path()
    site_signing_key(session, path)  # the key machine only
    before = this_site(session, path)
    identity = before
    if national and not before.sm2_key:
        sm2_public = sm_public_key_text(sm2_key_at(path))
        identity = SiteIdentity(
            before.code, before.name, before.kind, before.public_key, before.encryption_key, sm2_key=sm2_public
        )
        store_identity(session, identity)
    put_setting(session, SUITE_SETTING, SM_SUITE if national else SUITE)
    detail = {"suite": SM_SUITE if national else SUITE, "fingerprint": identity.fingerprint}
    record_at_desk(session, by, AuditAction.SETTING_CHANGED, SUITE_SETTING, detail)
    return this_site(session, path)


def site_sm2_key(session: Session, key_path: Path | None = None) -> Sm2PrivateKey:
    """This site's SM2 key, checked against the public half its card carries; raises :class:`KeyUnreadable`."""
    path = key_path or paths.site_key_path()
    identity = this_site(session, path)
    key = load_sm2_key(sm2_key_path(path))
    if not identity.sm2_key or sm_public_key_text(key) != identity.sm2_key:
        raise KeyUnreadable(sm2_key_path(path), KeyProblem.OTHER_SITE, encryption=True)
    return key


#: the settings that make the site's identity, read in one query (every request at the hall server names its site)
IDENTITY = (SITE_CODE, SITE_NAME, SITE_KIND, SITE_PUBLIC_KEY, SITE_ENCRYPTION_KEY, SM2_KEY)


def stored_site(session: Session) -> SiteIdentity | None:
    """This site's identity as stored, without making one: None on a database that has none yet."""
    read_settings(session, IDENTITY)
    values = [get_setting(session, key) for key in (SITE_CODE, SITE_NAME, SITE_KIND, SITE_PUBLIC_KEY)]
    code, name, kind, public_key = values
    if code is None or name is None or public_key is None or kind not in {k.value for k in SiteKind}:
        return None
    sealing, national = get_setting(session, SITE_ENCRYPTION_KEY) or "", get_setting(session, SM2_KEY) or ""
    return SiteIdentity(code, name, SiteKind(kind), public_key, sealing, sm2_key=national)


def store_identity(session: Session, identity: SiteIdentity) -> None:
    """Write this site's identity; the caller records the change in the trail and commits."""
    put_setting(session, SITE_CODE, identity.code)
    put_setting(session, SITE_NAME, identity.name)
    put_setting(session, SITE_KIND, identity.kind.value)
    put_setting(session, SITE_PUBLIC_KEY, identity.public_key)
    if identity.encryption_key:
        put_setting(session, SITE_ENCRYPTION_KEY, identity.encryption_key)
    if identity.sm2_key:
        put_setting(session, SM2_KEY, identity.sm2_key)


def _own_code(session: Session) -> str:
    """This site's code, without making an identity: the stored one, else this desk's."""
    return get_setting(session, SITE_CODE) or load_desk_config().site_code


def _key_at(path: Path) -> Ed25519PrivateKey:
    """The key file at ``path``, or a new key saved there when there is none (one another process saved meanwhile
    stands, and is the one returned)."""
    try:
        return load_private_key(path)
    except KeyUnreadable as err:
        if err.reason is not KeyProblem.MISSING:
            raise
    save_new_private_key(new_private_key(), path)
    return load_private_key(path)


def _encryption_key_at(signing_key_path: Path) -> str:
    """The public half of the encryption key beside the signing key's file, made when there is none."""
    path = encryption_key_path(signing_key_path)
    try:
        return encryption_key_text(load_encryption_key(path))
    except KeyUnreadable as err:
        if err.reason is not KeyProblem.MISSING:
            raise
    save_new_private_key(new_encryption_key(), path)
    return encryption_key_text(load_encryption_key(path))


def _detail(identity: SiteIdentity) -> dict[str, str]:
    return {
        "code": identity.code,
        "name": identity.name,
        "kind": identity.kind.value,
        "fingerprint": identity.fingerprint,
    }
