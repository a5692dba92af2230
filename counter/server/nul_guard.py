"""A NUL anywhere in a request: refused at the door with the field it stands in, before the operation runs.

PostgreSQL's text holds no NUL (U+0000): a request carrying one reached the database and came back as its fault,
which the desk reads as the server away (503) and asks again, and again.  No field of any operation has a use for
it, so the server refuses it as the request's own fault, naming where it was found.  The operations' own checks of
free text (:mod:`counter.parties.text`) refuse it too, in process and at the server alike, with their field's words;
this is the floor beneath them.
"""

from __future__ import annotations

from typing import Any

from counter.server.request_fields import first_field

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
    return first_field(value, _holds_nul, where)


def _holds_nul(value: Any) -> bool:
    return isinstance(value, str) and NUL in value
