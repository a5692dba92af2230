"""A cases package's body read in two steps: what deciding needs first, whole cases in batches later.

Which case goes in, which is held and which is already here is decided for the
whole package at once (two cases with one number are settled for the smaller
uid, wherever each stands in the body).  That decision needs only a few fields
of each case — :class:`CaseKeys` — which are read straight from the parsed
JSON.  The full reading of a case (every checklist and history line checked
and typed) is most of the Python work of an import; done batch by batch it
runs while the database writes the batch before.

The full reading still covers every record, and its problems are the package's
problems: :meth:`CaseReader.finish` returns them, and the importer refuses the
package (its transaction rolled back) if there are any.  A body whose cases do
not even yield their keys, or that names one uid twice, is read whole at once,
as :func:`~counter.sync.record_json.parse_records` reads any body.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from counter.sync.record_json import RecordProblem, parse_records
from counter.sync.records import CaseRecord, GuideRef, Record


@dataclass(frozen=True, slots=True)
class CaseKeys:
    """The fields of a case that deciding about it needs, and where it stands in the body."""

    TYPE: ClassVar[str] = "case"
    uid: str
    case_no: str
    site_code: str
    bundle_code: str
    guide: GuideRef
    previous_uid: str
    document_keys: tuple[tuple[str, str], ...]
    index: int

    @property
    def key(self) -> str:
        return self.uid


#: a case of a package as the importer handles it: only its keys until it is read, or the whole record
PackageCase = CaseKeys | CaseRecord


def case_keys(raw: Any, index: int) -> CaseKeys | None:
    """The keys of a case's dict, or None when it is not shaped like a case (the full reading says how)."""
    try:
        guide = raw["guide"]
        keys = CaseKeys(
            raw["uid"], raw["case_no"], raw["site_code"], raw["bundle_code"],
            GuideRef(guide["content_hash"], guide["bundle_code"], guide["version"]),
            raw["previous_uid"], tuple((d["doc_no"], d["kind"]) for d in raw["documents"]), index,
        )  # fmt: skip
    except (KeyError, TypeError):
        return None
    texts = [keys.uid, keys.case_no, keys.site_code, keys.bundle_code, keys.previous_uid, keys.guide.content_hash]
    texts += [keys.guide.bundle_code, *(v for pair in keys.document_keys for v in pair)]
    if any(type(v) is not str for v in texts) or type(keys.guide.version) is not int:
        return None
    return keys


class CaseReader:
    """One cases package's body: the other records and every case's keys at once, the cases when asked.

    ``cases`` holds a :class:`CaseKeys` for each case of a body read in two
    steps, or the whole :class:`CaseRecord` of each when the body had to be
    read at once; :meth:`read` turns either into records.  ``storable``: the body is a package's, its texts
    checked already for what no database can keep (see :func:`~counter.sync.record_json.parse_records`).
    """

    def __init__(self, body: Sequence[Any], storable: bool = False) -> None:
        self._body, self._storable = body, storable
        self.problems: list[RecordProblem] = []
        self.others: list[Record] = []
        self.cases: list[PackageCase] = []
        self._unread: dict[str, CaseKeys] = {}
        self._read: dict[str, CaseRecord] = {}
        keys, others = self._split(body)
        # whether a case holds its bundle's subject: a package of a format before 6 may hold none (a receiver of that
        # format would have dropped it), and is refused for one
        self.subject = any(type(raw) is dict and raw.get("type") == CaseKeys.TYPE and raw.get("subject")
                           for raw in body)  # fmt: skip
        if keys is None:  # not every case yields its keys: the whole body at once
            records, self.problems = parse_records(body, "cases", storable)
            self.cases = [r for r in records if isinstance(r, CaseRecord)]
            self.others = [r for r in records if not isinstance(r, CaseRecord)]
            return
        self.others = self._parse([body[i] for i in others], others)
        self.cases = list(keys)
        self._unread = {k.uid: k for k in keys}

    @staticmethod
    def _split(body: Sequence[Any]) -> tuple[list[CaseKeys] | None, list[int]]:
        keys: list[CaseKeys] = []
        others: list[int] = []
        uids: set[str] = set()
        for index, raw in enumerate(body):
            if type(raw) is not dict or raw.get("type") != CaseKeys.TYPE:
                others.append(index)
                continue
            found = case_keys(raw, index)
            if found is None or found.uid in uids:
                return None, []
            uids.add(found.uid)
            keys.append(found)
        return keys, others

    def read(self, cases: Sequence[PackageCase]) -> list[CaseRecord]:
        """These cases as records, in their order, each read once; a case with a problem is left out."""
        wanted = [c for c in cases if isinstance(c, CaseKeys) and self._unread.pop(c.uid, None) is not None]
        if wanted:
            records = self._parse([self._body[k.index] for k in wanted], [k.index for k in wanted])
            self._read.update((r.uid, r) for r in records if isinstance(r, CaseRecord))
        found = []
        for c in cases:
            record = c if isinstance(c, CaseRecord) else self._read.get(c.uid)
            if record is not None:
                found.append(record)
        return found

    def finish(self) -> list[RecordProblem]:
        """Every problem of the body, in its order, once every case has been read."""
        self.read(list(self._unread.values()))
        return sorted(self.problems, key=lambda p: p.index)

    def _parse(self, raws: list[Any], indexes: Sequence[int]) -> list[Record]:
        records, problems = parse_records(raws, "cases", self._storable)
        self.problems.extend(dataclasses.replace(p, index=indexes[p.index]) for p in problems)
        return records
