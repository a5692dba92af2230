"""A hall database of any size, built the way a hall's database grows: township packages taken in by sync import.

The benchmarks of the supervision views, the figures and the lists need a hall that has kept years of cases.  Filling
one with plain SQL would write rows the program never writes (the issue's ``bench_intake`` fill stopped working when
the schema moved on), so the cases here come from real intakes and reach the hall by the real import:

1. a training run at a township (:func:`training_cases`): for every one of the catalog's bundles, intakes of each
   outcome (受理, 容缺受理 with the materials later handed in or left overdue, 补正, 不予受理) taken through
   :func:`counter.actions.intake.take.take_intake`, rated on the review pad (good, not rated, bad with its rectification
   left open or fed back), some with their receipt made and printed;
2. those case records copied as many times as asked (:class:`Copier`): each copy its own uid, case and document
   numbers in its township's series, its desk and clerk, and every date moved to its own working day of the last
   four years (deadlines move with it, so a deferral or rectification of long ago is overdue now);
3. the copies sealed and signed as each township signs its packages (``write_packed``), a package of at most
   ``package_cases`` at a time, and taken in by :func:`counter.actions.sync.packages.import_package`, with every
   sender check.

A copy that the hall holds back (a record the sender checks refuse) stops the build: the generator must make what
a township could send, never the checks let through what it should not.

    from benchmarks.big_hall import build
    hall = build("sqlite:////tmp/hall.sqlite3", 100_000)
    hall.sample_case_nos, hall.first_day, hall.last_day, hall.sites, hall.desks
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import datetime as dt
import gzip
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.admin.accounts import add_account, sign_in
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document, office_settings, record_print, save_office_settings
from counter.actions.catalog.guide_status import publish_guide
from counter.actions.catalog.imports import import_source
from counter.actions.intake.take import fulfil_deferred, take_intake
from counter.actions.ratings.follow_up import move_rectification
from counter.actions.ratings.record import rating_settings, record_rating, record_unrated, send_to_pad
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.actions.sync.packages import import_package
from counter.actions.sync.sync_status import review_items
from counter.case.intake_request import IntakeRequest
from counter.case.status import CaseStatus
from counter.catalog.model import GuideStatus, Necessity
from counter.catalog.publication import PublishRefused
from counter.db import models
from counter.db.account_store import account_row
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.documents.acceptance import OrganAnswer
from counter.documents.kinds import DocumentKind
from counter.host.keys.data_key import ensure_data_keys
from counter.host.machine import paths
from counter.intake.checklist import Checklist, Receipt, ReceivedMedium, record
from counter.intake.outcome import DeferralRequest, Refusal, RefusalGround
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.intake.turn_to import turn_to_text
from counter.parties.identifiers import make_id_number
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level, is_bad
from counter.ratings.pad_reasons import offered_reasons
from counter.ratings.rectification import RectEvent
from counter.sync.keys import load_private_key
from counter.sync.package import CASES_FORMAT, SUBJECT_FORMAT, Header, PackageKind, canonical_json, write_packed
from counter.sync.record_json import to_dict
from counter.sync.sites import SiteKind
from tests.catalog_db import catalog_file
from tests.conftest import SHIPPED_CATALOG
from tests.subject_values import typed_subject
from tests.sync.case_records import case_records
from tests.sync.sync_world import Site, introduce, make_site, sqlite_copy

__all__ = [
    "BigHall", "Copier", "Person", "build", "copy_data_keys", "data_keys_folder", "describe", "hall_site",
    "keep_data_keys", "person", "placements", "training_cases", "working_days",
]  # fmt: skip

HALL = "XAM01"
HALL_NAME = "兴安盟政务服务中心"
TOWNSHIPS = (("ARS01", "阿尔山市明水河镇便民服务中心"), ("KYZ02", "科右中旗巴彦呼舒镇便民服务中心"),
             ("TQX03", "突泉县突泉镇便民服务中心"), ("ZLT04", "扎赉特旗音德尔镇便民服务中心"))  # fmt: skip
DESKS_PER_SITE = 5  # twenty desks in all
YEARS = 4
_CLERKS = ("乌兰", "其木格", "萨仁", "巴特尔", "高娃", "王建国", "李秀英", "张志刚", "刘海燕", "陈立新",
           "娜仁花", "阿拉坦", "赵红梅", "孙宝山", "包金山", "敖登", "白玉兰", "宝音", "吴桂芝", "额尔敦")  # fmt: skip

SAMPLE = 1000  # case numbers kept for the benchmarks that open cases by number, about
#: below this many cases the training run takes one bundle in eight (a smoke run's minute); above it, every bundle
EVERY_BUNDLE_FROM = 20_000

Progress = Callable[[str], None]


def _say(line: str) -> None:
    print(line, flush=True)


# --- the training run ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Training:
    """The training run's case records as plain JSON data, each with the share of the hall's cases it stands for;
    ``site``, the township with its clerk signed in (it has accounts since the run: :func:`staffed`)."""

    site: Site
    records: list[dict[str, object]]
    weights: list[float]


def _person(order: int) -> Applicant:
    id_no = make_id_number("152201", dt.date(1960 + order % 40, 1 + order % 12, 1 + order % 27), order % 997)
    names = ("张海军", "王丽", "孟根其其格", "刘志强", "赵雪梅", "其其格", "白音", "李淑芬", "陈宝", "乌日娜")
    return Applicant(ApplicantKind.PERSON, names[order % len(names)], id_no, f"139{order:08d}"[-11:],
                     "兴安盟乌兰浩特市和平街道民主路18号")  # fmt: skip


#: what share of a hall's cases each kind of training case stands for: most accepted and rated well, about one in
#: forty rated badly (120,000 rectifications in five million cases), deferrals, corrections and a few refusals
SHARES = {
    "accepted/good": 0.55, "accepted/unrated": 0.15, "accepted/none": 0.056, "accepted/bad-open": 0.006,
    "accepted/bad-fed-back": 0.018, "deferred/overdue": 0.04, "deferred/complete": 0.07, "correction": 0.09,
    "refused": 0.02,
}  # fmt: skip


#: the training township's accounts, added as its administrator adds them (`counter user add`): the administrator
#: first, then the clerk who takes the intakes under the desk's own name, and the supervisor who calls a 差评's rater
#: back and decides its handling (a desk without accounts takes none of a supervisor's steps)
_ADMIN, _SUPERVISOR = ("admin", "管理员"), ("supervisor", "那日苏")
_CLERK_LOGIN = "clerk"
_PASSWORD = "Counter-2026-bench"


def staffed(site: Site, now: dt.datetime) -> tuple[Desk, Desk]:
    """The township's desk with its accounts, each signed in as a desk signs in: its clerk's, its supervisor's.

    Once an account exists every step needs a signed-in one, so the clerk signs in too, under the name the desk
    had (the case records name the same clerk).  Accounts already there (a second training run) are signed in again.
    The administrator also records the 司法局's answer that the office is a 行政机关 that may be entrusted
    (`counter office --administrative-organ yes`), without which no paper for an item its department entrusted to
    the window is made (the receipts printed in the run).
    """
    setup = site.desk
    roles = ((_ADMIN, {Role.ADMIN}), ((_CLERK_LOGIN, site.desk.clerk), {Role.CLERK}),
             (_SUPERVISOR, {Role.CLERK, Role.SUPERVISOR}))  # fmt: skip
    signed: dict[str, Desk] = {}
    for (login, name), held in roles:
        with site.sessions.begin() as session:
            if account_row(session, login) is None:
                problems = add_account(session, setup, NewAccount(login, name, frozenset(held), _PASSWORD), now)
                assert not problems, problems
        with site.sessions.begin() as session:
            result = sign_in(session, login, _PASSWORD, setup, now)
        assert result.actor is not None, result
        signed[login] = dataclasses.replace(site.desk, clerk=result.actor.name, actor=result.actor)
        if login == _ADMIN[0]:  # the next accounts are added by the administrator, who answers for the office
            setup = signed[login]
            _organ_answered(site, setup)
    return signed[_CLERK_LOGIN], signed[_SUPERVISOR[0]]


def _organ_answered(site: Site, admin: Desk) -> None:
    with site.sessions.begin() as session:
        office = office_settings(session, site.code)
        if office.administrative_organ != OrganAnswer.YES:
            answered = dataclasses.replace(office, administrative_organ=OrganAnswer.YES.value)
            save_office_settings(session, site.code, answered, desk=admin)


class _TrainingDesk:
    """The township's desk during the training run: intakes taken and rated as the window takes and rates them."""

    def __init__(self, site: Site, day: dt.date, at: dt.datetime) -> None:
        self.site, self.sessions, self.day, self.at = site, site.sessions, day, at
        self.desk, self.supervisor = staffed(site, at)
        self.kinds: dict[int, str] = {}  # case id: which kind of training case
        with self.sessions() as session:
            self.calendar = office_calendar(session)
            settings, _problems = rating_settings(session)
        self.reasons = offered_reasons(settings)[:1]

    def take(self, kind: str, request: IntakeRequest) -> str:
        with self.sessions.begin() as session:
            taken = take_intake(session, self.desk, request, self.day, self.calendar)
            case_id = session.scalar(select(models.Case.id).where(models.Case.case_no == taken.case_no))
        assert case_id is not None
        self.kinds[case_id] = kind
        return taken.case_no

    def rate(self, case_no: str, level: Level | None, fed_back: bool = False) -> None:
        """Sent to the pad and rated (``None``: the pad's time ran out); a bad rating's rectification fed back."""
        desk, at = self.desk, self.at
        with self.sessions.begin() as session:
            pad = send_to_pad(session, case_no, desk, at)
            if level is None:
                record_unrated(session, pad.request_id, desk, at)
                return
            choice = RatingChoice(level, self.reasons if is_bad(level) else ())
            made = record_rating(session, pad.request_id, choice, desk, at, self.calendar)
            if fed_back and made.alert is not None:  # the township's supervisor calls the rater back
                rect, by = made.alert.rectification_id, self.supervisor
                later = at + dt.timedelta(hours=2)
                move_rectification(
                    session, rect, RectEvent.REVISITED, "督查室", "申请人反映等候时间较长", later, desk=by
                )
                move_rectification(session, rect, RectEvent.FIX_AT_ONCE, "督查室", "增开窗口", later, desk=by)
                move_rectification(session, rect, RectEvent.FED_BACK, "督查室", "已电话告知申请人", later, desk=by)

    def receipt(self, case_no: str) -> None:
        with self.sessions.begin() as session:
            made = make_document(session, self.desk, case_no, DocumentKind.RECEIPT, self.day)
            record_print(session, self.desk, made, "file:/dev/null", ok=True)

    def bundle(self, n: int, code: str) -> None:
        """Every outcome of one bundle: accepted (rated every way), deferred, corrected, refused."""
        with self.sessions() as session:
            stored = current_guide(session, code)
        if stored is None or not stored.bundle.published:
            return
        bundle = stored.bundle
        base = fresh_checklist(stored)
        full = complete_checklist(bundle, base)
        # whom the case is about, where that is not the applicant (the newborn of 052, the household of 078): an
        # intake of such a bundle is refused without it
        subject = tuple(typed_subject(bundle).items())

        def request(
            checklist: Checklist, order: int, deferral: DeferralRequest | None = None, refusal: Refusal | None = None
        ) -> IntakeRequest:
            return IntakeRequest(checklist, Parties(_person(order)), deferral, refusal, subject=subject)

        for kind, level in _ACCEPTED:
            case_no = self.take(kind, request(full, n))
            if kind != "accepted/none":
                self.rate(case_no, level, fed_back=kind.endswith("fed-back"))
            if kind == "accepted/good" and n % 8 == 0:  # the receipt, made and printed, on some
                self.receipt(case_no)
        materials = bundle.materials_for(base.answers_dict())
        deferrable = [m.code for m in materials if m.necessity is Necessity.DEFERRABLE]
        if deferrable:
            deferred = full
            for material in deferrable:
                deferred = record(deferred, material, Receipt.MISSING)
            pledge = DeferralRequest(no_bad_credit=True, pledge_signed=True)
            self.take("deferred/overdue", request(deferred, n + 1, deferral=pledge))
            complete = self.take("deferred/complete", request(deferred, n + 2, deferral=pledge))
            with self.sessions.begin() as session:
                fulfil_deferred(session, self.desk, complete, set(deferrable), self.day)
            self.rate(complete, Level.SATISFIED)
        required = [m for m in materials if m.necessity is Necessity.REQUIRED]
        if required:
            corrected = record(full, required[-1].code, Receipt.MISSING)
            if len(required) > 1:
                corrected = record(corrected, required[0].code, Receipt.DEFECTIVE, originals=1,
                                   medium=ReceivedMedium.PAPER, defect_note="申请书未签字")  # fmt: skip
            self.rate(self.take("correction", request(corrected, n + 3)), Level.BASIC)
        # 第二项: the body to turn to, named for each item applied for
        bodies = turn_to_text((item.code, "兴安盟市场监督管理局") for item in bundle.items_for(base.answers_dict()))
        refusal = Refusal(RefusalGround.NOT_IN_REMIT, bodies, insists=False)  # a hall that receives: withdrawn
        self.take("refused", request(full, n + 4, refusal=refusal))


