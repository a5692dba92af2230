"""Seals under SM2: a site on the national suite signs its new seals with SM2 and SM3, its earlier Ed25519 seals
still verify, and ``audit verify`` checks each against the site's key of its own algorithm.

Before, every seal was an Ed25519 signature, whatever suite the site chose for its packages: the trail's anchor used
no national algorithm.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.audit_seal import seal_trail
from counter.actions.admin.key_rotation import rotate_site_key
from counter.actions.admin.site import choose_suite, site_signing_key, this_site
from counter.audit.seal import payload_digest, seal_payload
from counter.cli.main import main
from counter.db import audit_seals
from counter.db.models import utcnow
from counter.host.machine import paths
from counter.sync import sm2
from counter.sync.keys import install_next_keys, sign
from counter.sync.seal_signature import SM2_PREFIX, SealAlg, seal_alg, seal_signed_by
from counter.sync.sm2_keys import load_sm2_key, sm2_key_path
from counter.sync.sm_seal import new_private_key
from tests.audit.tampering import drop_triggers
from tests.audit.test_seals import add_entries, problems, verify


@pytest.fixture
def db(db_path: Path, sessions: sessionmaker[Session]) -> str:
    """The audit template sealed twice with the site's Ed25519 key, then moved to the national suite."""
    with sessions.begin() as s:
        this_site(s)
    for _ in range(2):
        add_entries(sessions, 2)
        with sessions.begin() as s:
            seal_trail(s)
    with sessions.begin() as s:
        choose_suite(s, True)
    return f"sqlite:///{db_path}"


def stored_signatures(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as s:
        return [seal.signature for seal in audit_seals.all_seals(s)]


def test_a_site_on_the_national_suite_seals_with_sm2_and_both_kinds_verify(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    add_entries(sessions, 2)
    assert main(["audit", "seal", "--db", db]) == 0
    capsys.readouterr()
    signatures = stored_signatures(sessions)
    assert [seal_alg(s) for s in signatures] == [SealAlg.ED25519, SealAlg.ED25519, SealAlg.SM2]
    # the SM2 signature is r ‖ s over the payload with the default user ID, as any SM2 tool reads it
    with sessions() as s:
        newest = audit_seals.newest_seal(s)
        public = this_site(s).sm2_key
    assert newest is not None
    raw = base64.b64decode(newest.signature.removeprefix(SM2_PREFIX))
    assert len(raw) == sm2.SIGNATURE_BYTES
    assert sm2.verify(base64.b64decode(public), newest.payload.encode("utf-8"), raw)
    code, report = verify(capsys, db)
    assert (code, problems(report), report["seals"]) == (0, [], 3)


def test_an_sm2_seal_of_another_key_or_an_ed25519_signature_called_sm2_is_forged(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    with sessions() as s:
        tips, newest = audit_seals.chain_tips(s), audit_seals.newest_seal(s)
    assert newest is not None
    payload = seal_payload(3, "XAM01", utcnow(), payload_digest(newest.payload), tips)
    stranger = SM2_PREFIX + base64.b64encode(sm2.sign(new_private_key().d, payload.encode("utf-8"))).decode("ascii")
    with sessions.begin() as s:
        audit_seals.add_seal(s, utcnow(), payload, stranger)
    code, report = verify(capsys, db)
    assert (code, problems(report)) == (1, [("seal_forged", "", 3, 3)])

    # the site's own Ed25519 signature, labelled SM2: checked against the SM2 key only, so forged all the same
    drop_triggers(sessions, ["audit_seal"])
    with sessions.begin() as s:
        relabelled = SM2_PREFIX + sign(site_signing_key(s), payload.encode("utf-8"))
        s.execute(text("DELETE FROM audit_seal WHERE id = 3"))
        audit_seals.add_seal(s, utcnow(), payload, relabelled)
    code, report = verify(capsys, db)
    assert (code, problems(report)) == (1, [("seal_forged", "", 3, 3)])


def test_an_sm2_seal_verifies_under_the_sm2_key_alone() -> None:
    key = new_private_key()
    public = base64.b64encode(sm2.public_key(key.d)).decode("ascii")
    signature = SM2_PREFIX + base64.b64encode(sm2.sign(key.d, b"payload")).decode("ascii")
    assert seal_signed_by(public, b"payload", signature, SealAlg.SM2)
    assert not seal_signed_by(public, b"payload!", signature, SealAlg.SM2)
    assert not seal_signed_by(public, b"payload", signature, SealAlg.ED25519)
    assert not seal_signed_by("", b"payload", signature, SealAlg.SM2)
    assert not seal_signed_by(public, b"payload", SM2_PREFIX + "not base64!", SealAlg.SM2)


def test_after_a_rotation_on_the_national_suite_every_seal_verifies_old_and_new(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    old_sm2 = load_sm2_key(sm2_key_path(paths.site_key_path()))
    with sessions.begin() as s:
        done = rotate_site_key(s)
    install_next_keys(paths.site_key_path())
    assert load_sm2_key(sm2_key_path(paths.site_key_path())) != old_sm2
    add_entries(sessions, 2)
    with sessions.begin() as s:
        seal_trail(s)
    # the last seal of the old keys with the signing key every card of the site carried, then the new SM2 key's
    assert [seal_alg(s) for s in stored_signatures(sessions)][2:] == [SealAlg.ED25519, SealAlg.SM2, SealAlg.SM2]
    assert (done.last_old_seal, done.first_new_seal) == (3, 4)
    code, report = verify(capsys, db)
    assert (code, problems(report), report["seals"]) == (0, [], 5)
    assert main(["audit", "verify", "--json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["seal_key_fingerprint"] == done.new_fingerprint
