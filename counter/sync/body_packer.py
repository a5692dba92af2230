"""A package's body gzipped on a second thread while its records are still being read and written as JSON.

A township's export reads its pending cases, writes each as JSON (:func:`counter.sync.package.encode_record`) and
gzips the body.  Gzipped at the end, the body's compression came after all the reading, on the one thread: at
100,000 cases some 3 of 17 seconds, while the second core of a desk's PC sat idle (the database's own work comes in
bursts, one query a chunk).  Here every megabyte of JSON goes to one compressing thread as soon as it is written;
zlib lets go of Python's lock while it compresses, so the compression runs beside the reading of the next cases and
is done, but for its last megabyte, when the last record is.

The body is the same bytes ``gzip.compress(plain, compresslevel=6, mtime=0)`` makes of the whole JSON (one gzip
stream, no timestamp): a test holds them equal.  The records are grouped as the receiver's limits need
(:data:`counter.sync.package.MAX_RECORDS`, :data:`~counter.sync.package.MAX_PLAIN`, read when called).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from counter.sync import package

LEVEL = 6  # gzip's own default, as the body has always been packed
GZIP_WBITS = 16 + zlib.MAX_WBITS  # a gzip stream (header and trailer), as gzip.compress writes with mtime=0
#: how much JSON is gathered before it is handed to the compressing thread: large enough that handing it over costs
#: nothing beside compressing it, small enough that the last piece, compressed after the reading ends, is quick
BATCH_BYTES = 1 << 20


class _Body:
    """One package's body: its JSON handed to the compressing thread piece by piece, in order."""

    def __init__(self, pool: ThreadPoolExecutor) -> None:
        self._pool = pool
        self._deflate = zlib.compressobj(LEVEL, zlib.DEFLATED, GZIP_WBITS)
        self._pieces: list[Future[bytes]] = []  # one thread takes them in the order given: the stream's order
        self._waiting: list[bytes] = []
        self._waiting_bytes = 0
        self.records = 0
        self.plain_bytes = 0

    def add(self, data: bytes, *, record: bool = True) -> None:
        self._waiting.append(data)
        self._waiting_bytes += len(data)
        self.plain_bytes += len(data)
        self.records += record
        if self._waiting_bytes >= BATCH_BYTES:
            self._hand_over()

    def _hand_over(self) -> None:
        if self._waiting:
            self._pieces.append(self._pool.submit(self._deflate.compress, b"".join(self._waiting)))
            self._waiting, self._waiting_bytes = [], 0

    def finish(self) -> bytes:
        """The gzipped body, once the thread has compressed every piece; an error of the thread raised here."""
        self._hand_over()
        self._pieces.append(self._pool.submit(self._deflate.flush))
        return b"".join(piece.result() for piece in self._pieces)


def packed_groups(encoded: Iterable[bytes]) -> Iterator[tuple[int, bytes, int]]:
    """The records grouped into as many packages as the limits need, in their order; at least one (maybe empty).

    Each package as its number of records, its gzipped body (the JSON list of its records) and the body's unpacked
    length.  A group holds at most :data:`~counter.sync.package.MAX_RECORDS` records and
    :data:`~counter.sync.package.MAX_PLAIN` bytes of JSON (brackets and commas counted); a single record beyond that
    goes alone, and its receiver refuses it as it refuses any package beyond the limit.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="counter-gzip") as pool:
        body = _Body(pool)
        body.add(b"[", record=False)
        for item in encoded:
            if body.records and (
                body.records >= package.MAX_RECORDS or body.plain_bytes + 1 + len(item) + 1 > package.MAX_PLAIN
            ):
                body.add(b"]", record=False)
                yield body.records, body.finish(), body.plain_bytes
                body = _Body(pool)
                body.add(b"[", record=False)
            if body.records:
                body.add(b",", record=False)
            body.add(item)
        body.add(b"]", record=False)
        yield body.records, body.finish(), body.plain_bytes
