"""This site's identity, its key file, the peers it registers and the cards they swap."""

from __future__ import annotations

import json
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Actor, Permission, Role
from counter.actions.admin.site import (
    init_site,
    peer_keys,
    peers,
    register_peer,
    site_encryption_key,
    site_signing_key,
    this_site,
)
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.host.machine.paths import site_key_path
from counter.sync.keys import (
    KeyProblem,
    KeyUnreadable,
    encryption_key_path,
    encryption_key_text,
    key_fingerprint,
    load_encryption_key,
    load_private_key,
    new_encryption_key,
    new_private_key,
    public_key_text,
    save_private_key,
    sign,
    verify,
)
from counter.sync.site_faults import PeerRefused, SiteRefused
from counter.sync.sites import SiteIdentity, SiteKind, SiteProblem, read_site_card, site_card

TOWNSHIP = DeskConfig(site_code="ARS01", site_name="阿尔山市明水河镇便民服务中心", desk_no="1", clerk="其其格")
HALL_KEY = public_key_text(new_private_key())
ADMIN = Actor("admin", "系统管理员", frozenset({Role.ADMIN}))
CLERK = Actor("wulan", "乌兰", frozenset({Role.CLERK}))


@pytest.fixture
def sessions(tmp_path: Path, migrated_db: Path) -> Iterator[sessionmaker[Session]]:
    path = tmp_path / "counter.sqlite3"
    shutil.copyfile(migrated_db, path)
    engine = make_engine(f"sqlite:///{path}")
    yield make_sessions(engine)
    engine.dispose()


@pytest.fixture
def township(counter_home: Path) -> DeskConfig:
    save_desk_config(TOWNSHIP)
    return TOWNSHIP


