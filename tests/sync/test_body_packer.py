"""A package's body is gzipped on a second thread while its records are still being read, into the same bytes."""

from __future__ import annotations

import gzip
import threading
import zlib
from collections.abc import Iterator
from typing import Any

import orjson
import pytest

from counter.sync import body_packer, package
from counter.sync.body_packer import packed_groups
from counter.sync.package import encode_record


def _records(count: int) -> list[bytes]:
    return [
        encode_record({"kind": "case", "case_no": f"XAM01-20261123-01-{n:04d}", "name": "张海军" * (n % 7), "n": n})
        for n in range(count)
    ]


def _whole(records: list[bytes]) -> bytes:
    return gzip.compress(b"[" + b",".join(records) + b"]", compresslevel=6, mtime=0)


def test_the_body_is_the_bytes_gzip_makes_of_the_whole_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(body_packer, "BATCH_BYTES", 4096)  # many pieces handed over, as at a hundred thousand cases
    records = _records(3000)
    [(count, body, plain_bytes)] = packed_groups(iter(records))
    assert count == 3000
    assert body == _whole(records)
    assert plain_bytes == len(gzip.decompress(body))
    assert orjson.loads(gzip.decompress(body))[2999]["n"] == 2999


def test_an_export_with_nothing_pending_is_one_empty_package() -> None:
    assert list(packed_groups(iter([]))) == [(0, _whole([]), 2)]


def test_the_records_are_grouped_by_the_receivers_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    records = _records(7)
    monkeypatch.setattr(package, "MAX_RECORDS", 3)
    assert [(c, b, n) for c, b, n in packed_groups(iter(records))] == [
        (3, _whole(records[:3]), len(b"[" + b",".join(records[:3]) + b"]")),
        (3, _whole(records[3:6]), len(b"[" + b",".join(records[3:6]) + b"]")),
        (1, _whole(records[6:]), len(b"[" + records[6] + b"]")),
    ]
    alike = [encode_record({"n": n}) for n in range(10, 17)]  # seven records of one length
    monkeypatch.setattr(package, "MAX_RECORDS", 1000)
    two = len(b"[" + b",".join(alike[:2]) + b"]")
    monkeypatch.setattr(package, "MAX_PLAIN", two)  # two records fill a package to the byte
    assert [(count, size) for count, _, size in packed_groups(iter(alike))] == [(2, two)] * 3 + [(1, len(alike[6]) + 2)]
    monkeypatch.setattr(package, "MAX_PLAIN", 5)  # a record beyond the limit goes alone: its receiver refuses it
    assert [count for count, _, _ in packed_groups(iter(alike[:3]))] == [1, 1, 1]


class _Watched:
    """zlib's compressor, telling when it has compressed a piece."""

    def __init__(self, inner: Any, compressed: threading.Event) -> None:
        self.inner, self.compressed = inner, compressed

    def compress(self, data: bytes) -> bytes:
        out: bytes = self.inner.compress(data)
        self.compressed.set()
        return out

    def flush(self) -> bytes:
        return bytes(self.inner.flush())


def test_the_json_is_compressed_while_later_records_are_still_being_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """What makes the export faster: the first megabyte is compressed before the last record has been read.

    Gzipped once all the records were in (as before), the reading below waits for a compression that never comes
    before it, and the test fails.
    """
    compressed = threading.Event()
    monkeypatch.setattr(body_packer, "BATCH_BYTES", 1024)
    original = zlib.compressobj
    monkeypatch.setattr(zlib, "compressobj", lambda *a: _Watched(original(*a), compressed))
    records = _records(400)
    seen_before_the_last: list[bool] = []

    def reading() -> Iterator[bytes]:
        yield from records[:-1]
        seen_before_the_last.append(compressed.wait(timeout=30))
        yield records[-1]

    [(count, body, _)] = packed_groups(reading())
    assert seen_before_the_last == [True]
    assert count == 400
    assert body == _whole(records)


def test_an_error_while_reading_reaches_the_export_and_stops_the_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(body_packer, "BATCH_BYTES", 1024)

    def reading() -> Iterator[bytes]:
        yield from _records(200)
        raise OSError("database gone")

    before = {t.name for t in threading.enumerate()}
    with pytest.raises(OSError, match="database gone"):
        list(packed_groups(reading()))
    assert not [t for t in threading.enumerate() if t.name.startswith("counter-gzip") and t.name not in before]
