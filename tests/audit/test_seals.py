"""Seals: the chain heads signed with the site's key, and the rewritten trail that only they reveal.

The forger here has the database file and the program's source, but not the
site's key file: they edit a case, make the newest entry about it record the
new state, and compute the chain again.  Chain and rows then agree; the seal
made before does not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.audit_seal import seal_if_key_here, seal_trail
from counter.actions.admin.site import this_site
from counter.audit.actions import AuditAction
from counter.audit.seal import payload_digest, seal_payload
from counter.audit.verify import TrailProblem, TrailProblemCode
from counter.cli.main import main
from counter.cli.phrases import AUDIT_NOT_ANCHORED
from counter.db import audit_seals
from counter.db.audit_state import row_state
from counter.db.models import utcnow
from counter.host.keys import seal_anchors
from counter.host.keys.seal_anchors import anchors_path, read_anchor_log
from counter.host.machine import paths
from counter.sync.keys import encryption_key_path, key_fingerprint, public_key_text, sign
from counter.util.bounded_read import read_bounded
from counter.words.audit import trail_problem_text
from counter.words.sites import ENCRYPTION_KEY_PROBLEM
from tests.audit.conftest import IDENTITY, Facts
from tests.audit.tampering import drop_triggers, newest_entry_about, rechain

CHAIN = "XAM01-8"


@pytest.fixture
def db(db_path: Path, sessions: sessionmaker[Session]) -> str:
    """The audit template, on a site whose key file is on this machine (the data folder's ``keys/site.key``)."""
    with sessions.begin() as s:
        this_site(s)
    return f"sqlite:///{db_path}"


def verify(capsys: pytest.CaptureFixture[str], db: str) -> tuple[int, dict[str, object]]:
    code = main(["audit", "verify", "--json", "--db", db])
    return code, json.loads(capsys.readouterr().out)


def problems(report: dict[str, object]) -> list[tuple[str, str, int, int]]:
    listed = report["problems"]
    assert isinstance(listed, list)
    return [(p["code"], p["chain"], p["seq"], p["last_seq"]) for p in listed]


def last_seq(sessions: sessionmaker[Session], chain: str = CHAIN) -> int:
    with sessions() as s:
        return audit_seals.last_seqs(s)[chain]


def forge_case_edit(sessions: sessionmaker[Session], case_no: str) -> int:
    """The applicant renamed, the newest entry about the case made to record it, the chain computed again."""
    drop_triggers(sessions, ["audit_entry"])
    chain, seq = newest_entry_about(sessions, case_no)
    assert chain == CHAIN
    with sessions.begin() as s:
        s.execute(text("UPDATE \"case\" SET applicant_name = '李四' WHERE case_no = :no"), {"no": case_no})
        state = row_state(s, AuditAction.CASE_TAKEN.value, case_no)
        s.execute(text("UPDATE audit_entry SET state = :state WHERE chain = :c AND seq = :seq"),
                  {"state": state, "c": chain, "seq": seq})  # fmt: skip
    rechain(sessions, chain)
    return seq


def add_entries(sessions: sessionmaker[Session], count: int) -> None:
    with sessions.begin() as s:
        for n in range(count):
            record_at_desk(s, Desk(IDENTITY, "乌兰"), AuditAction.PRINTED, f"note-{n}", {"ok": True})


def test_a_rechained_trail_after_a_seal_is_reported_with_its_chain_and_range(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], facts: Facts
) -> None:
    assert main(["audit", "seal", "--db", db]) == 0
    assert "第 1 号封签" in capsys.readouterr().out
    sealed = last_seq(sessions)
    assert verify(capsys, db)[0] == 0
    assert main(["audit", "seal", "--json", "--db", db]) == 0  # a second seal, for a script
    second = json.loads(capsys.readouterr().out)
    assert (second["no"], len(second["digest"])) == (2, 64)
    assert second["entries"] >= sealed

    forge_case_edit(sessions, facts.accepted)
    code, report = verify(capsys, db)
    assert code == 1
    # the chain is whole again and the case agrees with its entry: only the seal tells
    assert problems(report) == [("sealed_rewritten", CHAIN, 1, sealed)]
    assert report["mismatches"] == []
    assert main(["audit", "verify", "--db", db]) == 1
    out = capsys.readouterr().out
    assert f"链 {CHAIN} 第1至{sealed}条：与签名封签不符" in out


