"""A township that restored an older backup is named at its hall as having restored, not as having rewritten.

After the restore the township seals again under numbers it had already sent, and the hall holds both seals under
each: it named the township as having rewritten its sealed trail, for good.  The first seals after the restore now
say so under the township's key (``restored``), and the hall names the second seal under such a number as the
restore; the township's own check knows the seal the hall holds as one its restore withdrew.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from counter.actions.admin.audit_seal import seal_with
from counter.actions.admin.site import site_signing_key
from counter.actions.site.trail_check import verify_trail
from counter.actions.sync.sync_seals import keep_township_seal, seal_records, seals_at_hall_record
from counter.audit.chain import GENESIS
from counter.audit.peer_seals import (
    HeldSeal,
    PeerSealProblem,
    parse_seals_at_hall,
    parse_set_aside,
    peer_seal_problems,
    seals_at_hall_text,
    set_aside_text,
)
from counter.audit.seal import parse_payload
from counter.db import audit_seals, models
from counter.db.settings_store import put_setting
from counter.host.keys.seal_anchors import add_anchor, add_restore, anchors_path
from tests.sync.sync_world import Site, township_with_demo


@pytest.fixture(params=["sqlite"])  # the township's file is what is restored; the hall's backend does not matter
def pair(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[tuple[Site, Site]]:
    """A hall on SQLite and a township whose first seal it holds, and says it holds."""
    for hall, ars in township_with_demo(request, catalog, tmp_path):
        assert hall.take(ars.export().data).held == 0
        ars.take(hall.export(ars.code).data)
        yield hall, ars


def database_file(site: Site) -> Path:
    url = str(site.sessions.kw["bind"].url)
    return Path(url.removeprefix("sqlite:///"))


def restore(ars: Site, backup: Path) -> None:
    """What ``counter restore`` does on the township's laptop, beside this test's key file: the replaced database's
    seals anchored, the backup put in its place, and the seal it goes back to noted."""
    anchors = anchors_path(ars.key_path)
    with ars.sessions() as session:
        for no, digest in sorted(audit_seals.seal_digests(session).items()):
            add_anchor(anchors, no, digest)
    ars.sessions.kw["bind"].dispose()
    shutil.copy(backup, database_file(ars))
    with ars.sessions() as session:
        newest = max(audit_seals.seal_digests(session).items())
    add_restore(anchors, *newest)


def held(hall: Site, ars: Site) -> list[int]:
    """The numbers of the township's seals the hall holds, a number twice where it holds two."""
    with hall.sessions() as session:
        s = models.PeerSeal
        return sorted(session.scalars(select(s.no).where(s.site_code == ars.code)))


@pytest.mark.slow
def test_the_hall_names_a_townships_restore_and_neither_site_is_accused(
    pair: tuple[Site, Site], tmp_path: Path
) -> None:
    hall, ars = pair
    backup = tmp_path / "ars-backup.sqlite3"
    with closing(sqlite3.connect(database_file(ars))) as live, closing(sqlite3.connect(backup)) as copy:
        live.backup(copy)
    with ars.sessions() as session:
        back_to = max(audit_seals.seal_digests(session))
    for _ in range(3):  # the seals the exports make, sent and held
        assert hall.take(ars.export().data).held == 0
        ars.take(hall.export(ars.code).data)
    before = held(hall, ars)
    assert before[-1] > back_to + 1
    with ars.sessions() as session:
        made = max(audit_seals.seal_digests(session))  # the township's newest, sent or not

    restore(ars, backup)
    # the township's next seal, and its seals the hall does not hold as far as the restored database knows, kept at
    # the hall as a package would carry them (the package's own number is the restored database's to sort out)
    with ars.sessions.begin() as session:
        seal_with(session, site_signing_key(session, ars.key_path), ars.code, key_path=ars.key_path)
        records = seal_records(session)
    with ars.sessions() as session:
        newest = audit_seals.newest_seal(session)
    assert newest is not None
    body = parse_payload(newest.payload)
    assert body is not None
    assert (body.no, body.restored) == (back_to + 1, back_to)
    with hall.sessions.begin() as session:
        for record in records:
            keep_township_seal(session, ars.code, record)
    assert held(hall, ars) == sorted([*before, back_to + 1])
    with hall.sessions() as session:
        report = verify_trail(session, key_path=hall.key_path)
        word = seals_at_hall_record(session, ars.code)
    assert report.problems == ()
    assert report.peer_restores == ((ars.code, back_to + 1),)

    with ars.sessions.begin() as session:  # the hall's next update: it holds the newest seal sent before the restore
        put_setting(session, word.key, word.value)
    with ars.sessions() as session:
        report = verify_trail(session, key_path=ars.key_path)
    assert report.problems == ()
    assert [(r.back_to, r.first, r.last) for r in report.restores] == [(back_to, back_to + 1, made)]


