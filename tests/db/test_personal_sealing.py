"""Personal data sealed in place: rows listed in clear by the sealing after an opening, every value again by a key
rotation.

Each is a batch to a transaction; killed half way (an error injected after two batches) and run again, it finishes
with every row sealed and readable, found by ID number and by phone, and nothing lost.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.outbox.messages import save_gateway
from counter.case.lookup import read_lookup
from counter.case.numbers import DeskIdentity
from counter.db import models, sealing
from counter.db.case_lists import cases_found
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.db.party_store import find_party
from counter.db.sealed import (
    UNREADABLE,
    case_index_values,
    index_of,
    key_id_of,
    lookup_index,
    seal,
    search_index,
    unseal,
    unseal_to_send,
)
from counter.host.keys.data_key import (
    INDEX_KEY_BYTES,
    SM4_KEY_BYTES,
    DataKeyDamaged,
    KeyFileProblem,
    data_key_folder,
    ensure_data_keys,
    index_key_path,
    making_index_path,
    read_data_keys,
    sm4_key_path,
)
from counter.host.machine.paths import site_key_path
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_messages import GATEWAY
from tests.conftest import made_database
from tests.pg_server import CATALOG, FreshDatabases

DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")
PEOPLE = [
    (
        make_id_number("152201", dt.date(1960 + n, 1 + n, 2 + n), 100 + n),
        f"1390482{n:04d}",
        f"乌兰浩特市兴安路{n + 1}号",
    )
    for n in range(5)
]
SEALED_CASE_COLUMNS = ("applicant_id_no", "applicant_phone", "applicant_address", "notify_phone")


def take_cases(sessions: sessionmaker[Session]) -> list[str]:
    with sessions.begin() as s:
        save_gateway(s, GATEWAY, desk=DESK)  # each intake queues its SMS: the outbox holds the phone
    return [
        take(sessions, DESK, full_request(sessions, Parties(Applicant(ApplicantKind.PERSON, "那仁", i, p, a))))
        for i, p, a in PEOPLE
    ]


def _stored(engine: Engine) -> list[str]:
    """Every personal value as the database holds it."""
    with engine.connect() as c:
        values = [v for row in c.execute(text(f'SELECT {", ".join(SEALED_CASE_COLUMNS)} FROM "case"')) for v in row]
        values += [v for row in c.execute(text("SELECT id_no, phone, address FROM party")) for v in row]
        values += list(c.execute(text("SELECT phone FROM outbox_message")).scalars())
    return [v for v in values if v]


def _killed_after(batches: int, monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Every batch two rows, and the batch after ``batches`` failing as a kill would stop it; the call it returns
    puts the work back as it was (``monkeypatch.undo`` would also undo the test's own home folder)."""
    monkeypatch.setattr(sealing, "BATCH", 2)
    original: Callable[..., tuple[int, int]] = sealing._reseal
    done = [0]

    def reseal(*args: Any) -> tuple[int, int]:
        if done[0] == batches:
            raise RuntimeError("killed")
        done[0] += 1
        return original(*args)

    monkeypatch.setattr(sealing, "_reseal", reseal)
    return lambda: monkeypatch.setattr(sealing, "_reseal", original)


def _all_readable(sessions: sessionmaker[Session], numbers: list[str]) -> None:
    with sessions() as s:
        cases = {c.case_no: c for c in s.scalars(select(models.Case))}
        for number, (id_no, phone, address) in zip(numbers, PEOPLE, strict=True):
            case = cases[number]
            assert (case.applicant_id_no, case.applicant_phone, case.applicant_address) == (id_no, phone, address)
            for typed in (id_no, phone):
                lookup = read_lookup(typed)
                assert lookup is not None
                found = cases_found(s, lookup, TODAY - dt.timedelta(days=30), 10).rows
                assert [row.case_no for row in found] == [number]
            party = find_party(s, id_no)
            assert party is not None
            assert (party.id_no, party.phone, party.address) == (id_no, phone, address)
        assert sorted(m.phone for m in s.scalars(select(models.OutboxMessage))) == sorted(p for _, p, _ in PEOPLE)


