"""Limits before work: sizes and counts are refused from the header, a gzip bomb stops at its declared size.

The bomb is validly sealed and signed by a registered township: the limits must
hold against a peer, not only against a stranger (whose package stops at the
signature).  It is made by compressing zeros a mebibyte at a time, so the test
itself never holds a gibibyte, and refused in a child process whose peak memory
is measured by the child itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from counter.sync.keys import (
    encryption_key_path,
    encryption_key_text,
    new_encryption_key,
    new_private_key,
    public_key_text,
    save_private_key,
)
from counter.sync.package import (
    MAX_FILE,
    MAX_HEADER,
    MAX_PLAIN,
    MAX_RECORDS,
    PackageRejected,
    RejectCode,
    read_package_file,
    sign_sealed,
    write_packed,
)
from tests.sync.packages import MAGIC, read_package, write_package
from tests.sync.test_package import HALL, HALL_BOX, HEADER, KEY, RECORDS, TRUSTED

GIB = 1 << 30
MIB = 1 << 20


def zeros_gzip(size: int) -> bytes:
    """Gzip of ``size`` zero bytes, compressed a mebibyte at a time: about a thousandth of ``size``."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(MIB)
    parts = [packer.compress(chunk) for _ in range(size // MIB)]
    parts.append(packer.flush())
    return b"".join(parts)


def rejection(data: bytes) -> RejectCode:
    with pytest.raises(PackageRejected) as caught:
        read_package(data, TRUSTED, "XAM01", HALL_BOX)
    return caught.value.code


def test_a_declared_size_or_count_beyond_the_limits_is_refused_before_opening() -> None:
    packed = zeros_gzip(MIB)
    assert rejection(write_packed(HEADER, packed, 1, MAX_PLAIN + 1, KEY, HALL)) is RejectCode.TOO_LARGE
    assert rejection(write_packed(HEADER, packed, MAX_RECORDS + 1, MIB, KEY, HALL)) is RejectCode.TOO_LARGE


def test_a_body_that_inflates_past_its_declared_size_is_refused() -> None:
    bomb = write_packed(HEADER, zeros_gzip(16 * MIB), 1, 1000, KEY, HALL)
    assert rejection(bomb) is RejectCode.TOO_LARGE


def test_a_header_line_without_end_is_refused_as_a_header() -> None:
    assert rejection(MAGIC + b"{" + b" " * (MAX_HEADER + 10)) is RejectCode.BAD_HEADER


def test_a_file_beyond_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.counter-sync"
    with open(path, "wb") as file:
        file.truncate(MAX_FILE + 1)  # sparse: nothing written, nothing to read
    with pytest.raises(PackageRejected) as caught:
        read_package_file(path)
    assert caught.value.code is RejectCode.TOO_LARGE
    good = tmp_path / "good.counter-sync"
    good.write_bytes(write_package(HEADER, RECORDS, KEY, HALL))
    assert read_package(read_package_file(good), TRUSTED, "XAM01", HALL_BOX).body == RECORDS


CHILD = """
import json, sys, time
from pathlib import Path
from counter.sync.keys import load_encryption_key
from counter.sync.package import PackageRejected, read_package_file
from tests.sync.packages import read_package

folder = Path(sys.argv[1])
trusted = json.loads((folder / "trusted.json").read_text())
key = load_encryption_key(folder / "hall-encryption.pem")
codes = []
start = time.perf_counter()
for name in sys.argv[2:]:
    try:
        read_package(read_package_file(folder / name), trusted, "XAM01", key)
        codes.append("read")
    except PackageRejected as rejected:
        codes.append(rejected.code.value)
seconds = time.perf_counter() - start
# VmHWM is this program's own peak (ru_maxrss would keep the test process's peak across fork and exec)
status = Path("/proc/self/status").read_text()
hwm_kib = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
print(json.dumps({"codes": codes, "seconds": seconds, "hwm_mib": hwm_kib / 1024}))
"""


@pytest.mark.slow  # a gibibyte inflated on purpose
def test_a_signed_sealed_gibibyte_gzip_bomb_is_refused_with_little_memory(tmp_path: Path) -> None:
    township = new_private_key()
    hall_box = new_encryption_key()
    save_private_key(hall_box, encryption_key_path(tmp_path / "hall.pem"))
    (tmp_path / "trusted.json").write_text(json.dumps({"ARS01": public_key_text(township)}))
    recipient = encryption_key_text(hall_box)
    packed = zeros_gzip(GIB)
    assert len(packed) < 2 * MIB
    honest = write_packed(HEADER, packed, 1, GIB, township, recipient)  # declares what it holds
    lying = write_packed(HEADER, packed, 1, 4 * MIB, township, recipient)  # declares four mebibytes
    (tmp_path / "honest.counter-sync").write_bytes(honest)
    (tmp_path / "lying.counter-sync").write_bytes(lying)
    ok = write_package(HEADER, RECORDS, township, recipient)  # the same child reads a good one: the setup is sound
    (tmp_path / "ok.counter-sync").write_bytes(ok)
    started = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path), "honest.counter-sync", "lying.counter-sync", "ok.counter-sync"],
        capture_output=True,
        text=True,
        check=True,
    )
    measured = json.loads(child.stdout)
    print(f"bomb refused: {measured} ({time.perf_counter() - started:.2f} s with the child's start)")
    assert measured["codes"] == ["too_large", "too_large", "read"]
    assert measured["hwm_mib"] < 100  # the interpreter and its libraries, four mebibytes inflated, no more


def test_a_sealed_body_changed_to_a_bomb_by_a_stranger_is_refused_at_the_signature() -> None:
    fields = json.loads(write_package(HEADER, RECORDS, KEY, HALL).split(b"\n")[1])
    forged = sign_sealed(fields, zeros_gzip(64 * MIB), new_private_key())
    assert rejection(forged) is RejectCode.BAD_SIGNATURE
