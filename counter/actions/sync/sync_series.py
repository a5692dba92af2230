"""A later package of a series is taken in only after every earlier one.

A township's export too big for one package goes out as a numbered series, and only the last package carries the
marks that move the township's baseline when the hall acknowledges it.  The hall acknowledges the highest number it
has taken in, so a hall that took the last package of a series and never an earlier one would acknowledge the
missing package with it: the township would move its baseline and never send that package's cases again.  Refusing
the later package whole until the earlier ones are in keeps the acknowledgement true.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from counter.db.sync import store as sync_store
from counter.sync.package import Header, PackageRejected, RejectCode

log = logging.getLogger(__name__)


def check_series(session: Session, header: Header) -> None:
    """Raise :class:`PackageRejected` (``SERIES_INCOMPLETE``) unless every earlier package of the series is here.

    The series comes from the signed header, so it is the sender's word; nothing is read or written before it.
    """
    if header.series is None or header.part == 1:
        return
    first = header.series[0]
    missing = tuple(
        (no - first + 1, no)
        for no in range(first, header.export_no)
        if sync_store.find_import(session, header.from_site, header.kind.value, no) is None
    )
    if not missing:
        return
    detail = f"{header.from_site} #{header.export_no}, part {header.part} of {header.series[1]} from #{first}: "
    detail += "take in first " + ", ".join(f"#{no}" for _part, no in missing)
    log.warning("sync package refused, earlier packages of its series missing: %s", detail)
    raise PackageRejected(RejectCode.SERIES_INCOMPLETE, detail, missing)
