"""Ratings as the 好差评 system's rating records (国办发〔2019〕51号; GB/T 39046-2020 表 9), for upload or audit.

The level, the channel, the round and the rater's kind are stored as their meaning and coded here, in the codings
the site's integrator chose of the platform's code lists (:class:`Codings`): the export
and the platform's reports ask the same question of the same lists, so one channel is one code in both.  Every line
names the codings it used (``coding``), so a file read months later cannot be misread.  Keys are English
snake_case, as every JSON of the command line.  The rater's real name and ID number are in the export because the
interface asks for them (Inner Mongolia rates by real name); the file is for the supervisor and the platform, and
the clerk never sees it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from counter.ratings.levels import Channel, Level, RaterKind


class Codings(Protocol):
    """The chosen codings of the code lists (:class:`counter.platform.code_lists.Codings`, which the platform's
    package defines: the ratings do not import the platform, which imports them)."""

    def code(self, list_name: str, value: str) -> str: ...

    def used_text(self, *names: str) -> str: ...


#: the code lists a rating record is coded by (``[lists.*]`` of the platform's mapping file)
EXPORT_LISTS = ("level", "channel", "round", "applicant_kind")


@dataclass(frozen=True, slots=True)
class RatingRecord:
    case_no: str  # 办件编号
    item_code: str  # 事项编码: the bundle
    item_name: str  # 事项名称
    department: str  # 受理部门: the office whose window served
    clerk: str  # 经办人
    staff_no: str
    desk_no: str
    site_code: str
    region: str  # 行政区划: the first six digits of the site's area code
    channel: Channel
    rater_name: str
    rater_id_no: str
    rater_kind: RaterKind
    anonymous: bool
    level: Level
    reasons: tuple[str, ...]
    comment: str
    rated_at: dt.datetime
    round: int  # 评价次数: 1 first, 2 follow-up after rectification
    excluded: bool  # removed on appeal (申诉复核); the record stays
    appeal_reason: str
    appealing: bool = False  # 申诉中: an appeal filed and not decided; still a valid rating
    reason_codes: tuple[str, ...] = ()  # 测评内容: the national indicators' codes; the hall's own reasons are not here
    reason_list: str = ""  # the 测评内容 list's version the codes were given under
    pad: str = ""  # the pad device (评价器) that gave it, by its registered name; "" none (a second screen, paper…)


def region_of(area_code: str) -> str:
    """行政区划: the first six digits of an area code (GB/T 2260 county level; a 12-digit code goes deeper)."""
    return "".join(c for c in area_code if c.isdigit())[:6]


FIELDS = (
    "case_no", "item_code", "item_name", "department", "clerk", "staff_no", "desk_no", "site_code",
    "region", "channel", "rater_name", "rater_id_no", "rater_kind", "anonymous", "level", "satisfaction",
    "coding", "reasons", "comment", "rated_at", "round", "excluded", "appeal_reason",
    "appealing", "reason_codes", "reason_list", "pad",
)  # fmt: skip


def export_row(record: RatingRecord, codings: Codings) -> dict[str, Any]:
    """One record coded in ``codings``: :class:`counter.platform.code_lists.Unchosen` for a list not chosen,
    :class:`counter.platform.code_lists.NoCode` for a value its coding has no code for."""
    return {
        "case_no": record.case_no,
        "item_code": record.item_code,
        "item_name": record.item_name,
        "department": record.department,
        "clerk": record.clerk,
        "staff_no": record.staff_no,
        "desk_no": record.desk_no,
        "site_code": record.site_code,
        "region": record.region,
        "channel": codings.code("channel", record.channel.value),
        "rater_name": record.rater_name,
        "rater_id_no": record.rater_id_no,
        "rater_kind": codings.code("applicant_kind", record.rater_kind.value),
        "anonymous": record.anonymous,
        "level": codings.code("level", record.level.value),
        "satisfaction": record.level.value,
        "coding": codings.used_text(*EXPORT_LISTS),
        "reasons": list(record.reasons),
        "comment": record.comment,
        "rated_at": record.rated_at.isoformat(timespec="seconds"),
        "round": codings.code("round", str(record.round)),
        "excluded": record.excluded,
        "appeal_reason": record.appeal_reason,
        "appealing": record.appealing,
        "reason_codes": list(record.reason_codes),
        "reason_list": record.reason_list,
        "pad": record.pad,
    }


def to_json(records: Sequence[RatingRecord], codings: Codings) -> str:
    return json.dumps([export_row(r, codings) for r in records], ensure_ascii=False, indent=2) + "\n"


# What a spreadsheet reads as the start of a formula: a cell beginning with one of them runs as one in Excel and WPS
# (``=HYPERLINK(…)`` in a rating's comment becomes a link that sends data away).  OWASP's CSV injection guidance:
# prefix such a cell with an apostrophe, which the spreadsheet shows as text and does not display.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs it: an apostrophe before a formula's first character."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return neutralised("；".join(value))
    return neutralised(str(value))  # every other field is text: the round too, as its coding gives it


def to_csv(records: Sequence[RatingRecord], codings: Codings) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for record in records:
        row = export_row(record, codings)
        writer.writerow([_cell(row[f]) for f in FIELDS])
    return out.getvalue()
