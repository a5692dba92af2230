"""The catalog's 第七十八条 mark: read from a guide, written back only where set, so other guides hash as before."""

from __future__ import annotations

from dataclasses import replace

from counter.catalog.document import to_document
from counter.catalog.reader import read_file
from tests.conftest import SHIPPED_CATALOG


def test_the_mark_is_read_and_written_only_where_set() -> None:
    bundle, problems = read_file(SHIPPED_CATALOG / "008.toml")
    assert bundle is not None, problems
    marked = [item.name for item in bundle.items if item.public_safety]
    assert marked == ["食品经营许可"]
    items = to_document(bundle)["items"]
    assert [item.get("public_safety") for item in items] == [None, True, None, None]
    unmarked = replace(bundle, items=tuple(replace(i, public_safety=False) for i in bundle.items))
    assert all("public_safety" not in item for item in to_document(unmarked)["items"])
