"""The JSON text of :mod:`counter.json_text` is ``json.JSONEncoder``'s, character for character: the audit trail's
digests are taken of it, and every entry written before must still check."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import pytest

from counter.audit import chain, state
from counter.json_text import json_encoder

VALUES: list[Any] = [
    '乌兰浩特市 "引号" \\ 换行\n制表\t\u2028',
    ["case", "XAM01-20261124-08-0001", 3, None, True, False, 1.5, float("inf"), -0.0, 10**20],
    {"outcome": "deferred", "bundle": "B01", "guide_version": 3, "嵌套": {"b": [1, {"a": None}], "a": ""}},
    [dt.date(2026, 11, 24), dt.datetime(2026, 11, 24, 2, 30, tzinfo=dt.UTC)],  # through ``default``
    [],
    {},
    7,
]

OPTIONS: list[dict[str, Any]] = [
    {},
    {"separators": (",", ":")},
    {"separators": (",", ":"), "default": str},
    {"sort_keys": True, "separators": (",", ":"), "default": str},
]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(sorted(o)) or "plain")
@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_the_text_is_json_encoders(options: dict[str, Any], value: Any) -> None:
    reference = json.JSONEncoder(ensure_ascii=False, **options)
    if "default" not in options and isinstance(value, list) and value and isinstance(value[0], dt.date):
        with pytest.raises(TypeError):
            reference.encode(value)
        with pytest.raises(TypeError):
            json_encoder(**options)(value)
        return
    assert json_encoder(**options)(value) == reference.encode(value)


def test_a_case_state_and_an_entry_hash_are_as_written_before() -> None:
    """Digests worked out by hand with ``json.JSONEncoder`` for one case row and one entry."""
    row = {field: f"值{n}" for n, field in enumerate(state.CASE_FIELDS)} | {"received_on": dt.date(2026, 11, 24)}
    values = ["case", *(str(row[f]) if f != "received_on" else "2026-11-24" for f in state.CASE_FIELDS)]
    text = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode(values)
    assert state.state_hash(state.SubjectKind.CASE, row) == _sha(text)
    detail = {"outcome": "accepted", "bundle": "B01"}
    assert chain.detail_text(detail) == '{"bundle":"B01","outcome":"accepted"}'


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
