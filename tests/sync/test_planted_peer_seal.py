"""A row planted in the hall's ``peer_seal`` is named for what it is, never as the township's rewrite.

Tried as an attacker would: whoever can write the hall's database inserted one row under an honest township's name
and a number the hall already held, with no signature.  The hall's ``audit verify`` then said the township had sent
two seals under one number — that it rewrote its sealed trail — and said so for good, the table being insert-only.
Now the row is named as one the township never signed, the township is not accused, and once an administrator sets
the row aside (recorded in the hall's trail) verify is clean.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from counter.actions.site.peer_seal_aside import set_aside_peer_seal
from counter.actions.site.trail_check import verify_trail
from counter.audit.chain import GENESIS
from counter.audit.peer_seals import SET_ASIDE, NotSetAside
from counter.audit.verify import TrailProblemCode
from counter.cli.main import main
from counter.db import models
from counter.db.settings_store import put_setting
from counter.words.audit import trail_problem_text
from tests.sync.sync_world import Site, township_with_demo

PLANTED = "f" * 64


@pytest.fixture(params=["sqlite", "postgresql"])
def pair(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[tuple[Site, Site]]:
    """A township whose seal 1 the hall holds, and the hall's word of it taken in."""
    for hall, ars in township_with_demo(request, catalog, tmp_path):
        assert hall.take(ars.export().data).held == 0
        ars.take(hall.export(ars.code).data)
        assert hall.take(ars.export().data).held == 0  # seal 1 sent and kept
        ars.take(hall.export(ars.code).data)
        yield hall, ars


def plant(hall: Site, site: str, no: int) -> None:
    """One row, no signature, under the township's name and a number the hall holds: all an attacker can write."""
    with hall.sessions.begin() as session:
        session.execute(
            insert(models.PeerSeal).values(
                site_code=site, no=no, digest=PLANTED, prev=GENESIS, payload="{}", signature="",
                received_at=models.utcnow(),
            )
        )  # fmt: skip


def findings(hall: Site) -> list[tuple[str, str, int, str]]:
    with hall.sessions() as session:
        return [
            (p.code.value, p.chain, p.seq, p.digest) for p in verify_trail(session, key_path=hall.key_path).problems
        ]


def test_a_planted_unsigned_row_is_named_as_planted_not_as_the_townships_rewrite(pair: tuple[Site, Site]) -> None:
    hall, ars = pair
    with hall.sessions() as session:
        held = session.scalars(select(models.PeerSeal.no).where(models.PeerSeal.site_code == ars.code)).all()
    assert 1 in held
    assert findings(hall) == []
    plant(hall, ars.code, 1)
    found = findings(hall)
    assert found == [(TrailProblemCode.PEER_SEAL_UNSIGNED.value, ars.code, 1, PLANTED)]
    with hall.sessions() as session:
        (problem,) = verify_trail(session, key_path=hall.key_path).problems
    assert "不能说明该站点改写了审计记录" in trail_problem_text(problem)


def test_the_row_set_aside_leaves_verify_clean_and_only_through_the_trail(pair: tuple[Site, Site]) -> None:
    hall, ars = pair
    plant(hall, ars.code, 1)
    with hall.sessions.begin() as session:  # written into the settings table alone, it sets nothing aside
        put_setting(session, SET_ASIDE, f'[["{ars.code}", 1, "{PLANTED}"]]')
    assert [code for code, *_ in findings(hall)] == [TrailProblemCode.PEER_SEAL_UNSIGNED.value]
    with hall.sessions.begin() as session:
        assert set_aside_peer_seal(session, hall.desk, ars.code, 1, PLANTED)
    with hall.sessions() as session:
        report = verify_trail(session, key_path=hall.key_path)
    assert report.problems == ()
    assert report.mismatches == ()


def test_the_townships_own_signed_seal_cannot_be_set_aside(pair: tuple[Site, Site]) -> None:
    hall, ars = pair
    with hall.sessions() as session:
        digest = session.scalar(select(models.PeerSeal.digest).where(models.PeerSeal.site_code == ars.code))
    assert digest is not None
    with hall.sessions.begin() as session, pytest.raises(NotSetAside) as refused:
        set_aside_peer_seal(session, hall.desk, ars.code, 1, digest)
    assert refused.value.signed
    with hall.sessions.begin() as session, pytest.raises(NotSetAside) as refused:
        set_aside_peer_seal(session, hall.desk, ars.code, 1, "0" * 64)
    assert not refused.value.signed


def test_the_command_line_sets_the_row_aside_and_says_so(
    pair: tuple[Site, Site], capsys: pytest.CaptureFixture[str]
) -> None:
    hall, ars = pair
    plant(hall, ars.code, 1)
    url = hall.sessions.kw["bind"].url.render_as_string(hide_password=False)
    assert main(["audit", "set-aside-seal", ars.code, "1", PLANTED, "--db", url]) == 0
    assert "已搁置站点" in capsys.readouterr().out
    assert findings(hall) == []
    assert main(["audit", "set-aside-seal", ars.code, "1", "0" * 64, "--db", url]) == 1
    assert "大厅没有保存这一行封签" in capsys.readouterr().err
