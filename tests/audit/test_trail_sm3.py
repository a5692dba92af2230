"""The audit trail under SM3: new entries chained with HMAC-SM3 under a key outside the database, beside SHA-256.

Before, every entry was chained with SHA-256, which whoever can write the database can compute again after an edit.
Now, from the first seal on the machine that holds the site's key, each entry written there is chained with
HMAC-SM3 under the site's trail key (``keys/site-trail-sm3.key``, 0600); the entries written before keep SHA-256.
``audit verify`` checks both, names which algorithm each span of a chain uses, and, where the key is not, counts
the HMAC-SM3 entries it could not check instead of calling them edited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.site import this_site
from counter.audit.chain import GENESIS, AuditFields, ChainAlg, NoTrailKey, entry_hash
from counter.cli.main import main
from counter.host.keys.trail_key import trail_key_path
from counter.host.machine import paths
from tests.audit.tampering import drop_triggers, rechain
from tests.audit.test_seals import CHAIN, add_entries, problems, verify


@pytest.fixture
def db(db_path: Path, sessions: sessionmaker[Session]) -> str:
    """The audit template, on a site whose key file is on this machine."""
    with sessions.begin() as s:
        this_site(s)
    return f"sqlite:///{db_path}"


def spans(report: dict[str, object], chain: str = CHAIN) -> list[tuple[str, int, int]]:
    listed = report["spans"]
    assert isinstance(listed, list)
    return [(s["alg"], s["first"], s["last"]) for s in listed if s["chain"] == chain]


def sealed_then_two_entries(capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]) -> int:
    """The first seal makes the trail key; the two entries after it are chained under HMAC-SM3.  The last SHA-256
    number of the chain."""
    assert main(["audit", "seal", "--db", db]) == 0
    capsys.readouterr()
    with sessions() as s:
        before = int(s.execute(text("SELECT max(seq) FROM audit_entry WHERE chain = :c"), {"c": CHAIN}).scalar_one())
    add_entries(sessions, 2)
    return before


def test_sm3_is_the_national_hash_by_its_standards_vector() -> None:
    digest = hashes.Hash(hashes.SM3())
    digest.update(b"abc")  # GB/T 32905-2016, appendix A.1
    assert digest.finalize().hex() == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"


def test_an_hmac_sm3_entry_needs_the_key_and_names_its_algorithm_in_what_is_hashed() -> None:
    fields = AuditFields(CHAIN, 1, dt.datetime(2026, 11, 20, 2, 30), "wulan", "XAM01", "8", "printed", "x", "{}",
                         alg=ChainAlg.HMAC_SM3.value)  # fmt: skip
    with pytest.raises(NoTrailKey):
        entry_hash(GENESIS, fields)
    one, other = entry_hash(GENESIS, fields, b"k" * 32), entry_hash(GENESIS, fields, b"j" * 32)
    assert len(one) == 64
    assert one != other
    assert entry_hash(GENESIS, dataclasses.replace(fields, alg=ChainAlg.SHA256.value)) != one


@pytest.mark.slow
def test_entries_after_the_first_seal_are_chained_under_hmac_sm3_and_verify_names_both_spans(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    before = sealed_then_two_entries(capsys, db, sessions)
    key_file = trail_key_path(paths.site_key_path())
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    with sessions() as s:
        algs = s.execute(text("SELECT alg FROM audit_entry WHERE chain = :c ORDER BY seq"), {"c": CHAIN}).scalars()
        assert list(algs)[-3:] == ["", "hmac-sm3", "hmac-sm3"]
        dump = "\n".join(s.connection().connection.driver_connection.iterdump())  # type: ignore[union-attr]
    assert key_file.read_bytes().hex() not in dump  # the key is not in the database
    code, report = verify(capsys, db)
    assert (code, problems(report), report["unchecked"]) == (0, [], 0)
    assert spans(report) == [("SHA-256", 1, before), ("HMAC-SM3", before + 1, before + 2)]
    assert main(["audit", "verify", "--db", db]) == 0
    assert f"链 {CHAIN} 的串链算法：第1至{before}条 SHA-256；第{before + 1}至{before + 2}条 HMAC-SM3" in (
        capsys.readouterr().out
    )


def test_an_edit_recomputed_without_the_key_is_caught_under_hmac_sm3(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    before = sealed_then_two_entries(capsys, db, sessions)
    drop_triggers(sessions, ["audit_entry"])
    with sessions.begin() as s:  # the newest entry's detail changed, its chain computed again without the key
        s.execute(text("UPDATE audit_entry SET detail = :d WHERE chain = :c AND seq = :n"),
                  {"d": '{"ok":false}', "c": CHAIN, "n": before + 2})  # fmt: skip
    rechain(sessions, CHAIN, key=b"\0" * 32)
    code, report = verify(capsys, db)
    assert code == 1
    assert problems(report) == [("edited", CHAIN, before + 1, before + 1), ("edited", CHAIN, before + 2, before + 2)]


def test_sealed_hmac_sm3_entries_cannot_be_passed_off_as_sha256(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    before = sealed_then_two_entries(capsys, db, sessions)
    assert main(["audit", "seal", "--db", db]) == 0  # seals the two HMAC-SM3 entries
    add_entries(sessions, 1)
    capsys.readouterr()
    drop_triggers(sessions, ["audit_entry"])
    with sessions.begin() as s:  # the newest, not yet sealed, said to be SHA-256 and its hash made so
        s.execute(text("UPDATE audit_entry SET alg = '' WHERE chain = :c AND seq = :n"), {"c": CHAIN, "n": before + 3})
    rechain(sessions, CHAIN)
    code, report = verify(capsys, db)
    assert (code, problems(report)) == (1, [("chain_downgraded", CHAIN, before + 3, before + 3)])
    with sessions.begin() as s:  # every HMAC-SM3 entry said to be SHA-256: the seal over them no longer holds
        s.execute(text("UPDATE audit_entry SET alg = '' WHERE chain = :c"), {"c": CHAIN})
    rechain(sessions, CHAIN)
    code, report = verify(capsys, db)
    assert (code, problems(report)) == (1, [("sealed_rewritten", CHAIN, before + 1, before + 2)])


def test_a_copy_checked_where_the_key_is_not_counts_the_sm3_entries_and_accuses_none(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    sealed_then_two_entries(capsys, db, sessions)
    keys = paths.site_key_path().parent
    shutil.move(keys, tmp_path / "keys-elsewhere")  # a support engineer's copy: no key folder on this machine
    code, report = verify(capsys, db)
    assert (code, problems(report), report["unchecked"]) == (0, [], 2)
    assert main(["audit", "verify", "--db", db]) == 0
    assert "用 HMAC-SM3 串链的记录 2 条未在本机校验" in capsys.readouterr().out
    assert json.dumps(report["spans"])


@pytest.mark.parametrize("damage", ["cut short", "a folder"])
def test_a_damaged_trail_key_is_kept_and_the_trail_sealed_and_chained_without_it(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], damage: str
) -> None:
    """A trail key file that is not a key (cut short by a full disk, a folder copied over it) is left as it is, maybe
    the only copy of the key: ``audit seal`` seals, the entries after it are chained with SHA-256 as on a machine
    without the key, and verify finds nothing edited.  It failed as an unexpected error."""
    key_file = trail_key_path(paths.site_key_path())
    key_file.parent.mkdir(parents=True, exist_ok=True)
    if damage == "cut short":
        key_file.write_bytes(b"\x17" * 5)
    else:
        key_file.mkdir()
    assert main(["audit", "seal", "--db", db]) == 0
    assert "第 1 号封签" in capsys.readouterr().out
    add_entries(sessions, 2)
    assert key_file.read_bytes() == b"\x17" * 5 if damage == "cut short" else key_file.is_dir()
    with sessions() as s:
        algs = s.execute(text("SELECT alg FROM audit_entry WHERE chain = :c ORDER BY seq"), {"c": CHAIN}).scalars()
        assert list(algs)[-2:] == ["", ""]
    code, report = verify(capsys, db)
    assert (code, problems(report), report["unchecked"]) == (0, [], 0)
