"""A whole number in a request beyond what the database's integers hold: refused at the door with its field.

The wire reads any JSON integer, and a request's number reaches the database as it came: a row's id
(``ratings.request_state``'s ``request_id``, a pad's answer's) beyond PostgreSQL's ``integer`` came back as the
database's fault (``NumericValueOutOfRange``), which a desk and a pad read as the server away (503 ``store``) and ask
again, and the server logged as its database's trouble; beyond SQLite's 64 bits it was a 500.  No field of any
operation has a use for a number past :data:`LARGEST` (a project's investment is counted in 万元, a day count in days),
so the server refuses it as the request's own fault, naming where it was found, as it refuses a NUL
(:mod:`counter.server.nul_guard`).
"""

from __future__ import annotations

from typing import Any

from counter.server.request_fields import first_field

#: PostgreSQL's ``integer``, the type of every row's id: the largest whole number a request may carry, either sign
LARGEST = 2**31 - 1


class IntegerTooLarge(ValueError):
    """A request holding a whole number past :data:`LARGEST` in ``field`` (dotted: ``paper.copies``)."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


def refuse_too_large(value: Any) -> None:
    """:class:`IntegerTooLarge` for the first field of ``value`` holding a whole number past :data:`LARGEST`."""
    found = too_large_field(value)
    if found is not None:
        raise IntegerTooLarge(found)


def too_large_field(value: Any, where: str = "") -> str | None:
    """The dotted name of the first field of ``value`` holding a whole number past :data:`LARGEST`, or None."""
    return first_field(value, _too_large, where)


def _too_large(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > LARGEST