def test_later_seals_narrow_where_the_rewrite_began(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], facts: Facts
) -> None:
    with sessions.begin() as s:
        seal_trail(s)
    first = last_seq(sessions)
    add_entries(sessions, 3)
    with sessions.begin() as s:
        record_at_desk(s, Desk(IDENTITY, "乌兰"), AuditAction.CASE_CHANGED, facts.unsent, {"event": "noted"})
    add_entries(sessions, 2)
    with sessions.begin() as s:
        seal_trail(s)
    second = last_seq(sessions)
    assert second == first + 6

    forge_case_edit(sessions, facts.unsent)  # its newest entry is after the first seal, before the second
    code, report = verify(capsys, db)
    assert code == 1
    assert problems(report) == [("sealed_rewritten", CHAIN, first + 1, second)]


def test_entries_after_the_newest_seal_are_counted_not_broken(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    code, report = verify(capsys, db)
    assert (code, report["seals"], report["unsealed"]) == (0, 0, report["entries"])
    with sessions.begin() as s:
        made = seal_if_key_here(s)
    assert made is not None
    add_entries(sessions, 2)
    code, report = verify(capsys, db)
    assert (code, report["seals"], report["unsealed"]) == (0, 1, 2)
    with sessions() as s:
        site = this_site(s)
    # the fingerprint the site's card prints and its peers hold, over all its public keys, not the signing key's
    assert report["seal_key_fingerprint"] == site.fingerprint != key_fingerprint(site.public_key)
    assert main(["audit", "verify", "--db", db]) == 0
    assert "最后一次封存之后尚未封存的记录 2 条" in capsys.readouterr().out


def test_a_seal_signed_with_another_key_or_removed_is_reported(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    for _ in range(3):
        with sessions.begin() as s:
            seal_trail(s)
    with sessions() as s:
        tips = audit_seals.chain_tips(s)
        newest = audit_seals.newest_seal(s)
    assert newest is not None
    payload = seal_payload(4, "XAM01", utcnow(), payload_digest(newest.payload), tips)
    with sessions.begin() as s:
        audit_seals.add_seal(s, utcnow(), payload, sign(Ed25519PrivateKey.generate(), payload.encode("utf-8")))
    drop_triggers(sessions, ["audit_seal"])
    with sessions.begin() as s:
        s.execute(text("DELETE FROM audit_seal WHERE id = 2"))
    code, report = verify(capsys, db)
    assert code == 1
    # seal 2 was anchored beside the key when seal 3 was made: this machine's file names it too
    assert problems(report) == [("seal_forged", "", 4, 4), ("seal_missing", "", 2, 2), ("seal_unanchored", "", 2, 2)]


def test_a_site_key_replaced_in_the_database_is_reported_where_the_key_file_is(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], facts: Facts
) -> None:
    """The forger's own key in the settings and a seal made with it: the seals agree, the key file does not."""
    with sessions.begin() as s:
        seal_trail(s)
    forge_case_edit(sessions, facts.accepted)
    forger = Ed25519PrivateKey.generate()
    drop_triggers(sessions, ["audit_seal"])
    with sessions.begin() as s:
        s.execute(text("DELETE FROM audit_seal"))
        replaced = {"key": public_key_text(forger)}
        s.execute(text("UPDATE setting SET value = :key WHERE key = 'site.public_key'"), replaced)
        payload = seal_payload(1, "XAM01", utcnow(), "0" * 64, audit_seals.chain_tips(s))
        audit_seals.add_seal(s, utcnow(), payload, sign(forger, payload.encode("utf-8")))
    code, report = verify(capsys, db)
    assert code == 1
    # the key row written in SQL: its mark under the trail key no longer holds either
    assert problems(report) == [("seal_key_replaced", "", 0, 0), ("row_mark_altered", "setting:site.public_key", 0, 0)]
    with sessions() as s:
        card = this_site(s)
    assert card.public_key == public_key_text(forger)
    assert report["seal_key_fingerprint"] == card.fingerprint  # to compare with the card the peers hold: not it


def test_a_desk_without_the_key_cannot_seal(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    paths.site_key_path().unlink()
    assert main(["audit", "seal", "--db", db]) == 1
    assert str(paths.site_key_path()) in capsys.readouterr().err
    with sessions.begin() as s:
        assert seal_if_key_here(s) is None


def test_a_damaged_encryption_key_is_named_as_that_key_when_sealing(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    """A site set up before sealed packages gets its encryption key as it seals: a bad file there is that file's."""
    with sessions.begin() as s:
        s.execute(text("DELETE FROM setting WHERE key = 'site.encryption_key'"))
    damaged = encryption_key_path(paths.site_key_path())
    damaged.write_text("not a key")
    assert main(["audit", "seal", "--db", db]) == 1
    assert ENCRYPTION_KEY_PROBLEM["not_a_key"].format(path=damaged) in capsys.readouterr().err


def test_a_folder_where_the_anchors_file_should_be_is_named_and_the_seal_still_made(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture
) -> None:
    """The second seal anchors the first beside the key: a folder standing there made it an unexpected error
    (IsADirectoryError), and every backup and sync export on the key's machine with it.  The seal is made all the
    same (one seal unanchored is worth more than no seal), the folder is left for support, and the command says
    which seal went unanchored and where (exit 1, a problem to fix); once the file is back the next seal anchors."""
    assert main(["audit", "seal", "--db", db]) == 0
    anchors = anchors_path(paths.site_key_path())
    assert not anchors.exists()  # the first seal has none before it to anchor
    anchors.mkdir()
    add_entries(sessions, 2)
    capsys.readouterr()
    assert main(["audit", "seal", "--db", db]) == 1
    out, err = capsys.readouterr()
    assert "第 2 号封签" in out
    assert err.strip() == AUDIT_NOT_ANCHORED.format(no=1, path=anchors)
    assert str(anchors) in caplog.text
    assert anchors.is_dir()
    with sessions.begin() as s:  # as a backup or a sync export seals: made, and said unanchored
        made = seal_if_key_here(s)
    assert made is not None
    assert (made.no, made.unanchored) == (3, str(anchors))
    code, report = verify(capsys, db)  # the anchors not read: said, not reported as checked against them
    assert (code, problems(report)) == (1, [("seal_anchors_unreadable", "", 0, 0)])

    anchors.rmdir()
    assert main(["audit", "seal", "--db", db, "--json"]) == 0
    assert "unanchored" not in json.loads(capsys.readouterr().out)
    assert read_anchor_log(anchors).anchors.keys() == {3}


@pytest.mark.parametrize("damage", ["a folder", "unreadable"])
def test_anchors_that_cannot_be_read_are_a_problem_of_verify_not_a_trail_verified_against_them(
    capsys: pytest.CaptureFixture[str],
    db: str,
    sessions: sessionmaker[Session],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    damage: str,
) -> None:
    """With the anchors' file a folder, or one the system does not let this account read, verify said nothing of the
    anchors and reported the trail verified: a seal deleted, which the anchors alone reveal, would have passed as
    checked.  It now says, in its own line, that the anchors could not be read (exit 1, as its other problems), the
    file and why in the log; once the file is readable a seal deleted is named by them again."""
    for _ in range(3):
        with sessions.begin() as s:
            seal_trail(s)
    anchors = anchors_path(paths.site_key_path())
    assert read_anchor_log(anchors).anchors.keys() == {1, 2}
    kept = anchors.read_bytes()
    if damage == "a folder":
        anchors.unlink()
        anchors.mkdir()
    else:  # as root in the tests, a mode of 000 is read all the same: the system's refusal, as it comes
        denied = PermissionError(13, "Permission denied")
        monkeypatch.setattr(f"{seal_anchors.__name__}.read_bounded", lambda *_: (_ for _ in ()).throw(denied))
    code, report = verify(capsys, db)
    assert (code, problems(report)) == (1, [("seal_anchors_unreadable", "", 0, 0)])
    assert str(anchors) in caplog.text
    assert main(["audit", "verify", "--db", db]) == 1
    said = capsys.readouterr().out
    assert trail_problem_text(TrailProblem(TrailProblemCode.SEAL_ANCHORS_UNREADABLE, "", 0)) in said
    assert "封签记录读不了" in said

    if damage == "a folder":
        anchors.rmdir()
        anchors.write_bytes(kept)
    else:  # not monkeypatch.undo(): it would undo the test's own home folder too
        monkeypatch.setattr(f"{seal_anchors.__name__}.read_bounded", read_bounded)
    drop_triggers(sessions, ["audit_seal"])
    with sessions.begin() as s:
        s.execute(text("DELETE FROM audit_seal WHERE id = 2"))
    code, report = verify(capsys, db)
    assert (code, problems(report)) == (1, [("seal_missing", "", 2, 2), ("seal_unanchored", "", 2, 2)])