def test_the_keys_are_files_beside_the_site_key_made_once_0600(tmp_path: Path) -> None:
    site = tmp_path / "keys" / "site.key"
    assert read_data_keys(site).current is None
    keys = ensure_data_keys(site)
    assert keys.current == 1
    assert ensure_data_keys(site) == keys
    for path, size in ((sm4_key_path(site, 1), SM4_KEY_BYTES), (index_key_path(site), INDEX_KEY_BYTES)):
        assert path.stat().st_size == size
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("cut_after", ["the staged index key", "the SM4 key"])
def test_a_first_making_cut_short_is_finished_not_taken_for_a_lost_key(tmp_path: Path, cut_after: str) -> None:
    """The power lost between the first making's files: nothing was sealed yet, so the next sealing finishes it
    with the index key it staged, where an SM4 key alone, with nothing staged, is one whose index key was lost."""
    site = tmp_path / "keys" / "site.key"
    site.parent.mkdir()
    staged = b"\x05" * INDEX_KEY_BYTES
    making_index_path(site).write_bytes(staged)
    if cut_after == "the SM4 key":
        sm4_key_path(site, 1).write_bytes(b"\x06" * SM4_KEY_BYTES)
    assert read_data_keys(site).damaged == ()
    keys = ensure_data_keys(site)
    assert (keys.current, keys.index, keys.damaged) == (1, staged, ())
    assert not making_index_path(site).exists()
    assert ensure_data_keys(site) == keys


def test_a_lost_index_key_is_never_made_anew_over_what_it_indexed() -> None:
    """An intake taken, then the index key lost with the SM4 key still there: a new index key made silently would
    have F7 find none of the cases taken before, without a word.  The next intake is refused by name instead, and F7
    by number says the key is damaged; once the file is put back, the case is found again."""
    id_no = PEOPLE[0][0]
    site = site_key_path()
    key = ensure_data_keys(site).index
    assert key is not None
    indexed = index_of(id_no)
    damaged(index_key_path(site), "missing")
    with pytest.raises(DataKeyDamaged) as refused:
        case_index_values({"applicant_id_no": PEOPLE[1][0]})
    assert (refused.value.path, refused.value.problem) == (index_key_path(site), KeyFileProblem.MISSING)
    with pytest.raises(DataKeyDamaged):
        seal(PEOPLE[1][0])  # nothing sealed that could not be found by number
    assert not index_key_path(site).exists()
    with pytest.raises(DataKeyDamaged):
        search_index(id_no)
    put_back(index_key_path(site), key)
    assert search_index(id_no) == indexed


def test_a_value_is_sealed_with_a_fresh_nonce_under_its_key_id_and_reads_as_a_placeholder_without_it() -> None:
    one, two = seal("152201197505042113"), seal("152201197505042113")
    assert one != two
    assert one.startswith("s4:1:")
    assert key_id_of(one) == 1
    assert unseal(one) == unseal(two) == "152201197505042113"
    assert index_of("152201197505042113") == index_of(" 152201197505042113 ") != index_of("152201197505042114")
    assert unseal(one.replace("s4:1:", "s4:7:")) == UNREADABLE  # a key not on this machine
    tampered = one[:-6] + ("A" if one[-6] != "A" else "B") + one[-5:]
    assert unseal(tampered) == UNREADABLE
    assert unseal("13904821111") == "13904821111"  # written before the sealing reached it
    for path in site_key_path().parent.glob("site-data-*"):
        path.unlink()
    assert unseal(one) == UNREADABLE  # a support engineer's copy: no key, no crash


@pytest.mark.slow
def test_a_rotation_killed_half_way_and_asked_again_moves_every_value_to_the_new_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(made_database(tmp_path / "desk.sqlite3"))
    sessions = make_sessions(engine)
    numbers = take_cases(sessions)
    assert {key_id_of(v) for v in _stored(engine)} == {1}

    revived = _killed_after(2, monkeypatch)
    with pytest.raises(RuntimeError, match="killed"):
        sealing.start_rotation(engine)
    assert {key_id_of(v) for v in _stored(engine)} == {1, 2}  # half way: both keys kept, both open
    assert sorted(read_data_keys(site_key_path()).sm4) == [1, 2]
    _all_readable(sessions, numbers)

    revived()
    key_id, done = sealing.start_rotation(engine)  # asked again: the rotation under way is finished, not restarted
    assert key_id == 2
    assert done.unreadable == 0
    assert {key_id_of(v) for v in _stored(engine)} == {2}
    assert sorted(read_data_keys(site_key_path()).sm4) == [2]  # the old key gone once nothing is under it
    _all_readable(sessions, numbers)


