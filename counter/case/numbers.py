"""Case numbers and document numbers that never collide.

A case number is ``SITE-YYYYMMDD-DESK-NNNN``: the site code is unique in the
league (a township's own code, so offline townships cannot collide with the
hall), the desk number is unique in the site, and the sequence is per desk and
day, taken atomically from the database.  At most 50 characters (domain §7).

A document number is ``SITE-YYMMDD-K-DESKNNNN`` (K: the kind of notice), at most
30 characters, also per desk and day.

A training database numbers both from :data:`TRAINING_FIRST`, a sequence no desk
reaches in a day of real work: a training number is never a live case's, so a
training paper scanned at the live desk finds nothing instead of a stranger's case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

CASE_NO_MAX = 50
TRAINING_FIRST = 9001  # the first case and notice of a day in a training database
DOC_NO_MAX = 30
SITE_CODE = re.compile(r"^[A-Z0-9]{2,12}$")
DESK_NO = re.compile(r"^[0-9]{1,4}$")
CASE_NO = re.compile(r"^(?P<site>[A-Z0-9]{2,12})-(?P<day>\d{8})-(?P<desk>\d{1,4})-(?P<seq>\d{4,6})$")


class DocKind(StrEnum):
    """Printed notices, with the letter used in their numbers."""

    RECEIPT = "S"  # 受理凭证
    DEFERRAL = "R"  # 容缺受理通知书
    PLEDGE = "C"  # 容缺受理承诺书: the applicant's own paper, with its own series
    CORRECTION = "B"  # 补齐补正通知书
    REFUSAL = "J"  # 不予受理通知书
    DENIAL = "P"  # 不予批准决定书
    GUIDE = "G"  # 一次性告知单, printed for someone who only asks


class BadIdentity(ValueError):
    """A site code or desk number that cannot make a valid case number."""


@dataclass(frozen=True, slots=True)
class DeskIdentity:
    site_code: str
    desk_no: str

    def __post_init__(self) -> None:
        if not SITE_CODE.match(self.site_code):
            raise BadIdentity(f"site code {self.site_code!r}: 2-12 capital letters or digits")
        if not DESK_NO.match(self.desk_no):
            raise BadIdentity(f"desk number {self.desk_no!r}: 1-4 digits")


def case_no(desk: DeskIdentity, day: date, sequence: int) -> str:
    value = f"{desk.site_code}-{day:%Y%m%d}-{int(desk.desk_no):02d}-{sequence:04d}"
    assert len(value) <= CASE_NO_MAX
    return value


def doc_no(desk: DeskIdentity, day: date, kind: DocKind, sequence: int) -> str:
    value = f"{desk.site_code}-{day:%y%m%d}-{kind.value}-{int(desk.desk_no):02d}{sequence:04d}"
    assert len(value) <= DOC_NO_MAX
    return value


def looks_like_case_no(text: str) -> bool:
    """Whether scanned or typed text is a case number (the scanner types it plus Enter)."""
    return CASE_NO.match(text.strip().upper()) is not None
