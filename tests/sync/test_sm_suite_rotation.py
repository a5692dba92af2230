"""One hall, a township on today's suite moved to the national one by a key rotation, and a township on the national
suite rotating its key: both go on syncing, and ``audit verify`` is clean at all three sites after the rotations,
with their seals of both algorithms (Ed25519 before, SM2 after) held at the hall."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from counter.actions.admin.key_rotation import rotate_site_key
from counter.actions.admin.site import choose_suite, peers, register_peer, site_for_card
from counter.actions.site.demo import run_demo
from counter.actions.site.trail_check import verify_trail
from counter.db import models
from counter.db.settings_store import put_setting
from counter.sync.key_change import KEY_CHANGE_SETTING, KeyChange, key_change_text
from counter.sync.keys import install_next_keys, new_private_key, public_key_text
from counter.sync.package import PackageRejected, RejectCode
from counter.sync.seal import SUITE
from counter.sync.seal_signature import SealAlg, seal_alg
from counter.sync.sites import SiteKind
from counter.sync.sm_seal import SM_SUITE
from tests.sync.sync_world import NOW, TODAY, Site, make_site, sqlite_copy
from tests.sync.test_sm_suite_sync import suite_of, swap_cards

LATER = NOW + dt.timedelta(hours=3)  # the rotations an hour after the day's packages, the new cards an hour later
pytestmark = pytest.mark.slow  # three sites, the training day on two, three rounds of packages: several seconds


def clean(site: Site) -> None:
    with site.sessions() as session:
        report = verify_trail(session, key_path=site.key_path)
    assert (report.problems, report.mismatches) == ((), ())
    with site.sessions.begin() as session:
        assert report.seal_key == site_for_card(session, site.key_path).fingerprint  # what its card says


def held_algs(hall: Site, township: Site) -> list[SealAlg]:
    with hall.sessions() as session:
        rows = session.scalars(
            select(models.PeerSeal.signature)
            .where(models.PeerSeal.site_code == township.code)
            .order_by(models.PeerSeal.no)
        )
        return [seal_alg(signature) for signature in rows]


def round_trip(hall: Site, township: Site, now: dt.datetime = NOW) -> str:
    """The township's package taken in at the hall and the hall's answer at the township; the township's suite."""
    sent = township.export(now=now).data
    report = hall.take(sent, now)
    assert (report.replayed, report.held) == (False, 0)
    assert township.take(hall.export(township.code, now).data, now).replayed is False
    return suite_of(sent)


def rotate(site: Site) -> None:
    with site.sessions.begin() as session:
        rotate_site_key(session, site.desk, site.key_path, now=NOW + dt.timedelta(hours=1))
    install_next_keys(site.key_path)


def register_new_card(hall: Site, township: Site) -> None:
    """The hall registers the township's new card, the fingerprint read out, an hour after its rotation."""
    with township.sessions.begin() as session:
        card = site_for_card(session, township.key_path)
    registered = LATER - dt.timedelta(hours=1)
    with hall.sessions.begin() as session:
        register_peer(session, card.code, card.name, card.kind, card.public_key, desk=hall.desk,
                      encryption_key=card.encryption_key, now=registered, sm2_key=card.sm2_key)  # fmt: skip


