"""How a rating keeps its reasons: a national indicator with its code and the list's version, a hall's own as a label.

One JSON list per rating (the ``reasons`` column, carried as it is in the sync packages): an entry is either the
label of one of the hall's own reasons (a string, as ratings have always stored them) or, for a national 测评内容,
``{"code": …, "label": …, "list": <version>}`` — the code as the list said it the day the rating was given, so a later
version of the list never recodes an old rating.  Only the second kind is ever reported as a national indicator.
"""

from __future__ import annotations

import json

from counter.ratings.eval_content import EvalContent
from counter.ratings.levels import Level

StoredReason = str | dict[str, str]


def stored_reasons(chosen: tuple[str, ...], level: Level, content: EvalContent) -> list[StoredReason]:
    """The chosen labels as stored: national ones with their code and version, the hall's own as labels."""
    national = {i.label: i for i in content.for_level(level)}  # a label is one indicator's (the list's load checks)
    out: list[StoredReason] = []
    for label in chosen:
        indicator = national.get(label)
        if indicator is None:
            out.append(label)
        else:
            out.append({"code": indicator.code, "label": indicator.label, "list": content.version})
    return out


def _entries(raw: str | None) -> list[object]:
    value = json.loads(raw or "[]")
    return value if isinstance(value, list) else []


def reason_labels(raw: str | None) -> tuple[str, ...]:
    """Every reason as the pad showed it, national and local alike: what a person reads."""
    return tuple(e["label"] if isinstance(e, dict) else str(e) for e in _entries(raw))


def national_codes(raw: str | None) -> tuple[tuple[str, ...], str]:
    """The national indicators' codes and the list's version they were given under ("" when none was chosen)."""
    found = [e for e in _entries(raw) if isinstance(e, dict) and e.get("code")]
    return tuple(str(e["code"]) for e in found), (str(found[0].get("list") or "") if found else "")


def local_labels(raw: str | None) -> tuple[str, ...]:
    """The hall's own reasons: kept and shown at home, never sent as a national indicator."""
    return tuple(str(e) for e in _entries(raw) if not isinstance(e, dict))
