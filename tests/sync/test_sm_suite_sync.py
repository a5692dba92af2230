"""A township on the national suite (SM2, SM3, SM4) and one on today's both sync with one hall, through the real
export and import, the suite a setting of each site and the SM2 key on its card."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter.actions.admin.key_rotation import rotate_site_key
from counter.actions.admin.site import choose_suite, peers, register_peer, site_for_card
from counter.actions.site.demo import run_demo
from counter.sync.keys import install_next_keys
from counter.sync.package import MAGICS
from counter.sync.seal import SUITE
from counter.sync.sites import SiteKind, card_text, read_site_card
from counter.sync.sm2_keys import sm2_key_path
from counter.sync.sm_seal import SM_SUITE
from tests.sync.sync_world import REGISTERED, TODAY, Site, make_site, sqlite_copy

pytestmark = pytest.mark.slow  # three sites set up and the training day run on two: a few seconds


def swap_cards(a: Site, b: Site) -> None:
    """Each registers the other's card as written and read back: the cards carry an SM2 key where there is one."""
    for one, other in ((a, b), (b, a)):
        with other.sessions.begin() as session:
            text = card_text(site_for_card(session, other.key_path))
        card, problems = read_site_card(text)
        assert problems == []
        assert card is not None
        with one.sessions.begin() as session:  # as the card's registration does, a month before the tests' day
            register_peer(session, card.code, card.name, card.kind, card.public_key, desk=one.desk,
                          encryption_key=card.encryption_key, now=REGISTERED, sm2_key=card.sm2_key)  # fmt: skip


def suite_of(data: bytes) -> str:
    first = data.index(b"\n") + 1
    return str(json.loads(data[first : data.index(b"\n", first)])["suite"])


@pytest.fixture
def hall_and_two(catalog: Path, tmp_path: Path) -> tuple[Site, Site, Site]:
    hall = make_site(sqlite_copy(catalog, tmp_path / "hall.sqlite3"), "XAM01", "兴安盟政务服务中心", SiteKind.HALL,
                     tmp_path)  # fmt: skip
    today = make_site(sqlite_copy(catalog, tmp_path / "a.sqlite3"), "ARS01", "明水河镇便民服务中心",
                      SiteKind.TOWNSHIP, tmp_path)  # fmt: skip
    national = make_site(sqlite_copy(catalog, tmp_path / "b.sqlite3"), "ARS02", "五岔沟镇便民服务中心",
                         SiteKind.TOWNSHIP, tmp_path)  # fmt: skip
    with national.sessions.begin() as session:
        choose_suite(session, True, national.desk, national.key_path)
    with hall.sessions.begin() as session:  # a hall reads both; its own updates go out in the national suite too
        choose_suite(session, True, hall.desk, hall.key_path)
    for township in (today, national):
        swap_cards(hall, township)
        run_demo(township.sessions, township.desk, TODAY)
    return hall, today, national


def test_one_hall_takes_cases_from_a_township_on_each_suite_and_answers_each_in_its_own(
    hall_and_two: tuple[Site, Site, Site],
) -> None:
    hall, today, national = hall_and_two
    assert sm2_key_path(national.key_path).stat().st_mode & 0o777 == 0o600
    sent_today, sent_national = today.export().data, national.export().data
    assert (suite_of(sent_today), suite_of(sent_national)) == (SUITE, SM_SUITE)
    for sent in (sent_today, sent_national):
        assert sent.startswith(tuple(MAGICS.values()))
        report = hall.take(sent)
        assert (report.applied > 0, report.held) == (True, 0)
    to_today, to_national = hall.export(today.code).data, hall.export(national.code).data
    # the hall chose the national suite; the township whose card had no SM2 key gets today's, which it can open
    assert (suite_of(to_today), suite_of(to_national)) == (SUITE, SM_SUITE)
    assert today.take(to_today).replayed is False
    assert national.take(to_national).replayed is False


def test_the_card_of_a_site_on_the_national_suite_shows_the_fingerprint_its_peer_holds(
    hall_and_two: tuple[Site, Site, Site],
) -> None:
    hall, _today, national = hall_and_two
    with national.sessions.begin() as session:
        card = site_for_card(session, national.key_path)
    with hall.sessions() as session:
        held = next(peer for peer in peers(session) if peer.code == national.code)
    assert card.sm2_key
    assert held.sm2_key == card.sm2_key
    assert held.fingerprint == card.fingerprint


def test_a_rotation_on_the_national_suite_replaces_the_sm2_key_and_names_the_card_the_hall_holds(
    hall_and_two: tuple[Site, Site, Site],
) -> None:
    hall, _today, national = hall_and_two
    with national.sessions.begin() as session:
        before = site_for_card(session, national.key_path)
        rotate_site_key(session, national.desk, national.key_path)
    install_next_keys(national.key_path)
    with national.sessions.begin() as session:
        after = site_for_card(session, national.key_path)
    with hall.sessions() as session:
        held = next(peer for peer in peers(session) if peer.code == national.code)
    assert after.sm2_key
    assert after.sm2_key != before.sm2_key
    assert held.fingerprint in after.retired  # the hall finds the card it registered among the retired
    swap_cards(hall, national)
    report = hall.take(national.export().data)
    assert (report.from_site, report.replayed) == (national.code, False)