_ACCEPTED = (
    ("accepted/good", Level.VERY_SATISFIED), ("accepted/unrated", None), ("accepted/bad-open", Level.DISSATISFIED),
    ("accepted/bad-fed-back", Level.VERY_DISSATISFIED), ("accepted/none", Level.SATISFIED),
)  # fmt: skip


def training_cases(site: Site, day: dt.date, at: dt.datetime, every: int = 1) -> Training:
    """Intakes of every bundle and outcome at a township's desk on ``day``, rated on its pad: what copies are made of.

    The township has taken the hall's guides in (every bundle published), so the guide versions the records name
    are the hall's.  It gets its accounts first (:func:`staffed`), so that its supervisor answers the 差评s: a caller
    acting at the township afterwards acts as the returned training's ``site`` (its clerk signed in).  ``every``: one
    bundle in that many (a smaller run).
    """
    desk = _TrainingDesk(site, day, at)
    with site.sessions() as session:
        codes = list(session.scalars(select(models.Bundle.code).order_by(models.Bundle.code)))
    for n, code in enumerate(codes):
        if n % every == 0:
            desk.bundle(n, code)
    kinds = desk.kinds
    with site.sessions() as session:
        ids = sorted(kinds)
        records = [to_dict(r) for r in case_records(session, ids)]
    per_kind: dict[str, int] = {}
    for kind in kinds.values():
        per_kind[kind] = per_kind.get(kind, 0) + 1
    weights = [SHARES[kinds[i]] / per_kind[kinds[i]] for i in ids]
    return Training(dataclasses.replace(site, desk=desk.desk), records, weights)


