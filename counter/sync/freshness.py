"""A package is taken in only if it was written when it could have been: after what came before it, not ahead.

A package's header names when its sender wrote it (``created_at``), signed with the rest.  A package written
before the last one taken in from the same sender is an old file carried again, or kept back and replayed: its
records are older than what the receiver already has from that sender, and it is refused (``stale``).  Before any
package of the sender has been taken in, the bound is the sender's registration here, less :data:`CLOCK_SLACK` (the
two sites' clocks are not the same clock): a package dated 1970 is refused too.  A package dated more than
:data:`CLOCK_SLACK` ahead of this site's present was written on a clock that is wrong, or dated ahead on purpose to
stay "newest" whatever comes after it; it is refused (``dated_ahead``), and its sender is told to set the clock.

The times compared with the last package are both the sender's own clock, so no slack is given there: packages of
one export share their time, and a later export is written later.
"""

from __future__ import annotations

import datetime as dt

from counter.sync.package import Header, PackageRejected, RejectCode

#: how far a sender's clock may be from this site's: a package may be dated this far ahead of the present here, or
#: this far before the sender's registration here
CLOCK_SLACK = dt.timedelta(days=2)


def check_fresh(
    header: Header, last_written: dt.datetime | None, registered: dt.datetime | None, present: dt.datetime
) -> None:
    """Raise :class:`PackageRejected` unless ``header`` was written no earlier than ``last_written`` (the latest
    package taken in from its sender; else ``registered``, the sender's registration, less the slack) and no later
    than :data:`CLOCK_SLACK` past ``present``."""
    written = header.created_at
    if written > present + CLOCK_SLACK:
        raise PackageRejected(
            RejectCode.DATED_AHEAD,
            f"{header.from_site} #{header.export_no} written {_iso(written)}, now {_iso(present)}",
        )
    if last_written is not None and written < last_written:
        raise PackageRejected(
            RejectCode.STALE,
            f"{header.from_site} #{header.export_no} written {_iso(written)}, before the last taken in "
            f"({_iso(last_written)})",
        )
    if last_written is None and registered is not None and written < registered - CLOCK_SLACK:
        raise PackageRejected(
            RejectCode.STALE,
            f"{header.from_site} #{header.export_no} written {_iso(written)}, before its registration "
            f"({_iso(registered)})",
        )


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds")
