"""Case numbers and document numbers that never collide.

A case number is ``SITE-YYYYMMDD-DESK-NNNN``: the site code is unique in the
league (a township's own code, so offline townships cannot collide with the
hall), the desk number is unique in the site, and the sequence is per desk and
day, taken atomically from the database.  At most 50 characters (domain §7).

A document number is ``SITE-YYMMDD-K-DESKNNNN`` (K: the kind of notice), at most
30 characters, also per desk and day.

A 不予批准决定书 is the deciding department's, so it has that department's own series
(seed 001 第十七条(二)): ``SITE-YY-PKKK-DESKNNNN``, where ``KKK`` is
:func:`department_key` (three letters or digits of a hash of the department's full
name) and the sequence runs per site, desk, department and year — a department
decides few items at one desk, and a yearly series is how its decisions are numbered
(〔2026〕…号).  At most 29 characters; it cannot collide with another notice (their
date part has six digits, this one two) nor with another department's (the key is in
the number and in the sequence's kind, ``P`` and the key).  Two departments whose
names hash to one key share a series: their numbers are still unique.

A training database numbers both from :data:`TRAINING_FIRST`, a sequence no desk
reaches in a day of real work: a training number is never a live case's, so a
training paper scanned at the live desk finds nothing instead of a stranger's case.

A hall desk that goes on without its server (outage mode) keeps its intakes on its own store and numbers them
there, before the hall can give it a number.  Its store numbers from :data:`OUTAGE_FIRST`: the site code is the
hall's and the desk number its own, so no other desk shares the number, and the hall's own series for this desk and
day would have to pass 8,000 intakes in one day (a desk takes some hundred) before it met one; a thousand numbers
below the training series are more than a desk takes in a day without its server.  The sequence keeps four digits:
a document number writes the desk and the sequence side by side (``doc_no``), so a fifth digit would let desk 88's
80001 read as desk 888's 0001.  The number is a case number of the ordinary form, so the applicant's receipt finds
the case at the hall once it is handed over, and the scanner reads it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

CASE_NO_MAX = 50
TRAINING_FIRST = 9001  # the first case and notice of a day in a training database
OUTAGE_FIRST = 8001  # the first case and notice of a day in a desk's outage store: see the module's reason
DOC_NO_MAX = 30
SITE_CODE = re.compile(r"^[A-Z0-9]{2,12}$")
DESK_NO = re.compile(r"^[0-9]{1,4}$")
"""A desk number as it may be READ: stored in a desk's settings or a hall's registrations, or received from a
township on another release.  It takes "08" beside "8", which were given before :data:`DESK_NO_GIVEN`: such a desk is
still read as it was written, never silently renamed (its cases and its registration carry that spelling)."""
DESK_NO_GIVEN = re.compile(r"^[1-9][0-9]{0,3}$")
"""A desk number as a person may GIVE it (``counter desk --desk``, F8 本窗口, a site's set-up, ``counter serve
add-desk``, the machine's file): 1 to 9999 without a leading zero.  Every case and document number writes the desk as
``int(desk_no):02d``, so "8", "08" and "008" are one desk in its numbers: given as distinct desks they issued one case
number twice, or failed on its unique key; and a desk set up as "08" was unknown when it signed in as "8".  One way of
writing each number makes one desk one spelling; 0 is no desk."""
CASE_NO = re.compile(r"^(?P<site>[A-Z0-9]{2,12})-(?P<day>\d{8})-(?P<desk>\d{1,4})-(?P<seq>\d{4,6})$")


class DocKind(StrEnum):
    """Printed notices, with the letter used in their numbers."""

    APPLICATION = "Q"  # 一件事联办申请表 (申请, shenQing): the applicant's own paper, with its own series
    RECEIPT = "S"  # 受理凭证
    DEFERRAL = "R"  # 容缺受理通知书
    PLEDGE = "C"  # 容缺受理承诺书: the applicant's own paper, with its own series
    CORRECTION = "B"  # 补齐补正通知书
    REFUSAL = "J"  # 不予受理通知书
    DENIAL = "P"  # 不予批准决定书
    # 受理通知书 of one item by its department: numbered in that department's series (decision_no) as the denial is
    ACCEPTANCE = "A"
    # 补正材料通知书 of one item by its department: in its series too
    SUPPLEMENT = "N"
    # 不予受理通知书 of one item by its department, where the hall only received it: in its series too
    ITEM_REFUSAL = "U"
    GUIDE = "G"  # 一次性告知单, printed for someone who only asks
    SERVICE = "D"  # 送达回证: the record of results handed over (counter.case.hand_over)
    DATE_NOTICE = "T"  # 期限告知书: a date told to the applicant changed (counter.case.date_changes)


class BadIdentity(ValueError):
    """A site code or desk number that cannot make a valid case number: ``field`` says which (``site_code``,
    ``desk_no``), ``value`` what was given; the faces word it."""

    def __init__(self, field: str, value: str, rule: str) -> None:
        super().__init__(f"{field} {value!r}: {rule}")
        self.field = field
        self.value = value


@dataclass(frozen=True, slots=True)
class DeskIdentity:
    site_code: str
    desk_no: str

    def __post_init__(self) -> None:
        if not SITE_CODE.match(self.site_code):
            raise BadIdentity("site_code", self.site_code, "2-12 capital letters or digits")
        if not DESK_NO.match(self.desk_no):
            raise BadIdentity("desk_no", self.desk_no, "1-4 digits")


def check_given_desk_no(desk_no: str) -> None:
    """Refuse (:class:`BadIdentity`) a desk number given by a person that is not :data:`DESK_NO_GIVEN`'s: a desk
    registered, or set up, as "08" beside desk 8 would share its case numbers."""
    if not DESK_NO_GIVEN.match(desk_no):
        raise BadIdentity("desk_no", desk_no, "1 to 9999 without a leading zero")


def case_no(desk: DeskIdentity, day: date, sequence: int) -> str:
    value = f"{desk.site_code}-{day:%Y%m%d}-{int(desk.desk_no):02d}-{sequence:04d}"
    assert len(value) <= CASE_NO_MAX
    return value


def doc_no(desk: DeskIdentity, day: date, kind: DocKind, sequence: int) -> str:
    value = f"{desk.site_code}-{day:%y%m%d}-{kind.value}-{int(desk.desk_no):02d}{sequence:04d}"
    assert len(value) <= DOC_NO_MAX
    return value


DEPARTMENT_KEY_LENGTH = 3
_KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1: read aloud or typed back without doubt


def department_key(department: str) -> str:
    """A short fixed key of a department's full name, for its number series."""
    digest = int.from_bytes(hashlib.sha256(department.strip().encode("utf-8")).digest()[:8], "big")
    key = ""
    for _ in range(DEPARTMENT_KEY_LENGTH):
        digest, index = divmod(digest, len(_KEY_ALPHABET))
        key += _KEY_ALPHABET[index]
    return key


def decision_sequence_kind(department: str) -> str:
    """The sequence kind of a department's 不予批准 series (``desk_counter.kind``, at most 8 characters)."""
    return f"{DocKind.DENIAL.value}{department_key(department)}"


def decision_series_day(day: date) -> date:
    """The day a yearly series is kept under (sequences are per day): the year's first."""
    return date(day.year, 1, 1)


def decision_no(desk: DeskIdentity, day: date, department: str, sequence: int) -> str:
    """The number of a department's 不予批准决定书: its own yearly series at this desk."""
    value = f"{desk.site_code}-{day:%y}-{decision_sequence_kind(department)}-{int(desk.desk_no):02d}{sequence:04d}"
    assert len(value) <= DOC_NO_MAX
    return value


# The days the desk works with: a clerk's ``--today`` and every date typed on the command line.  From the first year
# of the State Council's holiday arrangements the app carries (chinesecalendar's data start in 2004; before it the
# working days would be guessed by today's 全国年节及纪念日放假办法, which did not apply then) to the last year that
# a notice's number can tell apart: it carries the year in two digits (``doc_no``, ``decision_no``), so 2100 would
# number like 2000.  Outside them a deadline is computed from rules that did not or cannot hold, or overflows.
FIRST_SUPPORTED_DAY = date(2004, 1, 1)
LAST_SUPPORTED_DAY = date(2099, 12, 31)


def supported_day(day: date) -> bool:
    return FIRST_SUPPORTED_DAY <= day <= LAST_SUPPORTED_DAY


def taken_in_outage(number: str) -> bool:
    """Whether ``number`` is a case number a hall desk gave in outage mode (:data:`OUTAGE_FIRST` up to the training
    series): its papers say the case is yet to be entered into the hall's system, on every print of them."""
    found = CASE_NO.match(number)
    return found is not None and OUTAGE_FIRST <= int(found["seq"]) < TRAINING_FIRST


def looks_like_case_no(text: str) -> bool:
    """Whether scanned or typed text is a case number (the scanner types it plus Enter)."""
    return CASE_NO.match(text.strip().upper()) is not None