def add_accounts(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        for actor, role in ((ADMIN, "admin"), (CLERK, "clerk")):
            session.add(models.Account(login=actor.login, name=actor.name, roles=role, password_hash="x"))


def desk_of(actor: Actor) -> Desk:
    return Desk(DeskIdentity("ARS01", "1"), actor.name, actor)


def site_entries(session: Session) -> list[models.AuditEntry]:
    rows = session.scalars(select(models.AuditEntry).where(models.AuditEntry.subject.startswith("site")))
    return list(rows)


# --- this site ---------------------------------------------------------------------


def test_first_identity_comes_from_the_desk_and_stays(sessions: sessionmaker[Session], township: DeskConfig) -> None:
    with sessions.begin() as session:
        first = this_site(session)
    assert (first.code, first.name, first.kind) == ("ARS01", "阿尔山市明水河镇便民服务中心", SiteKind.HALL)
    assert site_key_path().exists()
    assert stat.S_IMODE(site_key_path().stat().st_mode) == 0o600
    assert public_key_text(load_private_key(site_key_path())) == first.public_key
    sealing = encryption_key_path(site_key_path())
    assert stat.S_IMODE(sealing.stat().st_mode) == 0o600
    assert encryption_key_text(load_encryption_key(sealing)) == first.encryption_key
    with sessions() as session:
        assert encryption_key_text(site_encryption_key(session)) == first.encryption_key
        assert not [row.key for row in session.scalars(select(models.Setting)) if "PRIVATE" in row.value]
    save_desk_config(DeskConfig(site_code="OTHER1", site_name="别处"))  # the desk changes later: the site does not
    with sessions.begin() as session:
        again = this_site(session)
        entries = site_entries(session)
    assert again == first
    assert len(entries) == 1  # created once, recorded once
    assert entries[0].action == "setting_changed"
    assert entries[0].subject == "site"
    assert json.loads(entries[0].detail)["fingerprint"] == first.fingerprint


def test_an_existing_key_file_is_reused(sessions: sessionmaker[Session], township: DeskConfig, tmp_path: Path) -> None:
    key = new_private_key()
    path = tmp_path / "elsewhere" / "site.key"
    save_private_key(key, path)
    before = path.read_bytes()
    with sessions.begin() as session:
        identity = this_site(session, key_path=path)
    assert identity.public_key == public_key_text(key)
    assert path.read_bytes() == before
    assert not site_key_path().exists()


def test_a_damaged_key_file_is_reported_never_replaced(sessions: sessionmaker[Session], township: DeskConfig) -> None:
    site_key_path().parent.mkdir(parents=True)
    site_key_path().write_text("damaged")
    with sessions() as session, pytest.raises(KeyUnreadable) as caught:
        this_site(session)
    assert caught.value.reason is KeyProblem.NOT_A_KEY
    assert site_key_path().read_text() == "damaged"


def test_this_site_works_where_accounts_exist_and_nobody_signed_in(
    sessions: sessionmaker[Session], township: DeskConfig
) -> None:
    add_accounts(sessions)
    with sessions.begin() as session:
        assert this_site(session).code == "ARS01"


def test_the_signing_key_must_be_the_sites(sessions: sessionmaker[Session], township: DeskConfig) -> None:
    with sessions.begin() as session:
        identity = this_site(session)
        key = site_signing_key(session)
    assert verify(identity.public_key, b"package", sign(key, b"package"))
    site_key_path().unlink()
    save_private_key(new_private_key(), site_key_path())  # a key file swapped behind the site's back
    with sessions() as session, pytest.raises(KeyUnreadable) as caught:
        site_signing_key(session)
    assert caught.value.reason is KeyProblem.OTHER_SITE


def test_a_site_set_up_before_sealing_gets_its_encryption_key_on_the_key_machine(
    sessions: sessionmaker[Session], township: DeskConfig, tmp_path: Path
) -> None:
    with sessions.begin() as session:
        first = this_site(session)
    encryption_key_path(site_key_path()).unlink()  # as an older program left it: a signing key only
    with sessions.begin() as session:
        session.execute(delete(models.Setting).where(models.Setting.key == "site.encryption_key"))
    with sessions() as session:
        assert this_site(session).encryption_key == ""
        with pytest.raises(KeyUnreadable) as caught:  # a desk without the site's keys makes none
            site_encryption_key(session, key_path=tmp_path / "desk" / "site.key")
        assert caught.value.reason is KeyProblem.MISSING
    assert not (tmp_path / "desk").exists()
    with sessions.begin() as session:
        key = site_encryption_key(session)  # the machine holding the signing key makes it, and the site keeps it
    with sessions() as session:
        now = this_site(session)
    assert now.encryption_key == encryption_key_text(key)
    assert now.public_key == first.public_key
    assert now.fingerprint != first.fingerprint


def test_no_key_file_is_said_so(township: DeskConfig) -> None:
    with pytest.raises(KeyUnreadable) as caught:
        load_private_key(site_key_path())
    assert caught.value.reason is KeyProblem.MISSING


# --- init --------------------------------------------------------------------------


def test_init_sets_the_identity_and_keeps_the_key(sessions: sessionmaker[Session], township: DeskConfig) -> None:
    with sessions.begin() as session:
        first = this_site(session)
    with sessions.begin() as session:
        changed = init_site(session, "ARS02", " 阿尔山市白狼镇便民服务中心 ", SiteKind.TOWNSHIP)
    assert first.encryption_key
    assert changed == SiteIdentity(
        "ARS02", "阿尔山市白狼镇便民服务中心", SiteKind.TOWNSHIP, first.public_key, first.encryption_key
    )
    with sessions() as session:
        assert this_site(session) == changed
        detail = json.loads(site_entries(session)[-1].detail)
    assert detail == {
        "code": {"from": "ARS01", "to": "ARS02"},
        "name": {"from": "阿尔山市明水河镇便民服务中心", "to": "阿尔山市白狼镇便民服务中心"},
        "kind": {"from": "hall", "to": "township"},
    }


def test_init_on_a_fresh_database_makes_the_key(sessions: sessionmaker[Session], township: DeskConfig) -> None:
    with sessions.begin() as session:
        identity = init_site(session, "XAM01", "兴安盟政务服务中心", SiteKind.HALL)
    assert public_key_text(load_private_key(site_key_path())) == identity.public_key


def test_init_lists_every_problem(sessions: sessionmaker[Session], township: DeskConfig) -> None:
    with sessions() as session, pytest.raises(SiteRefused) as caught:
        init_site(session, "ars-1", "  ", SiteKind.TOWNSHIP)
    assert caught.value.codes == (SiteProblem.CODE_FORMAT, SiteProblem.NAME_MISSING)
    with sessions() as session:
        assert session.get(models.Setting, "site.code") is None


@pytest.mark.parametrize("code", ["A", "ABCDEFGHIJKLM", "ars01", "ARS 01", "阿尔山"])
def test_init_refuses_codes_that_cannot_start_a_case_number(
    sessions: sessionmaker[Session], township: DeskConfig, code: str
) -> None:
    with sessions() as session, pytest.raises(SiteRefused) as caught:
        init_site(session, code, "某站点", SiteKind.HALL)
    assert caught.value.codes == (SiteProblem.CODE_FORMAT,)


def test_init_needs_an_administrator(sessions: sessionmaker[Session], township: DeskConfig) -> None:
    add_accounts(sessions)
    with sessions() as session, pytest.raises(NotPermitted) as nobody:
        init_site(session, "ARS02", "白狼镇", SiteKind.TOWNSHIP)
    assert (nobody.value.permission, nobody.value.signed_in) == (Permission.CHANGE_SETTINGS, False)
    with sessions() as session, pytest.raises(NotPermitted) as clerk:
        init_site(session, "ARS02", "白狼镇", SiteKind.TOWNSHIP, desk=desk_of(CLERK))
    assert clerk.value.signed_in
    with sessions.begin() as session:
        init_site(session, "ARS02", "白狼镇", SiteKind.TOWNSHIP, desk=desk_of(ADMIN))
    with sessions() as session:
        assert site_entries(session)[-1].actor == "admin"


# --- peers -------------------------------------------------------------------------


def test_register_lists_and_replaces_a_peer(sessions: sessionmaker[Session], township: DeskConfig) -> None:
    with sessions.begin() as session:
        register_peer(session, "XAM01", "兴安盟政务服务中心", SiteKind.HALL, HALL_KEY)
        register_peer(session, "ARS03", "五岔沟镇", SiteKind.TOWNSHIP, public_key_text(new_private_key()))
    new_key = public_key_text(new_private_key())
    with sessions.begin() as session:
        register_peer(session, "XAM01", "兴安盟政务服务中心（新楼）", SiteKind.HALL, f" {new_key}\n")
    with sessions() as session:
        found = peers(session)
        keys = peer_keys(session)
        detail = json.loads(site_entries(session)[-1].detail)
    assert [p.code for p in found] == ["ARS03", "XAM01"]
    hall = found[1]
    assert (hall.name, hall.kind, hall.public_key) == ("兴安盟政务服务中心（新楼）", SiteKind.HALL, new_key)
    assert hall.registered_at.tzinfo is not None
    assert keys["XAM01"] == new_key
    assert detail["replaced_fingerprint"] == key_fingerprint(HALL_KEY)
    assert detail["fingerprint"] == key_fingerprint(new_key)


def test_register_lists_every_problem(sessions: sessionmaker[Session], township: DeskConfig) -> None:
    with sessions() as session, pytest.raises(PeerRefused) as caught:
        register_peer(session, "xam-01", "", SiteKind.HALL, HALL_KEY[:-8])
    assert caught.value.codes == (SiteProblem.CODE_FORMAT, SiteProblem.NAME_MISSING, SiteProblem.KEY_FORMAT)


def test_register_refuses_the_sites_own_code(sessions: sessionmaker[Session], township: DeskConfig) -> None:
    with sessions() as session, pytest.raises(PeerRefused) as before_identity:
        register_peer(session, "ARS01", "本站", SiteKind.HALL, HALL_KEY)
    assert before_identity.value.codes == (SiteProblem.OWN_CODE,)
    with sessions.begin() as session:
        init_site(session, "ARS09", "本站", SiteKind.TOWNSHIP)
    with sessions() as session, pytest.raises(PeerRefused) as after_init:
        register_peer(session, "ARS09", "本站", SiteKind.HALL, HALL_KEY)
    assert after_init.value.codes == (SiteProblem.OWN_CODE,)
    with sessions() as session:
        assert peers(session) == []


def test_register_needs_an_administrator(sessions: sessionmaker[Session], township: DeskConfig) -> None:
    add_accounts(sessions)
    with sessions() as session, pytest.raises(NotPermitted):
        register_peer(session, "XAM01", "兴安盟政务服务中心", SiteKind.HALL, HALL_KEY, desk=desk_of(CLERK))
    with sessions.begin() as session:
        register_peer(session, "XAM01", "兴安盟政务服务中心", SiteKind.HALL, HALL_KEY, desk=desk_of(ADMIN))
    with sessions() as session:
        assert peer_keys(session) == {"XAM01": HALL_KEY}


# --- cards -------------------------------------------------------------------------

SEALING = encryption_key_text(new_encryption_key())
IDENTITY = SiteIdentity("ARS01", "阿尔山市明水河镇便民服务中心", SiteKind.TOWNSHIP, HALL_KEY, SEALING)


def test_a_card_reads_back_as_the_site() -> None:
    card = site_card(IDENTITY)
    assert card["format"] == "counter-site/2"
    assert card["encryption_key"] == SEALING
    assert card["fingerprint"] == key_fingerprint(HALL_KEY, SEALING)
    assert len(card["fingerprint"].split()) == 8
    assert read_site_card(json.dumps(card, ensure_ascii=False)) == (IDENTITY, [])


def test_a_card_tolerates_spacing_of_an_editor() -> None:
    card = site_card(IDENTITY)
    card["fingerprint"] = card["fingerprint"].upper().replace(" ", "")
    card["name"] = f"  {card['name']} "
    assert read_site_card(json.dumps(card, indent=4)) == (IDENTITY, [])


@pytest.mark.parametrize("text", ["", "[]", "{", '{"format": "counter-site/3"}', "[" * 100_000])
def test_what_is_not_a_card(text: str) -> None:
    assert read_site_card(text) == (None, [SiteProblem.NOT_A_CARD])


def test_a_card_lists_every_problem() -> None:
    card: dict[str, object] = {**site_card(IDENTITY), "code": 7, "name": "", "kind": "village", "public_key": "abc"}
    assert read_site_card(json.dumps(card)) == (
        None,
        [SiteProblem.CODE_FORMAT, SiteProblem.NAME_MISSING, SiteProblem.KEY_FORMAT, SiteProblem.KIND_UNKNOWN],
    )


def test_a_card_whose_sm2_key_is_no_key_is_refused_as_such_not_as_changed() -> None:
    """An SM2 key cut short by an editor: named as a key that is not one, without a fingerprint said not to match
    over a key that cannot be read."""
    card = {**site_card(IDENTITY), "sm2_key": "BFx0c2hvcnQ="}
    assert read_site_card(json.dumps(card)) == (None, [SiteProblem.KEY_FORMAT])


def test_a_card_changed_on_its_way() -> None:
    card = {**site_card(IDENTITY), "public_key": public_key_text(new_private_key())}
    assert read_site_card(json.dumps(card)) == (None, [SiteProblem.FINGERPRINT_MISMATCH])
    del card["fingerprint"]
    assert read_site_card(json.dumps(card)) == (None, [SiteProblem.FINGERPRINT_MISMATCH])


def test_a_card_whose_encryption_key_was_swapped_on_its_way() -> None:
    """Packages would be sealed to whoever swapped it: the fingerprint read by phone covers this key too."""
    card = {**site_card(IDENTITY), "encryption_key": encryption_key_text(new_encryption_key())}
    assert read_site_card(json.dumps(card)) == (None, [SiteProblem.FINGERPRINT_MISMATCH])


def test_a_card_of_the_first_format_is_refused_by_name() -> None:
    card = {**site_card(IDENTITY), "format": "counter-site/1", "fingerprint": key_fingerprint(HALL_KEY)}
    del card["encryption_key"]
    assert read_site_card(json.dumps(card)) == (None, [SiteProblem.OLD_CARD])
