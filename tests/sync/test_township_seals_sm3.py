"""A township's seals linked by SM3 reach the hall as they are, and a seal known by SHA-256 after them is named at
both ends.

The hall keeps each seal under the digest it is known by (SM3 for a seal that says so in its signed text), so the
links of a township's SM3 seals hold at the hall as at the township; before, the hall named every seal by SHA-256.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.actions.admin.audit_seal import seal_key
from counter.audit.chain import parse_at
from counter.audit.peer_seals import HeldSeal, PeerSealProblem, peer_seal_problems
from counter.audit.seal import SealDigest, parse_payload, payload_digest, seal_payload
from counter.audit.verify import TrailProblem, TrailProblemCode
from counter.db import audit_seals
from counter.sync.seal_signature import sign_seal
from counter.words.audit import trail_problem_text
from tests.sync.sync_world import Site, township_with_demo
from tests.sync.test_township_seals import problems


@pytest.fixture(params=["sqlite"])  # the seals are read the same on either database
def pair(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[tuple[Site, Site]]:
    """A township with the training day's cases, sent once, and the hall's first update taken in."""
    for hall, ars in township_with_demo(request, catalog, tmp_path):
        assert hall.take(ars.export().data).held == 0
        ars.take(hall.export(ars.code).data)
        yield hall, ars


def sha256_seal(ars: Site) -> int:
    """A seal of the first format after the newest, signed with the township's own key; its number."""
    with ars.sessions.begin() as s:
        newest = audit_seals.newest_seal(s)
        assert newest is not None
        body = parse_payload(newest.payload)
        assert body is not None
        at = parse_at(body.at)  # the township's clock is the test's: dated as the seal before it
        assert at is not None
        tips = audit_seals.chain_tips(s)
        payload = seal_payload(
            body.no + 1, ars.code, at, payload_digest(newest.payload), tips, digest=SealDigest.SHA256
        )
        audit_seals.add_seal(s, at, payload, sign_seal(seal_key(s, ars.key_path), payload.encode("utf-8")))
    return body.no + 1


def test_the_hall_holds_sm3_seals_by_their_sm3_digest_and_names_a_sha256_seal_after_them(
    pair: tuple[Site, Site],
) -> None:
    hall, ars = pair
    assert hall.take(ars.export().data).held == 0  # a second SM3 seal, linked to the first by SM3
    assert problems(hall) == []
    no = sha256_seal(ars)
    assert hall.take(ars.export().data).held == 0  # signed with the township's key: kept
    assert problems(ars) == [("seal_downgraded", "", no)]  # linked right, signed right: only the algorithm is wrong
    assert problems(hall) == [("peer_seal_downgraded", ars.code, no)]
    text = trail_problem_text(TrailProblem(TrailProblemCode.PEER_SEAL_DOWNGRADED, ars.code, no))
    assert ars.code in text
    assert "SM3" in text


def test_a_sha256_seal_is_named_at_the_hall_only_after_an_sm3_seal_of_the_same_site_and_only_if_signed() -> None:
    def held(site: str, no: int, alg: SealDigest, signed: bool = True) -> HeldSeal:
        return HeldSeal(site, no, f"{site}{no}", f"{site}{no - 1}", signed, digest_alg=alg)

    old, new = SealDigest.SHA256, SealDigest.SM3
    seals = [
        held("ARS01", 1, old),
        held("ARS01", 2, new),
        held("ARS01", 3, old),  # after an SM3 seal of its own site
        held("BYT01", 1, old),
        held("BYT01", 2, old),  # another site, never on SM3
        held("ARS01", 4, old, signed=False),  # a row the site never signed: named as that alone
    ]
    found = [(f.site, f.no, f.problem) for f in peer_seal_problems(seals)]
    assert found == [
        ("ARS01", 4, PeerSealProblem.UNSIGNED),
        ("ARS01", 3, PeerSealProblem.DOWNGRADED),
    ]
