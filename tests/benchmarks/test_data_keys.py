"""The data keys a big hall was sealed under, kept with the build and handed on by one function.

A hall that took hours to build reads as placeholders and finds nobody by number without the keys it was sealed
under; the build keeps them, and the benchmarks that measure it take them in or hand them to their servers, all
through :func:`benchmarks.big_hall.copy_data_keys`.
"""

from __future__ import annotations

import stat
from pathlib import Path

from benchmarks.big_hall import copy_data_keys


def test_the_data_keys_and_nothing_else_are_copied_into_a_private_folder(tmp_path: Path) -> None:
    source = tmp_path / "home" / "keys"
    source.mkdir(parents=True)
    for name, body in (("site-data-sm4-1.key", b"one"), ("site-data-sm4-2.key", b"two"),
                       ("site-data-index-sm3.key", b"index"), ("site.key", b"signing")):  # fmt: skip
        (source / name).write_bytes(body)
    target = tmp_path / "server" / "keys"
    copied = copy_data_keys(source, target)
    assert sorted(p.name for p in copied) == ["site-data-index-sm3.key", "site-data-sm4-1.key", "site-data-sm4-2.key"]
    assert sorted(p.name for p in target.iterdir()) == sorted(p.name for p in copied)  # the site's own key stays
    assert (target / "site-data-sm4-2.key").read_bytes() == b"two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o700


def test_a_folder_is_not_copied_onto_itself(tmp_path: Path) -> None:
    (tmp_path / "site-data-sm4-1.key").write_bytes(b"one")
    assert copy_data_keys(tmp_path, tmp_path / ".") == []
    assert (tmp_path / "site-data-sm4-1.key").read_bytes() == b"one"
