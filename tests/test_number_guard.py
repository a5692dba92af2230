"""A number once issued is never issued again: not after a damaged write-ahead log, not from a counter behind.

Every intake goes through ``counter case take`` in its own process, as a script at the desk would.  The damaged log
is made the way a power cut makes one: the database is left with its ``-wal`` file not yet checkpointed (another
connection holds it open while the intakes commit, so no process is the last to close it), and bytes are changed in
the frames of the last two transactions.  SQLite then stops reading the log at the first bad frame, silently.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import sqlite3
import struct
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.conftest import REPO, made_database
from tests.entrusted import ACTS_OPTION, ENTRUSTMENT
from tests.test_cli import run
from tests.test_cli_decisions import FOOD, deferred_case

EXAMPLE = json.loads((REPO / "docs" / "examples" / "intake-xiaocanguan.json").read_text(encoding="utf-8"))
WAL_HEADER, FRAME_HEADER = 32, 24


def counter(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COUNTER_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "counter", *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def request_file(home: Path, uid: str) -> Path:
    """An intake request named ``uid``; its uid the 32 hex digits a request carries, made from the name."""
    request = home.parent / f"{uid}.json"
    body = {**EXAMPLE, "uid": uuid.uuid5(uuid.NAMESPACE_URL, uid).hex}
    request.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return request


def take(home: Path, uid: str) -> subprocess.CompletedProcess[str]:
    return counter(home, "case", "take", str(request_file(home, uid)), "--json")


def taken(home: Path, label: str) -> str:
    done = take(home, label)
    assert done.returncode == 0, done.stderr
    return str(json.loads(done.stdout)["case_no"])


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    assert counter(home, "desk", "--site", "XAM01", "--desk", "8", "--clerk", "乌兰").returncode == 0
    assert counter(home, "catalog", "list").returncode == 0  # the first start: database and catalog
    return home


def commit_frames(wal: bytes) -> list[int]:
    """The offsets of the log's frames that end a transaction (their header gives the database's size)."""
    page_size = struct.unpack(">I", wal[8:12])[0]
    offsets, offset = [], WAL_HEADER
    while offset + FRAME_HEADER + page_size <= len(wal):
        if struct.unpack(">I", wal[offset + 4 : offset + 8])[0]:
            offsets.append(offset)
        offset += FRAME_HEADER + page_size
    return offsets


def test_a_damaged_log_is_found_and_no_number_is_reused(desk: Path) -> None:
    database = desk / "counter.sqlite3"
    holder = sqlite3.connect(database)  # keeps the log from being checkpointed when each command closes
    holder.execute("SELECT count(*) FROM sqlite_master").fetchall()
    numbers = [taken(desk, f"wal-{n}") for n in range(3)]
    kept = Path(f"{database}-wal").stat().st_size  # where the log stands after the third intake's transactions
    numbers += [taken(desk, f"wal-{n}") for n in range(3, 5)]
    assert len(set(numbers)) == 5
    main, wal = database.read_bytes(), Path(f"{database}-wal").read_bytes()
    holder.close()  # the last connection: SQLite checkpoints and removes the log, so put both back as they were
    database.write_bytes(main)
    Path(f"{database}-shm").unlink(missing_ok=True)
    commits = commit_frames(wal)
    assert len(commits) >= 5
    # the first frame after the third intake: a command's intake may leave more than one commit in the log (what it
    # records beside the case), so the cut is placed where the log stood then, not counted back from its end
    first_lost = kept
    assert first_lost in {c + FRAME_HEADER + struct.unpack(">I", wal[8:12])[0] for c in commits}
    damaged = bytearray(wal)
    for i in range(first_lost + FRAME_HEADER + 100, first_lost + FRAME_HEADER + 116):
        damaged[i] ^= 0xFF
    Path(f"{database}-wal").write_bytes(bytes(damaged))

    listed = json.loads(counter(desk, "case", "list", "--json").stdout)
    assert {row["case_no"] for row in listed} == set(numbers[:3])  # the log's last two transactions are gone
    refused = take(desk, "wal-after")
    assert refused.returncode == 1
    assert numbers[-1] in refused.stderr  # the last number issued, named
    assert "counter restore" in refused.stderr
    again = json.loads(counter(desk, "case", "list", "--json").stdout)
    assert {row["case_no"] for row in again} == set(numbers[:3])  # nothing was numbered
    assert counter(desk, "db", "numbers").returncode == 1
    skipped = counter(desk, "db", "numbers", "--skip-issued")  # once someone has looked: number on above them
    assert skipped.returncode == 0, skipped.stderr
    assert numbers[-1] in skipped.stdout
    after = taken(desk, "wal-after")
    assert int(after.rsplit("-", 1)[1]) == int(numbers[-1].rsplit("-", 1)[1]) + 1


def test_a_normal_restart_goes_on_numbering(desk: Path) -> None:
    first = taken(desk, "restart-1")
    second = taken(desk, "restart-2")  # another process: a restart
    assert int(second.rsplit("-", 1)[1]) == int(first.rsplit("-", 1)[1]) + 1


def test_a_counter_behind_the_cases_is_refused(desk: Path) -> None:
    number = taken(desk, "behind-1")
    with sqlite3.connect(desk / "counter.sqlite3") as conn:
        conn.execute("UPDATE desk_counter SET last = 0 WHERE kind = 'case'")
    conn.close()
    refused = take(desk, "behind-2")
    assert refused.returncode == 1
    assert number in refused.stderr
    skipped = counter(desk, "db", "numbers", "--skip-issued")  # what the refusal tells the administrator to run
    assert skipped.returncode == 0, skipped.stderr
    after = taken(desk, "behind-2")
    assert int(after.rsplit("-", 1)[1]) == int(number.rsplit("-", 1)[1]) + 1


# The window as `counter` starts it; prints the banner once it shows (the check runs where the database opens, on
# the warm-up thread of a quick start), or nothing after a while; then it closes.
PROBE = """
import json
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from counter.ui.start.app import run
from counter.ui.mainwindow.main_window import MainWindow

