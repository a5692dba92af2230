"""The 用证 record a case keeps of each 电子证照 it took: who used it, when, why, and the 加注件 the library issued.

Public 证照库 rules log every use of a licence (用证) with its 用证事由; the window keeps its own record on the case,
so that the case file shows, for each licence it stands on, which clerk used it at which desk and when, for what
(办理《…》一件事，办件编号 …), and the 加注件 (the copy the library stamped for this use) with its identifier and
how long it serves, when the library issues one.  It is written with the intake, once the case has its number, into
the line's licence record (:func:`counter.intake.licences.licence_record`, the ``use`` key): it travels with the
line wherever the line goes (the case page, the papers, a township's sync package).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from counter.intake.licences import licence_of_record

__all__ = ["LicenceUse", "use_of_record", "with_use"]


@dataclass(frozen=True, slots=True)
class LicenceUse:
    """One use of a licence for a case: by whom (the clerk and the desk), when (UTC), why (the 用证事由)."""

    by: str
    desk_no: str
    at: dt.datetime
    reason: str


def with_use(record: str, use: LicenceUse) -> str:
    """A line's licence record with its use: unchanged for a line without a licence (none, or a failed look-up)."""
    if licence_of_record(record) is None:
        return record
    stored = json.loads(record)
    stored["use"] = {"by": use.by, "desk_no": use.desk_no, "at": use.at.isoformat(), "reason": use.reason}
    return json.dumps(stored, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def use_of_record(record: str) -> LicenceUse | None:
    """The use a line's record keeps; None for none (a line taken before uses were kept) or one not read."""
    if licence_of_record(record) is None:
        return None
    used = json.loads(record).get("use")
    if not isinstance(used, dict):
        return None
    try:
        return LicenceUse(
            str(used["by"]), str(used["desk_no"]), dt.datetime.fromisoformat(used["at"]), str(used["reason"])
        )
    except (KeyError, TypeError, ValueError):
        return None
