"""Seals linked by SM3: each new seal is known by its SM3 digest, named in its signed text; the seals made before keep
their SHA-256 digests and still verify; a seal known by SHA-256 after one known by SM3 is named as a downgrade.

Before, every seal named the one before it by SHA-256, even on a site whose seals were signed with SM2 and whose
chain was HMAC-SM3.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.audit_seal import seal_trail
from counter.actions.admin.site import site_signing_key, this_site
from counter.audit.chain import GENESIS, at_text
from counter.audit.seal import SealDigest, parse_payload, payload_digest, seal_payload
from counter.audit.verify import TrailProblem, TrailProblemCode
from counter.db import audit_seals
from counter.db.models import utcnow
from counter.sync.keys import sign
from counter.words.audit import trail_problem_text
from tests.audit.test_seals import add_entries, problems, verify


@pytest.fixture
def db(db_path: Path, sessions: sessionmaker[Session]) -> str:
    """The audit template, on a site whose key file is on this machine."""
    with sessions.begin() as s:
        this_site(s)
    return f"sqlite:///{db_path}"


def sm3(text: str) -> str:
    digest = hashes.Hash(hashes.SM3())
    digest.update(text.encode("utf-8"))
    return digest.finalize().hex()


def first_format_payload(no: int, at: dt.datetime, prev: str, heads: dict[str, tuple[int, str]]) -> str:
    """A seal as every program before SM3 wrote it, written out here rather than by :func:`seal_payload`."""
    body = {
        "format": "counter-seal/1",
        "no": no,
        "site": "XAM01",
        "at": at_text(at),
        "prev": prev,
        "heads": {chain: [seq, digest] for chain, (seq, digest) in sorted(heads.items())},
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def add_signed(sessions: sessionmaker[Session]) -> str:
    """A seal of the first format after the newest, signed with the site's key: as the program before SM3 made it."""
    with sessions.begin() as s:
        newest = audit_seals.newest_seal(s)
        body = None if newest is None else parse_payload(newest.payload)
        no = 1 if body is None else body.no + 1
        prev = GENESIS if newest is None else payload_digest(newest.payload)
        at = utcnow()
        payload = first_format_payload(no, at, prev, audit_seals.chain_tips(s))
        audit_seals.add_seal(s, at, payload, sign(site_signing_key(s), payload.encode("utf-8")))
    return payload


def payloads(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as s:
        return [seal.payload for seal in audit_seals.all_seals(s)]


def test_new_seals_are_known_by_sm3_and_name_it(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    for _ in range(2):
        add_entries(sessions, 2)
        with sessions.begin() as s:
            made = seal_trail(s)
    first, second = payloads(sessions)
    assert json.loads(first)["format"] == json.loads(second)["format"] == "counter-seal/2"
    assert json.loads(first)["digest"] == json.loads(second)["digest"] == "sm3"
    assert json.loads(second)["prev"] == sm3(first) != hashlib.sha256(first.encode("utf-8")).hexdigest()
    assert made.digest == payload_digest(second) == sm3(second)
    code, report = verify(capsys, db)
    assert (code, problems(report), report["seals"]) == (0, [], 2)


def test_seals_of_the_first_format_still_verify_and_the_first_sm3_seal_follows_them(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    add_signed(sessions)
    add_entries(sessions, 2)
    old = add_signed(sessions)
    assert payload_digest(old) == hashlib.sha256(old.encode("utf-8")).hexdigest()
    code, report = verify(capsys, db)
    assert (code, problems(report), report["seals"]) == (0, [], 2)

    add_entries(sessions, 2)
    with sessions.begin() as s:
        seal_trail(s)  # anchors seal 2 beside the key by its own digest, SHA-256
    add_entries(sessions, 1)
    with sessions.begin() as s:
        seal_trail(s)
    third, fourth = payloads(sessions)[2:]
    assert json.loads(third)["prev"] == hashlib.sha256(old.encode("utf-8")).hexdigest()
    assert json.loads(fourth)["prev"] == sm3(third)
    code, report = verify(capsys, db)
    assert (code, problems(report), report["seals"]) == (0, [], 4)


def test_a_seal_known_by_sha256_after_sm3_seals_is_named_a_downgrade(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    add_signed(sessions)  # the first format before any SM3 seal: no downgrade
    with sessions.begin() as s:
        seal_trail(s)
    add_entries(sessions, 2)
    add_signed(sessions)  # signed with the site's key, linked right, but SHA-256 again
    code, report = verify(capsys, db)
    assert (code, problems(report)) == (1, [("seal_downgraded", "", 3, 3)])
    text = trail_problem_text(TrailProblem(TrailProblemCode.SEAL_DOWNGRADED, "", 3))
    assert "第 3 号封签" in text
    assert "SM3" in text


def test_the_first_format_is_written_to_the_byte_and_a_seal_s_digest_field_must_fit_its_format() -> None:
    at, heads = dt.datetime(2026, 11, 20, 2, 30, tzinfo=dt.UTC), {"XAM01-8": (7, "ab" * 32)}
    old = seal_payload(3, "XAM01", at, "cd" * 32, heads, digest=SealDigest.SHA256)
    assert old == first_format_payload(3, at, "cd" * 32, heads)
    body = parse_payload(old)
    assert body is not None
    assert body.digest is SealDigest.SHA256
    new = seal_payload(3, "XAM01", at, "cd" * 32, heads)
    body = parse_payload(new)
    assert body is not None
    assert (body.digest, body.no, body.heads) == (SealDigest.SM3, 3, heads)
    assert payload_digest(new) == sm3(new)

    def with_fields(text: str, **fields: object) -> str:
        return json.dumps({**json.loads(text), **fields}, sort_keys=True)

    assert parse_payload(with_fields(old, digest="sm3")) is None  # the first format names no digest
    assert parse_payload(json.dumps({k: v for k, v in json.loads(new).items() if k != "digest"})) is None
    assert parse_payload(with_fields(new, digest="md5")) is None