def test_both_suites_sync_with_one_hall_and_verify_clean_after_a_rotation_to_the_national_suite(
    catalog: Path, tmp_path: Path
) -> None:
    hall = make_site(sqlite_copy(catalog, tmp_path / "hall.sqlite3"), "XAM01", "兴安盟政务服务中心", SiteKind.HALL,
                     tmp_path)  # fmt: skip
    today = make_site(sqlite_copy(catalog, tmp_path / "a.sqlite3"), "ARS01", "明水河镇便民服务中心",
                      SiteKind.TOWNSHIP, tmp_path)  # fmt: skip
    national = make_site(sqlite_copy(catalog, tmp_path / "b.sqlite3"), "ARS02", "五岔沟镇便民服务中心",
                         SiteKind.TOWNSHIP, tmp_path)  # fmt: skip
    for site in (national, hall):
        with site.sessions.begin() as session:
            choose_suite(session, True, site.desk, site.key_path)
    for township in (today, national):
        swap_cards(hall, township)
        run_demo(township.sessions, township.desk, TODAY)
    # two rounds: the first tells each township the hall keeps seals, the second carries them
    assert [round_trip(hall, t) for t in (today, national)] == [SUITE, SM_SUITE]
    assert [round_trip(hall, t) for t in (today, national)] == [SUITE, SM_SUITE]
    for site in (hall, today, national):
        clean(site)

    with today.sessions.begin() as session:  # today's township moves to the national suite, and rotates its key
        choose_suite(session, True, today.desk, today.key_path)
    rotate(today)
    rotate(national)
    later = LATER
    for township in (today, national):
        register_new_card(hall, township)
    assert [round_trip(hall, t, later) for t in (today, national)] == [SM_SUITE, SM_SUITE]
    assert [round_trip(hall, t, later) for t in (today, national)] == [SM_SUITE, SM_SUITE]
    for site in (hall, today, national):
        clean(site)
    today_algs = held_algs(hall, today)
    assert SealAlg.ED25519 in today_algs
    assert today_algs[-1] is SealAlg.SM2
    # on the national suite from the start: SM2 seals, and its rotation's last seal with the signing key of every card
    assert sorted(set(held_algs(hall, national))) == [SealAlg.ED25519, SealAlg.SM2]
    assert held_algs(hall, national).count(SealAlg.ED25519) == 1


def test_a_rotation_reaches_the_hall_by_itself_and_the_old_key_is_refused_from_then_on(
    catalog: Path, tmp_path: Path
) -> None:
    """No card registered by hand: the first package after the rotation carries the new keys under the old one."""
    hall = make_site(sqlite_copy(catalog, tmp_path / "hall.sqlite3"), "XAM01", "兴安盟政务服务中心", SiteKind.HALL,
                     tmp_path)  # fmt: skip
    today = make_site(sqlite_copy(catalog, tmp_path / "a.sqlite3"), "ARS01", "明水河镇便民服务中心",
                      SiteKind.TOWNSHIP, tmp_path)  # fmt: skip
    with hall.sessions.begin() as session:
        choose_suite(session, True, hall.desk, hall.key_path)
    swap_cards(hall, today)
    run_demo(today.sessions, today.desk, TODAY)
    assert [round_trip(hall, today) for _ in range(2)] == [SUITE, SUITE]
    kept_back = today.export(now=NOW + dt.timedelta(minutes=30)).data  # signed with the old key, never carried

    with today.sessions.begin() as session:  # moved to the national suite by a rotation
        choose_suite(session, True, today.desk, today.key_path)
    rotate(today)
    assert [round_trip(hall, today, LATER) for _ in range(2)] == [SM_SUITE, SM_SUITE]
    with today.sessions.begin() as session:
        card = site_for_card(session, today.key_path)
    with hall.sessions() as session:
        held = next(peer for peer in peers(session) if peer.code == today.code)
    assert (held.public_key, held.sm2_key, held.fingerprint) == (card.public_key, card.sm2_key, card.fingerprint)
    with pytest.raises(PackageRejected) as refused:
        hall.take(kept_back, LATER)
    assert refused.value.code is RejectCode.BAD_SIGNATURE
    for site in (hall, today):
        clean(site)


def test_keys_announced_under_a_key_the_hall_does_not_hold_change_nothing(catalog: Path, tmp_path: Path) -> None:
    hall = make_site(sqlite_copy(catalog, tmp_path / "hall.sqlite3"), "XAM01", "兴安盟政务服务中心", SiteKind.HALL,
                     tmp_path)  # fmt: skip
    today = make_site(sqlite_copy(catalog, tmp_path / "a.sqlite3"), "ARS01", "明水河镇便民服务中心",
                      SiteKind.TOWNSHIP, tmp_path)  # fmt: skip
    swap_cards(hall, today)
    stranger = new_private_key()
    with today.sessions.begin() as session:  # a statement signed by a key that is not the one the hall holds
        identity = site_for_card(session, today.key_path)
        change = KeyChange(today.code, public_key_text(stranger), identity.encryption_key, "", "2026-11-20T09:00:00Z")
        put_setting(session, KEY_CHANGE_SETTING, key_change_text(change, stranger))
    assert hall.take(today.export().data).replayed is False  # the package is the township's, signed with its key...
    with hall.sessions() as session:  # ...but the keys it announces are not vouched for by it: nothing registered
        held = next(peer for peer in peers(session) if peer.code == today.code)
    assert held.public_key == identity.public_key
