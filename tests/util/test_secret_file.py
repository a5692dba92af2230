"""Secret files: 0600 from the moment they exist, flushed before they take their name, and a key never replaced.

Two writers of one key race here by threads held at the moment each is about to give its file the key's name: the
one that gets there first stands, and the other returns the winner's bytes, not its own.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.util.secret_file import write_new_secret, write_secret


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def no_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system that has none (FAT, some network shares)."""

    def refused(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", refused)


@pytest.fixture
def wide_umask() -> Iterator[None]:
    """A process whose umask lets everyone read what it creates: the file must be 0600 all the same."""
    before = os.umask(0)
    try:
        yield
    finally:
        os.umask(before)


def test_the_file_is_0600_from_its_creation_and_flushed_before_it_takes_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wide_umask: None
) -> None:
    created: list[int] = []
    events: list[str] = []
    real_open, real_fsync, real_link = os.open, os.fsync, os.link

    def watched_open(path: str | os.PathLike[str], flags: int, mode: int = 0o777, *args: object) -> int:
        if flags & os.O_CREAT:
            created.append(mode)
            assert flags & os.O_EXCL  # never a file someone else made, or left
        return real_open(path, flags, mode)

    def watched_fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def watched_link(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        assert mode(Path(source)) == 0o600
        assert Path(source).read_bytes() == b"key"
        events.append("link")
        real_link(source, target)

    monkeypatch.setattr(os, "open", watched_open)
    monkeypatch.setattr(os, "fsync", watched_fsync)
    monkeypatch.setattr(os, "link", watched_link)
    path = tmp_path / "keys" / "site-trail-sm3.key"
    assert write_new_secret(path, b"key") == b"key"
    assert created == [0o600]  # created with the mode it keeps, not narrowed after
    assert events[:2] == ["fsync", "link"]  # the bytes on disk before the name points at them
    assert "fsync" in events[2:]  # and the folder's entry after
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # nothing left beside it


def test_a_key_already_there_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "site-data-sm4-1.key"
    assert write_new_secret(path, b"first") == b"first"
    assert write_new_secret(path, b"second") == b"first"
    assert path.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_without_hard_links_the_key_is_still_made_0600_and_never_replaced(
    tmp_path: Path, no_hard_links: None, wide_umask: None
) -> None:
    path = tmp_path / "site-data-index-sm3.key"
    assert write_new_secret(path, b"first") == b"first"
    assert write_new_secret(path, b"second") == b"first"
    assert mode(path) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_of_two_writers_racing_the_first_to_finish_stands_and_the_other_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "site-trail-sm3.key"
    both_written = threading.Barrier(2, timeout=10)
    real_link = os.link

    def link_when_both_wrote(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        both_written.wait()  # each has its own whole file beside the key's name; neither has taken it yet
        real_link(source, target)

    monkeypatch.setattr(os, "link", link_when_both_wrote)
    got: dict[bytes, bytes] = {}

    def write(data: bytes) -> None:
        got[data] = write_new_secret(path, data)

    writers = [threading.Thread(target=write, args=(data,)) for data in (b"A" * 32, b"B" * 32)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=10)
    standing = path.read_bytes()
    assert standing in (b"A" * 32, b"B" * 32)
    assert got == {b"A" * 32: standing, b"B" * 32: standing}  # the loser uses the winner's key, not its own
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_secret_set_again_replaces_the_old_one_whole_and_0600(tmp_path: Path, wide_umask: None) -> None:
    path = tmp_path / "sms-gateway.secret"
    path.write_bytes(b"old")
    path.chmod(0o644)  # a file of an older version, readable by all
    write_secret(path, b"new")
    assert path.read_bytes() == b"new"
    assert mode(path) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_write_that_fails_leaves_no_file_beside_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    path = tmp_path / "desk-key"
    with pytest.raises(OSError, match="No space"):
        write_new_secret(path, b"key")
    with pytest.raises(OSError, match="No space"):
        write_secret(path, b"key")
    assert list(tmp_path.iterdir()) == []
