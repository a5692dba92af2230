"""The licence an item issues: read from a guide, kept in the stored document only where set."""

from __future__ import annotations

from dataclasses import replace

from counter.catalog.document import from_document, to_document
from counter.catalog.reader import read_file
from tests.conftest import SHIPPED_CATALOG


def test_the_licence_is_read_and_written_only_where_set() -> None:
    bundle, problems = read_file(SHIPPED_CATALOG / "008.toml")
    assert bundle is not None, problems
    assert [item.licence for item in bundle.items] == ["营业执照", "食品经营许可证", "", ""]
    items = to_document(bundle)["items"]
    assert [item.get("licence") for item in items] == ["营业执照", "食品经营许可证", None, None]
    again, problems = from_document(to_document(bundle))
    assert problems == []
    assert again == bundle
    bare = replace(bundle, items=tuple(replace(i, licence="") for i in bundle.items))
    assert all("licence" not in item for item in to_document(bare)["items"])
