"""The first field of a decoded request holding a value the door refuses, by its dotted name (``items.2.note``).

The door refuses two kinds of value before an operation runs, each as the request's own fault, naming where it was
found: a NUL (:mod:`counter.server.nul_guard`) and a whole number past the database's integers
(:mod:`counter.server.integer_guard`).  Both look through the same shapes — a dataclass's fields, a mapping's keys and
values, a sequence's items — so the walk is one, and each guard says only what it refuses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any


def first_field(value: Any, refused: Callable[[Any], bool], where: str = "") -> str | None:
    """The dotted name of the first field of ``value`` (itself: ``where`` or ".") whose value ``refused`` says is
    refused, a mapping's key named "key" where the key is; None when none is.  Bytes (a page's image, a package) are
    a value of their own, never looked into."""
    if refused(value):
        return where or "."
    fields: Iterable[tuple[str, Any]]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ((one.name, getattr(value, one.name)) for one in dataclasses.fields(value))
    elif isinstance(value, dict):
        if any(refused(key) for key in value):
            return _join(where, "key")
        fields = ((str(key), item) for key, item in value.items())
    elif isinstance(value, list | tuple | set | frozenset):
        fields = ((str(n), item) for n, item in enumerate(value))
    else:
        return None
    for name, item in fields:
        found = first_field(item, refused, _join(where, name))
        if found is not None:
            return found
    return None


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name