app = QApplication(["counter"])
tries = [0]
def look():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
    tries[0] += 1
    if windows and windows[0].banner.isVisible() or tries[0] > 150:
        print(json.dumps({"banner": windows[0].banner.text() if windows else ""}))
        app.quit()
        return
    QTimer.singleShot(100, look)
QTimer.singleShot(0, look)
raise SystemExit(run(None, False, []))
"""


def banner_at_start(desk: Path) -> str:
    """What the window's banner says once the desk of ``desk`` has started (PROBE, in a process of its own)."""
    env = {**os.environ, "COUNTER_HOME": str(desk), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return str(json.loads(done.stdout.strip().splitlines()[-1])["banner"])


def test_the_window_says_so_at_start(desk: Path) -> None:
    number = taken(desk, "window-1")
    with sqlite3.connect(desk / "counter.sqlite3") as conn:
        conn.execute("UPDATE desk_counter SET last = 0 WHERE kind = 'case'")
    conn.close()
    banner = banner_at_start(desk)
    assert "本窗口暂停收件" in banner
    assert number in banner


def test_a_desk_set_to_another_sites_code_is_told_at_start(desk: Path) -> None:
    """The window's banner names both codes before anyone fills in an intake (the intake refuses it too)."""
    assert counter(desk, "site", "show").returncode == 0  # the database's site: XAM01
    assert counter(desk, "desk", "--site", "TWN02").returncode == 0
    banner = banner_at_start(desk)
    assert "站点代码与本数据库不符" in banner
    assert "本窗口设置的站点代码是 TWN02，但本数据库属于站点 XAM01" in banner


def test_a_damaged_log_that_lost_a_notice_does_not_number_it_again(desk: Path, tmp_path: Path) -> None:
    """A notice numbered after the day's last intake is noted outside the database like a case number."""
    database = desk / "counter.sqlite3"
    holder = sqlite3.connect(database)  # keeps the log from being checkpointed when each command closes
    holder.execute("SELECT count(*) FROM sqlite_master").fetchall()
    first, second = taken(desk, "notice-1"), taken(desk, "notice-2")
    before = len(commit_frames(Path(f"{database}-wal").read_bytes()))
    printed = counter(desk, "print", first, "--doc", "receipt", "--out", str(tmp_path / "first.pdf"))
    assert printed.returncode == 0, printed.stderr
    issued = printed.stdout.split()[0]
    main, wal = database.read_bytes(), Path(f"{database}-wal").read_bytes()
    holder.close()
    database.write_bytes(main)
    Path(f"{database}-shm").unlink(missing_ok=True)
    commits = commit_frames(wal)
    assert len(commits) > before
    first_lost = commits[before - 1] + FRAME_HEADER + struct.unpack(">I", wal[8:12])[0]  # the notice's first frame
    damaged = bytearray(wal)
    for i in range(first_lost + FRAME_HEADER + 100, first_lost + FRAME_HEADER + 116):
        damaged[i] ^= 0xFF
    Path(f"{database}-wal").write_bytes(bytes(damaged))

    refused = counter(desk, "print", second, "--doc", "receipt", "--out", str(tmp_path / "second.pdf"))
    assert refused.returncode == 1, refused.stdout
    assert issued in refused.stderr  # the last notice number issued, named
    assert "--skip-issued" in refused.stderr
    assert not (tmp_path / "second.pdf").exists()
    assert counter(desk, "db", "numbers").returncode == 1
    skipped = counter(desk, "db", "numbers", "--skip-issued")
    assert skipped.returncode == 0, skipped.stderr
    assert issued in skipped.stdout
    after = counter(desk, "print", second, "--doc", "receipt", "--out", str(tmp_path / "second.pdf"))
    assert after.returncode == 0, after.stderr
    number = after.stdout.split()[0]
    assert int(number[-4:]) == int(issued[-4:]) + 1


@pytest.mark.parametrize("lost", ["series_set_back", "note_spoiled"])
def test_a_department_series_set_back_does_not_number_its_decision_again(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lost: str
) -> None:
    """A 不予批准决定书 is numbered in its department's yearly series, noted outside the database the same way; with
    the note spoiled, no paper is numbered until it is made again from the database."""
    db = made_database(tmp_path / "series.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    (first, due), (second, _) = deferred_case(db), deferred_case(db)
    day = (due + dt.timedelta(days=1)).isoformat()
    # 市监局 entrusted the window in writing, and a supervisor records the lapse: the window's 不予批准 in its name
    assert run(capsys, "site", "authority", ACTS_OPTION, f"--entrust={FOOD}={ENTRUSTMENT}", "--db", db)[0] == 0
    password = "Xam-2026-fuze"
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "user", "add", "batu", "--name", "巴图", "--role", "admin", "--role", "clerk", "--role",
               "supervisor", "--db", db, "--password-stdin")[0] == 0  # fmt: skip
    monkeypatch.setenv("COUNTER_PASSWORD", password)
    user = ("--user", "batu")
    for number in (first, second):
        assert run(capsys, *user, "case", "lapse", number, "--db", db, "--today", day)[0] == 0

    def deny(number: str) -> tuple[int, str, str]:
        pdf = str(tmp_path / f"{number}.pdf")
        return run(capsys, *user, "print", number, "--doc", "denial", "--item", FOOD, "--out", pdf, "--db", db,
                   "--today", day)  # fmt: skip

    code, out, _ = deny(first)
    assert code == 0
    issued = out.split("\t")[0]
    if lost == "note_spoiled":
        from counter.actions.admin.database_file import database_place
        from counter.host.notes.database_notes import note_path

        note = note_path(database_place(db), make_folder=False)
        note.write_bytes(b"\x00\xffnot a note at all\n")
        code, _, err = deny(second)
        assert code == 1
        assert err.startswith("不能出具文书：本机记录本窗口已发出编号的文件无法读取")
        assert str(note) in err
        assert "counter db numbers --renote" in err
        code, out, _ = run(capsys, *user, "db", "numbers", "--renote", "--db", db)
        assert code == 0
        assert f"原来的编号记录已改名保留：{note}.damaged-" in out
        code, out, _ = deny(second)
        assert code == 0
        assert int(out.split("\t")[0][-4:]) == int(issued[-4:]) + 1  # nothing numbered by the refused print
        return
    with sqlite3.connect(tmp_path / "series.sqlite3") as conn:  # the series' counter as an older copy had it
        conn.execute("UPDATE desk_counter SET last = 0 WHERE kind LIKE 'P%'")
    conn.close()

    code, _, err = deny(second)
    assert code == 1
    assert issued in err  # the department's last number, named
    assert "--skip-issued" in err
    assert run(capsys, *user, "db", "numbers", "--db", db)[0] == 1
    code, out, _ = run(capsys, *user, "db", "numbers", "--skip-issued", "--db", db)
    assert code == 0
    assert issued in out
    code, out, _ = deny(second)
    assert code == 0
    assert int(out.split("\t")[0][-4:]) == int(issued[-4:]) + 1


def guarded(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``counter`` with a guard, in the harness only: a command that hangs on a pipe, or reads ``/dev/zero`` into
    memory, is stopped (a minute, two GiB of address space) and fails the test instead of holding the run."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    env = {**os.environ, "COUNTER_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "counter", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=limit,
    )


def note_of(home: Path) -> Path:
    from counter.actions.admin.database_file import database_place
    from counter.host.notes.database_notes import note_path

    return note_path(database_place(f"sqlite:///{home / 'counter.sqlite3'}"), make_folder=False)


def taken_guarded(home: Path, uid: str) -> subprocess.CompletedProcess[str]:
    return guarded(home, "case", "take", str(request_file(home, uid)), "--json")


def spoil_note(note: Path, how: str) -> None:
    note.unlink()
    if how == "garbage":
        note.write_bytes(b"\x00\xffnot a note at all\n" * 10)
    elif how == "fifo":
        os.mkfifo(note)
    elif how == "dev_zero":
        note.symlink_to("/dev/zero")
    elif how == "folder":
        note.mkdir()


@pytest.mark.parametrize(
    ("how", "fault"),
    [
        ("deleted", "已丢失"),
        ("garbage", "无法读取"),
        ("fifo", "不是普通文件"),
        ("dev_zero", "不是普通文件"),
        ("folder", "不是普通文件"),
    ],
)
def test_a_note_lost_or_spoiled_stops_numbering_and_the_check_says_why(desk: Path, how: str, fault: str) -> None:
    """Without the note a database that lost its last cases would go unseen: numbering stops, never hangs, and the
    check and its repair put it right."""
    last = taken(desk, f"{how}-1")
    note = note_of(desk)
    assert note.is_file()
    spoil_note(note, how)

    refused = taken_guarded(desk, f"{how}-2")
    assert refused.returncode == 1, refused.stdout
    assert "不能受理" in refused.stderr
    assert fault in refused.stderr
    assert str(note) in refused.stderr
    assert "counter db numbers --check" in refused.stderr
    assert "--renote" in refused.stderr
    assert {row["case_no"] for row in json.loads(guarded(desk, "case", "list", "--json").stdout)} == {last}

    checked = guarded(desk, "db", "numbers", "--check")
    assert checked.returncode == 1
    assert str(note) in checked.stdout
    assert fault in checked.stdout
    assert last in checked.stdout  # what the database says this desk issued last
    assert "--renote" in checked.stderr
    # the technician reads the fault in Chinese; the system's own reason (English) is support's, in the log
    said = checked.stdout.replace(str(note), "").replace(last, "")
    assert not re.search("[A-Za-z]", said), said
    if how != "deleted":
        assert f"{note}" in (desk / "logs" / "counter.log").read_text(encoding="utf-8")

    renoted = guarded(desk, "db", "numbers", "--renote")
    assert renoted.returncode == 0, renoted.stderr
    assert last in renoted.stdout
    assert note.is_file()
    assert not note.is_symlink()
    if how != "deleted":  # what was in the note's place is kept beside it, for support
        assert [p.name for p in note.parent.glob(f"{note.name}.damaged-*")]
    assert guarded(desk, "db", "numbers", "--check").returncode == 0
    after = taken_guarded(desk, f"{how}-2")
    assert after.returncode == 0, after.stderr
    assert int(json.loads(after.stdout)["case_no"][-4:]) == int(last[-4:]) + 1


@pytest.mark.parametrize("how", ["fifo", "dev_zero"])
def test_a_pipe_or_device_in_the_notes_place_never_holds_a_fresh_desk(tmp_path: Path, how: str) -> None:
    """A database that has issued nothing numbers without a note, and its commit does not wait on a pipe."""
    home = tmp_path / "fresh"
    assert guarded(home, "desk", "--site", "XAM01", "--desk", "9", "--clerk", "乌兰").returncode == 0
    assert guarded(home, "catalog", "list").returncode == 0
    note = note_of(home)
    spoil_note(note, how)
    refused = taken_guarded(home, f"fresh-{how}")  # a note that is there and is no note is looked at first
    assert refused.returncode == 1, refused.stdout
    assert "不是普通文件" in refused.stderr


def test_a_database_that_issued_nothing_starts_without_a_note(desk: Path) -> None:
    note_of(desk).unlink()
    first = taken_guarded(desk, "first")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["case_no"].endswith("-0001")
    assert note_of(desk).is_file()