# --- the copies ------------------------------------------------------------------------------------------------

_SLOTS = re.compile(
    r'"(?P<key>uid|case_no|site_code|desk_no|clerk|doc_no|(?:applicant|rater)_(?:name|id_no)|(?:applicant|notify)_phone)"'
    r':"(?P<value>[^"]*)"'
    r'|"(?P<day>\d{4}-\d{2}-\d{2})(?P<time>T[0-9:.]+\+00:00)?"'
)
_UID, _CASE_NO, _SITE, _DESK, _CLERK, _DOC, _DAY, _NAME, _ID_NO, _PHONE = range(10)
_KEYS = {
    "uid": _UID, "case_no": _CASE_NO, "site_code": _SITE, "desk_no": _DESK, "clerk": _CLERK,
    "applicant_name": _NAME, "rater_name": _NAME, "applicant_id_no": _ID_NO, "rater_id_no": _ID_NO,
    "applicant_phone": _PHONE, "notify_phone": _PHONE,
}  # fmt: skip
_PERSONAL = frozenset({_NAME, _ID_NO, _PHONE})


# --- the people ---------------------------------------------------------------------------------------------------

#: a league's people, by how common their names are: a hanzi name is a surname and a given name, each drawn by its
#: rank (王 about one person in fourteen, as in the registers); a Mongolian name stands alone and repeats more (其其格)
_SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪"
    "田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文包"
)
_GIVEN = (
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
    "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "海燕", "志强", "红梅", "宝山",
    "玉兰", "丽华", "淑芬", "海军", "雪梅", "立新", "建华", "春梅", "玉梅", "国庆", "志刚", "红霞", "晓东", "丽娟",
    "金山", "文华", "海涛", "丽萍", "凤英", "建军", "秀珍", "永强", "桂芝", "玉珍", "国华", "爱华", "春华", "宏伟",
    "子涵", "浩然", "欣怡", "梓轩",
)  # fmt: skip
_MONGOLIAN = (
    "其其格", "巴特尔", "乌日娜", "孟根其其格", "娜仁花", "阿拉坦", "敖登", "宝音", "额尔敦", "萨仁",
    "高娃", "乌兰", "斯琴", "图雅", "哈斯", "苏日娜", "巴雅尔", "朝鲁", "格日勒", "满都拉",
    "乌云", "白音", "其木格", "那顺", "阿木古楞", "布仁", "吉日嘎拉", "赛音", "乌力吉", "萨日娜",
    "德力格尔", "宝力道", "图门", "斯日古楞", "呼和", "包金山", "巴图", "通拉嘎", "阿荣", "诺敏",
)  # fmt: skip
MONGOLIAN_SHARE = 0.3
_AREAS = ("152201", "152202", "152221", "152222", "152223", "152224")  # 兴安盟's banners and cities
PEOPLE_PER_CASE = 1 / 3  # a person comes back: about three cases each over the hall's years


