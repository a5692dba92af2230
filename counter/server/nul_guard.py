"""A NUL anywhere in a request: refused at the door with the field it stands in, before the operation runs.

PostgreSQL's text holds no NUL (U+0000): a request carrying one reached the database and came back as its fault,
which the desk reads as the server away (503) and asks again, and again.  No field of any operation has a use for
it, so the server refuses it as the request's own fault, naming where it was found.  The operations' own checks of
free text (:mod:`counter.parties.text`) refuse it too, in process and at the server alike, with their field's words;
this is the floor beneath them.
"""

from __future__ import annotations

import dataclasses
from typing import Any

NUL = "\x00"


class NulInRequest(ValueError):
    """A request holding a NUL in ``field`` (dotted: ``hand_over.tracking_no``)."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


def refuse_nul(value: Any) -> None:
    """:class:`NulInRequest` for the first field of ``value`` holding a NUL."""
    found = nul_field(value)
    if found is not None:
        raise NulInRequest(found)


def nul_field(value: Any, where: str = "") -> str | None:
    """The dotted name of the first field of ``value`` holding a NUL (``items.2.note``), or None."""
    if isinstance(value, str):
        return where or "." if NUL in value else None
    if isinstance(value, bytes):
        return None  # a page's image, a package: bytes, never text
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ((one.name, getattr(value, one.name)) for one in dataclasses.fields(value))
    elif isinstance(value, dict):
        fields = ((str(key), item) for key, item in value.items())
        for key in value:
            if isinstance(key, str) and NUL in key:
                return _join(where, "key")
    elif isinstance(value, list | tuple | set | frozenset):
        fields = ((str(n), item) for n, item in enumerate(value))
    else:
        return None
    for name, item in fields:
        found = nul_field(item, _join(where, name))
        if found is not None:
            return found
    return None


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name
