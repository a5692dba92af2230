"""A township's seals travel to its hall: a sealed part of its trail rewritten and sealed again shows at both ends.

The township's clerk holds the laptop and its key: a bad rating deleted by SQL, the chain computed again and the
trail sealed again with that key left the township's ``audit verify`` at ok, and the hall never saw a seal.  Now
the hall keeps each seal the township sends and says which it holds; the township's own check names a sent seal
that is gone, and the hall names a second seal under a number it holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select, text

from counter.actions.admin.audit_seal import seal_trail, seal_with
from counter.actions.site.trail_check import verify_trail
from counter.actions.sync.sync_status import review_items
from counter.audit.peer_seals import SEALS_AT_HALL, parse_seals_at_hall
from counter.audit.verify import TrailProblem, TrailProblemCode
from counter.db import models
from counter.db.settings_store import get_setting
from counter.sync.package import SEALS_FORMAT
from counter.words.audit import trail_problem_text
from counter.words.sync import SENT_SEAL_CHANGED
from tests.audit.tampering import drop_triggers, newest_entry_about, rechain
from tests.sync.sync_world import Site, township_with_demo


@pytest.fixture(params=["sqlite", "postgresql"])
def pair(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[tuple[Site, Site]]:
    """A township with the training day's cases, sent once, and the hall's first update taken in."""
    for hall, ars in township_with_demo(request, catalog, tmp_path):
        assert hall.take(ars.export().data).held == 0
        ars.take(hall.export(ars.code).data)
        yield hall, ars


def trail_problems(site: Site) -> tuple[TrailProblem, ...]:
    with site.sessions() as session:
        return verify_trail(session, key_path=site.key_path).problems


def problems(site: Site) -> list[tuple[str, str, int]]:
    return [(p.code.value, p.chain, p.seq) for p in trail_problems(site)]


def held_seals(hall: Site) -> int:
    with hall.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(models.PeerSeal)) or 0)


def seals_at_hall(ars: Site) -> tuple[int, str] | None:
    with ars.sessions() as session:
        return parse_seals_at_hall(get_setting(session, SEALS_AT_HALL))


def test_the_townships_seals_go_to_the_hall_once_it_keeps_them_and_it_says_which_it_holds(
    pair: tuple[Site, Site],
) -> None:
    hall, ars = pair
    assert seals_at_hall(ars) == (0, "")  # the hall keeps seals, and holds none of this township's yet
    sent = ars.export()
    assert sent.data.startswith(f"COUNTER-SYNC/{SEALS_FORMAT}\n".encode())
    assert hall.take(sent.data).held == 0
    assert held_seals(hall) == 1  # the seal the first export made
    ars.take(hall.export(ars.code).data)
    held = seals_at_hall(ars)
    assert held is not None
    assert held[0] == 1
    assert hall.take(ars.export().data).held == 0  # the second export's seal, and the first again: the same
    assert held_seals(hall) == 2
    assert problems(hall) == []
    assert problems(ars) == []


def test_a_sealed_trail_rewritten_and_sealed_again_at_the_township_is_named_there_and_at_the_hall(
    pair: tuple[Site, Site],
) -> None:
    hall, ars = pair
    assert hall.take(ars.export().data).held == 0  # seal 1 sent
    ars.take(hall.export(ars.code).data)  # the hall says it holds it
    with ars.sessions() as session:
        voided = session.scalars(select(models.Case.case_no).order_by(models.Case.id)).first()
    assert voided is not None
    chain, seq = newest_entry_about(ars.sessions, voided)
    drop_triggers(ars.sessions, ["audit_entry", "audit_seal"])
    with ars.sessions.begin() as session:  # the case's last entry (its 作废, say) and every seal gone
        session.execute(text("DELETE FROM audit_entry WHERE chain = :c AND seq = :s"), {"c": chain, "s": seq})
        session.execute(text("DELETE FROM audit_seal"))
    rechain(ars.sessions, chain)
    with ars.sessions.begin() as session:
        seal_trail(session, ars.key_path)  # sealed again with the laptop's own key: seal 1, not the one sent
    (sent,) = [p for p in trail_problems(ars) if p.code is TrailProblemCode.SEAL_SENT]
    assert sent.seq == 1
    assert "已报送大厅" in trail_problem_text(sent)
    export = ars.export()
    assert export.sent_seal_changed == 1  # the township's next export says so as well, and still goes
    assert "已报送大厅" in SENT_SEAL_CHANGED.format(no=export.sent_seal_changed)
    assert hall.take(export.data).held == 0
    assert ("peer_two_seals", ars.code, 1) in problems(hall)


def test_a_seal_not_signed_with_the_townships_key_waits_for_review_and_is_not_kept(pair: tuple[Site, Site]) -> None:
    hall, ars = pair
    with ars.sessions.begin() as session:
        seal_with(session, Ed25519PrivateKey.generate(), ars.code, key_path=ars.key_path)
    report = hall.take(ars.export().data)
    assert report.held == 1
    with hall.sessions() as session:
        waiting = [(item.record_type, item.reason) for item in review_items(session)]
    assert waiting == [("seal", "bad_seal")]
    assert held_seals(hall) == 1  # the export's own seal, signed with the key: the forged one is not kept