@pytest.mark.pg
def test_on_postgresql_clear_rows_and_a_rotation_each_killed_half_way_finish_readable(
    fresh_pg: FreshDatabases, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions = fresh_pg.sessions(CATALOG)
    engine = sessions.kw["bind"]
    numbers = take_cases(sessions)
    with engine.begin() as c:  # as written before the sealing: in clear, no keyed index, the party by its number
        for number, (id_no, phone, address) in zip(numbers, PEOPLE, strict=True):
            c.execute(
                text(
                    'UPDATE "case" SET applicant_id_no = :i, applicant_phone = :p, applicant_address = :a,'
                    " notify_phone = :p, applicant_id_key = '', applicant_phone_key = '', notify_phone_key = ''"
                    " WHERE case_no = :n"
                ),
                {"i": id_no, "p": phone, "a": address, "n": number},
            )
            c.execute(
                text("UPDATE party SET id_key = :i, id_no = '', phone = :p, address = :a WHERE id_key = :k"),
                {"i": id_no, "p": phone, "a": address, "k": index_of(id_no)},
            )
        c.execute(text("INSERT INTO data_sealing (job, key_id) VALUES ('seal', 0)"))
    assert {v for v in _stored(engine) if not v.startswith("s4:")} == {v for person in PEOPLE for v in person}

    revived = _killed_after(2, monkeypatch)
    with pytest.raises(RuntimeError, match="killed"):
        upgrade(engine)
    revived()
    upgrade(engine)
    assert all(v.startswith("s4:1:") for v in _stored(engine))
    _all_readable(sessions, numbers)

    revived = _killed_after(2, monkeypatch)
    with pytest.raises(RuntimeError, match="killed"):
        sealing.start_rotation(engine)
    revived()
    assert sealing.start_rotation(engine)[0] == 2
    assert {key_id_of(v) for v in _stored(engine)} == {2}
    _all_readable(sessions, numbers)


@pytest.mark.parametrize("damage", ["missing", "cut short", "a folder"])
def test_a_value_whose_key_file_is_damaged_reads_as_the_placeholder_never_a_crash(damage: str) -> None:
    """The key a value was sealed under gone, cut short or a folder in its place: the value reads as sealed (a
    support engineer's copy, a damaged disk), the rest of the page still shows."""
    sealed = seal("152201197505042113")
    key_file = sm4_key_path(site_key_path(), 1)
    key_file.unlink()
    if damage == "cut short":
        key_file.write_bytes(b"\x01" * (SM4_KEY_BYTES - 1))
    elif damage == "a folder":
        key_file.mkdir()
    # the keys are listed again when their folder's time of change moves; damage done within the clock's tick of
    # the sealing (a few ms) would leave it where it was: the damage is dated a second later, as it comes in life
    later = key_file.parent.stat().st_mtime_ns + 1_000_000_000
    os.utime(key_file.parent, ns=(later, later))
    assert unseal(sealed) == UNREADABLE
    assert unseal("13904821111") == "13904821111"


def test_a_file_where_the_key_folder_should_be_holds_no_keys(tmp_path: Path) -> None:
    """A file named as the keys' folder (a copy gone wrong): no keys read from it, nothing raised."""
    site = tmp_path / "keys" / "site.key"
    data_key_folder(site).write_bytes(b"")
    keys = read_data_keys(site)
    assert (keys.current, keys.index) == (None, None)


def damaged(path: Path, damage: str) -> None:
    """``path``'s key damaged as ``damage`` says, dated a second later (see the test above)."""
    path.unlink()
    if damage == "cut short":
        path.write_bytes(b"\x01" * 5)
    elif damage == "a folder":
        path.mkdir()
    later = path.parent.stat().st_mtime_ns + 1_000_000_000
    os.utime(path.parent, ns=(later, later))


def put_back(path: Path, key: bytes) -> None:
    """``path``'s key put back from its copy over the damage :func:`damaged` did, dated two seconds later: past the
    damage's own date, which the putting back within the same clock tick would otherwise meet."""
    if path.is_dir():
        path.rmdir()
    else:
        path.unlink(missing_ok=True)
    path.write_bytes(key)
    later = path.parent.stat().st_mtime_ns + 2_000_000_000
    os.utime(path.parent, ns=(later, later))


@pytest.mark.parametrize(
    ("which", "damage", "problem"),
    [
        ("sm4", "cut short", KeyFileProblem.WRONG_SIZE),
        ("sm4", "a folder", KeyFileProblem.NOT_A_FILE),
        ("sm4", "missing", KeyFileProblem.MISSING),  # the index key made with it still there
        ("index", "cut short", KeyFileProblem.WRONG_SIZE),
        ("index", "a folder", KeyFileProblem.NOT_A_FILE),
        ("index", "missing", KeyFileProblem.MISSING),  # the SM4 key made with it still there
    ],
)
def test_a_damaged_key_is_named_at_sealing_and_never_replaced(
    which: str, damage: str, problem: KeyFileProblem, caplog: pytest.LogCaptureFixture
) -> None:
    """Sealing with a damaged key refuses by name (once the keys are listed, not as an assertion deep in sealing),
    and leaves the file as it is: maybe the only copy of the key the values so far were sealed under, whose
    replacement by a new key of the same id would leave them unreadable even once it is put back."""
    sealed = seal("152201197505042113")
    site = site_key_path()
    key_file = sm4_key_path(site, 1) if which == "sm4" else index_key_path(site)
    damaged(key_file, damage)
    for sealing_call in (lambda: seal("13904821111"), lambda: index_of("13904821111"), lambda: case_index_values({})):
        with pytest.raises(DataKeyDamaged) as refused:
            sealing_call()
        assert (refused.value.path, refused.value.problem) == (key_file, problem)
    assert str(key_file) in caplog.text  # which file and what is wrong, for support
    if damage == "cut short":
        assert key_file.read_bytes() == b"\x01" * 5
    elif damage == "a folder":
        assert key_file.is_dir()
    else:
        assert not key_file.exists()  # no new key of the same id
    assert unseal(sealed) == (UNREADABLE if which == "sm4" else "152201197505042113")  # reading goes on
    if which == "index":  # a search by number says so, rather than finding nobody
        assert lookup_index("152201197505042113") is None
        with pytest.raises(DataKeyDamaged):
            search_index("152201197505042113")
    else:  # the index key whole: found by number as before
        assert search_index("152201197505042113") == lookup_index("152201197505042113") is not None


def test_a_value_its_key_cannot_open_is_never_sent_on_as_the_placeholder() -> None:
    """What leaves the machine (a sync package) is opened strictly: a value sealed under a key made anew since, or
    under a key gone, raises by name where the screen reads the placeholder."""
    sealed = seal("152201197505042113")
    assert unseal_to_send(sealed) == "152201197505042113"
    assert unseal_to_send("13904821111") == "13904821111"  # written before the sealing reached it
    key_file = sm4_key_path(site_key_path(), 1)
    damaged(key_file, "missing")
    key_file.write_bytes(b"\x07" * SM4_KEY_BYTES)  # a key of the same id, not the one it was sealed under
    assert unseal(sealed) == UNREADABLE
    with pytest.raises(DataKeyDamaged) as refused:
        unseal_to_send(sealed)
    assert (refused.value.path, refused.value.problem) == (key_file, KeyFileProblem.NOT_ITS_KEY)
    with pytest.raises(DataKeyDamaged) as refused:
        unseal_to_send(sealed.replace("s4:1:", "s4:3:"))
    assert (refused.value.path, refused.value.problem) == (sm4_key_path(site_key_path(), 3), KeyFileProblem.MISSING)
