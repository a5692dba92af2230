"""The region's ratings of recent 办件编号, asked of the platform: the request, and its answer read back.

A rating given later by QR (补充评价, channel 二维码) goes to the 自治区 system, not to the desk; the hall asks the
platform for the ratings of its recent unrated cases and takes each as the case's first rating
(:mod:`counter.actions.ratings.region_pull`).  The region's query interface is not public: this is the app's own
proposal, the report's envelope turned round, so that what the province names otherwise is changed in the mapping
file, not in code::

    POST <endpoint>/<[rating_page] query>   {"case_nos": ["XAM01-…", …]}
    200  {"ratings": [{"<办件编号's field>": "…", "<评价等级's field>": "…", …}, …]}

Each rating in the answer carries the elements a report of a rating carries (``[[elements]]`` of kind ``rated``),
under the same field names and in the same chosen codings: the level, channel and round codes are read back through
the presets the site chose, so a 5 means 非常满意 or 非常不满意 as the site's coding says.  A rating that cannot be
read (a code the preset has no value for, a date not in the format) is left aside and named, never guessed.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum

from counter.case.moments import BEIJING
from counter.platform.code_lists import Codings
from counter.platform.events import PlatformKind
from counter.platform.mapping import Mapping
from counter.ratings.levels import Channel, Level

MOMENT = "%Y-%m-%d %H:%M:%S"  # the reports' 北京时间
MAX_COMMENT = 300


@dataclass(frozen=True, slots=True)
class RegionRating:
    case_no: str
    level: Level
    channel: Channel
    reason_codes: tuple[str, ...]  # 测评内容 codes
    comment: str
    rated_at: dt.datetime  # aware
    round: int


class AskFailure(StrEnum):
    """Why the platform gave no ratings: a code the faces word; what exactly went wrong goes to the log."""

    NOT_HTTPS = "not_https"  # a query address other than https://: nothing was asked
    REFUSED = "refused"  # the platform answered with a status other than 2xx (its status kept)
    UNTRUSTED = "untrusted"  # a certificate that is not the platform's: nothing was sent
    UNREACHABLE = "unreachable"  # no connection
    TIMEOUT = "timeout"  # no whole answer within the site's timeout
    TOO_LARGE = "too_large"  # an answer beyond the limit
    UNREADABLE = "unreadable"  # an answer that is not the agreed JSON (a proxy's page, say), or no mapping to read it


@dataclass(frozen=True, slots=True)
class RegionPull:
    """What one pass did: the cases asked of, the ratings taken in, those left aside, the defaults given."""

    asked: int = 0
    taken: int = 0
    unread: tuple[str, ...] = ()  # ratings the answer held that could not be read or kept (their case numbers)
    defaulted: int = 0
    failed: AskFailure | None = None  # why the platform gave no ratings; None: it answered, or was not to be asked
    status: int = 0  # the platform's HTTP status where it refused


class AnswerError(ValueError):
    """An answer that is not the agreed JSON at all."""


def query_body(case_nos: list[str]) -> bytes:
    return json.dumps({"case_nos": case_nos}, ensure_ascii=False).encode("utf-8")


def _fields(mapping: Mapping) -> dict[str, str]:
    """Each source a rating is read from → its field name in the mapping (as a report of a rating names it)."""
    return {e.source: e.field for e in mapping.elements if PlatformKind.RATED in e.kinds}


def _decoded(codings: Codings, list_name: str, code: str) -> str:
    """The app's value the chosen preset of ``list_name`` codes as ``code``; "" when none does."""
    codes = codings.preset(list_name).codes
    return next((value for value, coded in codes.items() if coded == code), "")


def _rating(row: dict[str, object], fields: dict[str, str], codings: Codings) -> RegionRating:
    def value(source: str) -> str:
        return str(row.get(fields.get(source, ""), "") or "").strip()

    case_no = value("case.case_no")
    level = _decoded(codings, "level", value("rating.level"))
    channel = _decoded(codings, "channel", value("rating.channel"))
    round_ = _decoded(codings, "round", value("rating.round")) or "1"
    if not case_no or not level or not channel:
        raise ValueError(case_no or "case_no")
    rated_at = dt.datetime.strptime(value("rating.rated_at"), MOMENT).replace(tzinfo=BEIJING)
    codes = tuple(c.strip() for c in value("rating.reason_codes").split(",") if c.strip())
    return RegionRating(
        case_no, Level(level), Channel(channel), codes, value("rating.comment")[:MAX_COMMENT], rated_at, int(round_)
    )


def read_answer(raw: bytes, mapping: Mapping, codings: Codings) -> tuple[list[RegionRating], list[str]]:
    """The ratings an answer holds, and what could not be read of it (a case number or the row's place, each)."""
    try:
        rows = json.loads(raw.decode("utf-8"))["ratings"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as err:
        raise AnswerError(str(err)[:120]) from err
    if not isinstance(rows, list):
        raise AnswerError("ratings")
    fields = _fields(mapping)
    found: list[RegionRating] = []
    unread: list[str] = []
    for n, row in enumerate(rows):
        try:
            if not isinstance(row, dict):
                raise ValueError(str(n))
            found.append(_rating(row, fields, codings))
        except (ValueError, TypeError, LookupError):
            case_no = row.get(fields.get("case.case_no", ""), "") if isinstance(row, dict) else ""
            unread.append(str(case_no or f"#{n + 1}"))
    return found, unread