def _ranked(count: int, start: int) -> list[float]:
    """Cumulative shares of ``count`` names by rank, the ``r``-th as common as ``1 / (r + start)``."""
    weights = [1 / (r + start) for r in range(1, count + 1)]
    total, running, cumulative = sum(weights), 0.0, []
    for w in weights:
        running += w / total
        cumulative.append(running)
    return cumulative


_SURNAME_SHARES, _GIVEN_SHARES, _MONGOLIAN_SHARES = (
    _ranked(len(_SURNAMES), 3),
    _ranked(len(_GIVEN), 2),
    _ranked(len(_MONGOLIAN), 2),
)


def _mixed(value: int) -> int:
    """A 64-bit hash of ``value`` (splitmix64's finaliser): a person's traits drawn the same at every call."""
    value = (value + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return value ^ (value >> 31)


def _share(value: int, salt: int) -> float:
    return (_mixed(value * 8 + salt) >> 11) / 2**53


def _pick(names: tuple[str, ...] | str, shares: list[float], draw: float) -> str:
    return names[min(bisect.bisect_left(shares, draw), len(names) - 1)]


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    id_no: str
    phone: str


def person(number: int) -> Person:
    """The league's ``number``-th person: a name as common as such names are, an ID number and a mobile of their own
    (both one person's only: the order and birth date, and the phone, follow from the number)."""
    if _share(number, 1) < MONGOLIAN_SHARE:
        name = _pick(_MONGOLIAN, _MONGOLIAN_SHARES, _share(number, 2))
    else:
        name = _pick(_SURNAMES, _SURNAME_SHARES, _share(number, 3)) + _pick(_GIVEN, _GIVEN_SHARES, _share(number, 4))
    born = dt.date(1950, 1, 1) + dt.timedelta(days=number // 1000 * 11 % 20_000)
    id_no = make_id_number(_AREAS[_mixed(number) % len(_AREAS)], born, number % 1000)
    return Person(name, id_no, f"1{3 + _mixed(number) % 7}{number % 10**9:09d}")


@dataclass(frozen=True, slots=True)
class _Shape:
    """A record's canonical JSON cut where a copy differs: literal text, then what goes in each gap."""

    texts: tuple[str, ...]  # one more than gaps
    gaps: tuple[tuple[int, int, str], ...]  # (what, day offset or document's place, the time of day or kind)


def _shape(record: dict[str, object], clerk: str, day: dt.date) -> _Shape:
    # a copy answers no correction notice of its own: the link would name nobody
    text = re.sub(r'"previous_uid":"[0-9a-f]*"', '"previous_uid":""', canonical_json(record).decode())
    texts: list[str] = []
    gaps: list[tuple[int, int, str]] = []
    at = 0
    docs = 0
    for match in _SLOTS.finditer(text):
        key, value = match["key"], match["value"]
        if key == "clerk" and value != clerk:
            continue  # a name that is not the training desk's (a rectification's handler) stays as it is
        if key is None:
            texts.append(text[at : match.start()] + '"')
            offset = (dt.date.fromisoformat(match["day"]) - day).days
            gaps.append((_DAY, offset, (match["time"] or "") + '"'))
        else:
            what = _KEYS.get(key)
            if what in _PERSONAL and not value:
                continue  # a phone to notify not given, a rating without the rater's number: left empty
            texts.append(text[at : match.start()] + f'"{key}":"')
            if what is None:
                parts = value.split("-")
                yearly = len(parts[1]) == 2  # a department's 不予批准 series runs by year, the others by day
                gaps.append((_DOC, docs * 2 + yearly, parts[2] + '"'))
                docs += 1
            else:
                gaps.append((what, 0, '"'))
        at = match.end()
    texts.append(text[at:])
    return _Shape(tuple(texts), tuple(gaps))


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a copy stands: its site, desk, clerk, day and number of the day at that desk."""

    uid: str
    site: str
    desk: int
    clerk: str
    day: dt.date
    seq: int
    person: Person

    @property
    def case_no(self) -> str:
        return f"{self.site}-{self.day:%Y%m%d}-{self.desk:02d}-{self.seq:04d}"


class Copier:
    """The training records copied to any site, desk, clerk and day, as the JSON text a package body holds."""

    def __init__(self, training: Training, day: dt.date) -> None:
        clerk = training.site.desk.clerk
        self.shapes = [_shape(r, clerk, day) for r in training.records]
        total = sum(training.weights)
        running, self.cumulative = 0.0, []
        for w in training.weights:
            running += w / total
            self.cumulative.append(running)
        self._iso: dict[int, str] = {}

    def pick(self, rng: random.Random) -> int:
        """A training record, each as often as the share of cases it stands for."""
        return min(bisect.bisect_left(self.cumulative, rng.random()), len(self.shapes) - 1)

    def _day(self, ordinal: int) -> str:
        found = self._iso.get(ordinal)
        if found is None:
            found = self._iso[ordinal] = dt.date.fromordinal(ordinal).isoformat()
        return found

    def copy(self, which: int, at: Placed) -> str:
        shape = self.shapes[which]
        texts = shape.texts
        out = [texts[0]]
        ordinal = at.day.toordinal()
        who = at.person
        fixed = {
            _UID: at.uid, _CASE_NO: at.case_no, _SITE: at.site, _DESK: str(at.desk), _CLERK: at.clerk,
            _NAME: who.name, _ID_NO: who.id_no, _PHONE: who.phone,
        }  # fmt: skip
        for n, (what, number, tail) in enumerate(shape.gaps):
            if what == _DAY:
                out.append(self._day(ordinal + number))
            elif what != _DOC:
                out.append(fixed[what])
            else:
                place, yearly = divmod(number, 2)
                kind = tail[:-1]
                if yearly:
                    serial = f"{at.day.timetuple().tm_yday:03d}{at.seq:04d}{place}"
                    out.append(f"{at.site}-{at.day:%y}-{kind}-{at.desk:02d}{serial}")
                else:
                    suffix = str(place) if place else ""
                    out.append(f"{at.site}-{at.day:%y%m%d}-{kind}-{at.desk:02d}{at.seq:04d}{suffix}")
            out.append(tail)
            out.append(texts[n + 1])
        return "".join(out)


# --- the hall ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BigHall:
    """What a benchmark needs to know of the hall it was given."""

    url: str
    cases: int
    hall: str  # the hall's site code
    townships: tuple[str, ...]  # the sites whose packages it took in
    desks: tuple[tuple[str, str], ...]  # (site code, desk number) of every desk that took cases
    first_day: dt.date
    last_day: dt.date
    sample_case_nos: tuple[str, ...]  # case numbers spread over the whole database
    seconds: float  # the whole build
    import_seconds: float  # the imports alone (signature, body, records, rows, COMMIT)
    rectifications: int  # opened by bad ratings
    open_rectifications: int  # not fed back: most of them overdue
    awaiting_deferred: int  # 容缺 cases whose materials never came: all but the newest overdue

    @property
    def import_rate(self) -> float:
        return self.cases / self.import_seconds if self.import_seconds else 0.0


def working_days(first: dt.date, last: dt.date) -> list[dt.date]:
    """Monday to Friday between the two: the days a hall takes cases (holidays and make-up days aside)."""
    days = []
    day = first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def hall_site(url: str, folder: Path) -> Site:
    """The hall on ``url``: migrated, the shipped catalog in, every 待核 guide published by its administrator."""
    engine = make_engine(url)
    upgrade(engine)
    sessions = make_sessions(engine)
    if not _count(sessions, models.Bundle):  # a database made from a template may hold the catalog already
        outcome = import_source(sessions, SHIPPED_CATALOG)
        assert outcome.report is not None, outcome.problems
    hall = make_site(sessions, HALL, HALL_NAME, SiteKind.HALL, folder)
    with sessions.begin() as session:  # the hall's administrator confirms every 待核 guide the publish gate lets out
        drafts = session.scalars(select(models.Bundle.code).where(models.Bundle.status == GuideStatus.DRAFT.value))
        for code in list(drafts):
            with contextlib.suppress(PublishRefused):  # its department has still to give a source: it stays 待核
                publish_guide(session, code, desk=hall.desk)
    return hall


def _count(sessions: sessionmaker[Session], table: type[models.Base], *where: object) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table).where(*where)) or 0)  # type: ignore[arg-type]


def placements(site: str, index: int, count: int, days: list[dt.date], seed: int, people: int = 1) -> Iterator[Placed]:
    """``count`` places at ``site`` in the order they happened: the desks in turn, the days spread evenly, each
    case of one of the league's first ``people`` persons (:func:`person`), drawn alike from the whole hall.

    The ``k``-th case of a desk falls on day ``k * len(days) // per_desk``; its number is its place among that
    desk's cases of the day.  So each package holds a stretch of time, as a township's packages do.
    """
    per_desk = -(-count // DESKS_PER_SITE)
    first_of_day: dict[int, int] = {}
    for m in range(count):
        desk = m % DESKS_PER_SITE + 1
        k = m // DESKS_PER_SITE
        day_index = k * len(days) // per_desk
        first = first_of_day.setdefault(day_index, k)
        uid = f"{seed & 0xFFFF:04x}{index:04x}{m:024x}"
        clerk = _CLERKS[(index * DESKS_PER_SITE + desk - 1) % len(_CLERKS)]
        who = person(_mixed(seed * 2**40 + index * 2**32 + m) % people)
        yield Placed(uid, site, desk, clerk, days[day_index], k - first + 1, who)


def _sites(url: str, work: Path) -> tuple[Site, list[Site]]:
    """The hall at ``url`` and its townships, each trusting the others; the first has taken the hall's guides in."""
    catalog = catalog_file(work / "catalog")
    hall = hall_site(url, work / "hall")
    township_sites: list[Site] = []
    for n, (code, name) in enumerate(TOWNSHIPS):
        site = make_site(sqlite_copy(catalog, work / f"{code}.sqlite3"), code, name, SiteKind.TOWNSHIP, work / code)
        introduce(hall, site)
        township_sites.append(site)
        if n == 0:  # the training township takes the hall's guides first, as every township does
            site.take(hall.export(code, now=dt.datetime.now(dt.UTC)).data, now=dt.datetime.now(dt.UTC))
    return hall, township_sites


def data_keys_folder(work: Path) -> Path:
    """Where a build keeps the data keys its hall's personal data is sealed under: ``work/home/keys``."""
    return work / "home" / "keys"


def keep_data_keys(work: Path) -> Path:
    """The data keys this process seals under (made now if there are none), copied into :func:`data_keys_folder`.

    The hall's ID numbers, phones and addresses are sealed under this process's keys (``COUNTER_HOME``'s), and that
    folder may be a temporary one (importing ``tests.conftest`` points ``COUNTER_HOME`` at a folder removed when the
    process ends): without a copy kept with the build, a hall that took hours to build reads as placeholders and
    finds nobody by number.  A build seals under the same keys from its first case to its last (no rotation), so a
    copy taken before the first case is whole.
    """
    mine = paths.site_key_path()
    ensure_data_keys(mine)
    kept = data_keys_folder(work)
    copy_data_keys(mine.parent, kept)
    return kept


def copy_data_keys(source: Path, target: Path) -> list[Path]:
    """The data keys in the key folder ``source`` (``site-data-*.key``: the SM4 keys and the index key) copied into
    ``target`` (made 0700 if missing), as they are named: the one copy a build keeps, a benchmark takes in and hands
    its servers.  Nothing is copied onto itself; the copies are returned."""
    if source.resolve() == target.resolve():
        return []
    target.mkdir(parents=True, exist_ok=True, mode=0o700)
    copied = []
    for key in sorted(source.glob(f"{paths.site_key_path().stem}-data-*.key")):
        copied.append(Path(shutil.copy2(key, target / key.name)))
    return copied


def build(
    url: str,
    cases: int,
    *,
    seed: int = 0,
    package_cases: int = 20_000,
    progress: Progress = _say,
    work: Path | None = None,
) -> BigHall:
    """A hall database at ``url`` (a new SQLite file, or an empty PostgreSQL database) holding ``cases`` cases.

    ``work`` keeps the sites' key files, the data keys the hall's personal data is sealed under (``work/home/keys``:
    :func:`keep_data_keys`) and the townships' own small databases (a temporary folder if not given, removed at the
    end).  Memory stays bounded by ``package_cases``: one package is made, taken in and let go at a time.
    """
    if work is None:
        with tempfile.TemporaryDirectory() as tmp:
            return build(url, cases, seed=seed, package_cases=package_cases, progress=progress, work=Path(tmp))
    started = time.perf_counter()
    os.environ.setdefault("COUNTER_HOME", str(work / "home"))
    keep_data_keys(work)
    hall, township_sites = _sites(url, work)
    progress(f"big hall: hall and {len(township_sites)} townships ready in {time.perf_counter() - started:.1f} s")
    now = dt.datetime.now(dt.UTC)
    training = training_cases(township_sites[0], now.date(), now, 1 if cases >= EVERY_BUNDLE_FROM else 8)
    copier = Copier(training, now.date())
    # what a training case did happened on its day (deadlines lie ahead of it): the newest copies are yesterday's,
    # so that some deferrals and rectifications are still within their time and the older ones are overdue
    last = now.date() - dt.timedelta(days=1)
    days = working_days(last - dt.timedelta(days=365 * YEARS), last)
    progress(f"big hall: {len(training.records)} training cases, days {days[0]} … {days[-1]}")
    rng = random.Random(seed)
    shares = [cases // len(township_sites) + (1 if n < cases % len(township_sites) else 0)
              for n in range(len(township_sites))]  # fmt: skip
    people = max(1, int(cases * PEOPLE_PER_CASE))
    places = [placements(s.code, n, shares[n], days, seed, people) for n, s in enumerate(township_sites)]
    left = list(shares)
    export_no = [0] * len(township_sites)
    sample: list[str] = []
    import_seconds = 0.0
    done = 0
    while any(left):
        for n, site in enumerate(township_sites):
            size = min(package_cases, left[n])
            if not size:
                continue
            left[n] -= size
            export_no[n] += 1
            texts = []
            for _ in range(size):
                at = next(places[n])
                texts.append(copier.copy(copier.pick(rng), at))
                if rng.random() < SAMPLE / cases:
                    sample.append(at.case_no)
            data = _package(site, hall, texts, export_no[n])
            del texts
            seconds = _take(hall, data)
            import_seconds += seconds
            done += size
            progress(f"big hall: {done:,}/{cases:,} cases; {site.code} #{export_no[n]}: {size:,} in {seconds:.1f} s"
                     f" = {size / seconds:,.0f} cases/s")  # fmt: skip
    found = _count(hall.sessions, models.Case)
    assert found == cases, f"{found} cases in the hall, {cases} sent"
    rects = _count(hall.sessions, models.Rectification)
    fed_back = select(models.RectificationHistory.rectification_id).where(
        models.RectificationHistory.event == RectEvent.FED_BACK.value
    )
    open_rects = _count(hall.sessions, models.Rectification, models.Rectification.id.not_in(fed_back))
    awaiting = _count(hall.sessions, models.Case, models.Case.status == CaseStatus.AWAITING_DEFERRED.value)
    hall.sessions.kw["bind"].dispose()
    desks = tuple((s.code, str(d)) for s in township_sites for d in range(1, DESKS_PER_SITE + 1))
    seconds = time.perf_counter() - started
    progress(
        f"big hall: {cases:,} cases ({rects:,} rectifications, {open_rects:,} open; {awaiting:,} awaiting"
        f" deferred materials) in {seconds:.0f} s, imports {cases / max(import_seconds, 1e-9):,.0f} cases/s"
    )
    return BigHall(url, cases, HALL, tuple(s.code for s in township_sites), desks, days[0], days[-1],
                   tuple(sample), seconds, import_seconds, rects, open_rects, awaiting)  # fmt: skip


def describe(url: str, *, seed: int = 0) -> BigHall:
    """What :func:`build` would have said of a hall built before (kept, or a long build stopped between packages).

    A 5M-case hall takes the better part of an hour to build, so the benchmarks measure one built once; each package
    is taken in by its own transaction, so a build stopped between two is a smaller hall of the same kind.  The
    sample is drawn by id, spread over the whole table as :func:`build`'s is.
    """
    sessions = make_sessions(make_engine(url))
    c = models.Case
    rect = models.Rectification
    try:
        with sessions() as session:
            cases = int(session.scalar(select(func.count()).select_from(c)) or 0)
            top = int(session.scalar(select(func.max(c.id))) or 0)
            first, last = session.execute(select(func.min(c.received_on), func.max(c.received_on))).one()
            desks = tuple(
                (str(site), str(desk))
                for site, desk in session.execute(
                    select(c.site_code, c.desk_no).distinct().order_by(c.site_code, c.desk_no)
                )
            )
            rng = random.Random(seed)
            ids = sorted({rng.randint(1, top) for _ in range(SAMPLE)}) if top else []
            sample = tuple(session.scalars(select(c.case_no).where(c.id.in_(ids)))) if ids else ()
            fed_back = select(models.RectificationHistory.rectification_id).where(
                models.RectificationHistory.event == RectEvent.FED_BACK.value
            )
            rects = int(session.scalar(select(func.count()).select_from(rect)) or 0)
            open_rects = int(
                session.scalar(select(func.count()).select_from(rect).where(rect.id.not_in(fed_back))) or 0
            )
            awaiting = int(
                session.scalar(select(func.count()).where(c.status == CaseStatus.AWAITING_DEFERRED.value)) or 0
            )
    finally:
        sessions.kw["bind"].dispose()
    townships = tuple(sorted({site for site, _ in desks} - {HALL}))
    return BigHall(url, cases, HALL, townships, desks, first, last, sample, 0.0, 0.0, rects, open_rects, awaiting)


_SUBJECT = re.compile(r'"subject": ?"[^"]')  # a case record holding its bundle's subject


def _package(site: Site, hall: Site, texts: list[str], export_no: int) -> bytes:
    """The township's package of these records, packed, sealed to the hall and signed as the township signs."""
    plain = ("[" + ",".join(texts) + "]").encode()
    packed = gzip.compress(plain, compresslevel=6, mtime=0)
    # in the format the township's export chooses: the subject's format once a case holds its bundle's subject
    carried = SUBJECT_FORMAT if any(_SUBJECT.search(text) for text in texts) else CASES_FORMAT
    header = Header(site.code, SiteKind.TOWNSHIP.value, hall.code, PackageKind.CASES, export_no,
                    dt.datetime.now(dt.UTC), None, len(texts), format=carried)  # fmt: skip
    key = load_private_key(site.key_path)
    return write_packed(header, packed, len(texts), len(plain), key, hall.identity.encryption_key)


def _take(hall: Site, data: bytes) -> float:
    """One package taken in by the hall; a record held back stops the build, with the hall's reasons."""
    start = time.perf_counter()
    with hall.sessions.begin() as session:
        report = import_package(session, hall.desk, data, dt.datetime.now(dt.UTC), key_path=hall.key_path)
    seconds = time.perf_counter() - start
    if report.held or report.unchanged or report.replayed:
        with hall.sessions() as session:
            held = [(i.record_key, i.reason, i.detail) for i in review_items(session)[:5]]
        raise RuntimeError(f"the hall did not take every case in: {report}; {held}")
    return seconds


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="a new SQLite file (sqlite:////path) or an empty PostgreSQL database")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--package-cases", type=int, default=20_000, help="cases per township package")
    args = parser.parse_args()
    hall = build(args.url, args.cases, seed=args.seed, package_cases=args.package_cases)
    print(f"days {hall.first_day} … {hall.last_day}; sites {HALL} + {', '.join(hall.townships)};"
          f" {len(hall.desks)} desks; sample {', '.join(hall.sample_case_nos[:3])} …")  # fmt: skip


if __name__ == "__main__":
    main()