def test_two_seals_under_one_number_without_a_restore_said_are_still_the_townships_rewrite() -> None:
    first = HeldSeal("ARS01", 1, "a" * 64, GENESIS)
    again = HeldSeal("ARS01", 2, "b" * 64, "a" * 64)
    other = HeldSeal("ARS01", 2, "c" * 64, "a" * 64)
    assert [f.problem for f in peer_seal_problems([first, again, other])] == [PeerSealProblem.TWO_SEALS]
    said = HeldSeal("ARS01", 2, "c" * 64, "a" * 64, restored=1)
    assert [f.problem for f in peer_seal_problems([first, again, said])] == [PeerSealProblem.RESTORED]
    late = HeldSeal("ARS01", 2, "c" * 64, "a" * 64, restored=2)  # a restore back to 2 does not explain two 2s
    assert [f.problem for f in peer_seal_problems([first, again, late])] == [PeerSealProblem.TWO_SEALS]
    unsigned = HeldSeal("ARS01", 2, "c" * 64, "a" * 64, signed=False, restored=1)
    assert [f.problem for f in peer_seal_problems([first, again, unsigned])] == [PeerSealProblem.UNSIGNED]


def test_a_seal_that_does_not_follow_the_one_the_hall_holds_is_a_broken_link() -> None:
    """The township rewrote what seal 2 sealed and sealed it again as a 2 it never sent: its next seal, 3, names that
    one, not the 2 the hall holds.  Named at 3, for its site; a seal with no seal before it held says nothing."""
    first = HeldSeal("ARS01", 1, "a" * 64, GENESIS)
    second = HeldSeal("ARS01", 2, "b" * 64, "a" * 64)
    third = HeldSeal("ARS01", 3, "d" * 64, "c" * 64)  # its prev: the 2 sealed again, never sent
    found = peer_seal_problems([first, second, third])
    assert [(f.site, f.no, f.problem) for f in found] == [("ARS01", 3, PeerSealProblem.BROKEN_LINK)]
    alone = HeldSeal("ARS02", 7, "e" * 64, "f" * 64)  # the hall holds nothing of ARS02 before 7: nothing to follow
    assert peer_seal_problems([first, second, alone]) == []


@pytest.mark.parametrize("text", ["{", '{"no": "3", "digest": "x"}', '{"no": 3}', "[3]", ""])
def test_a_seals_at_hall_setting_that_does_not_read_is_none(text: str) -> None:
    """The hall's word written badly (a hand edit, an older program): the township names no seal gone for it."""
    assert parse_seals_at_hall(text) is None
    assert parse_seals_at_hall(seals_at_hall_text(3, "x" * 64)) == (3, "x" * 64)


@pytest.mark.parametrize("text", ["[", '{"ARS01": 2}', '[["ARS01", "2", "d"], ["ARS01", 2]]'])
def test_a_set_aside_setting_that_does_not_read_sets_nothing_aside(text: str) -> None:
    """A part that does not read is left out: the row it named is named again, the side to err on."""
    assert parse_set_aside(text) == frozenset()
    assert parse_set_aside(set_aside_text(frozenset({("ARS01", 2, "d")}))) == frozenset({("ARS01", 2, "d")})
