"""The 前置库: the platform's events as rows of the national front-store tables, which the platform pulls.

Many provinces take a window system's 办件 and 电子证照 not by a call but from a database beside the platform (the
前置库): the system writes rows into ``up_pro_accept`` (受理), ``up_pro_process`` (过程), ``up_pro_result`` (办结),
``up_pro_special_procedure`` (特别程序), ``up_pro_material`` (材料) and ``up_lic_data`` (电子证照), each row carrying
``cd_batch`` (批次号), ``cd_operation`` (同步类型), ``cd_time`` (同步时间), ``data_source`` (数据来源) and
``row_guid`` (记录唯一标识); the platform reads what is new by batch and time.  The tables' columns are those of the
public DDL, kept with its source in ``counter/resources/platform/front-store-tables.sql``.

An event becomes its rows here, from the same facts the HTTPS channel maps
(:func:`counter.actions.outbox.platform_facts.facts_of`) and what the case's lines and guide add
(:class:`CaseExtra`).  The rows of one event are written in one transaction of the front store, so the platform sees
all of them or none; each row's ``row_guid`` is made from the event's key, so every attempt of an event writes the
same rows, and the front store's transport (:mod:`counter.host.outward.front_store`) skips an event whose first row is
there already: written once, whatever dies between the front store's commit and the sender's mark.

The codes are those every report uses, each list in the coding the integrator chose of the platform's mapping file
(:class:`counter.platform.code_lists.Codings`, asked as :data:`Code`): 办件类型 (GB/T 39046-2020 A.6), the 办结结果
(BJJGDM or its variant), 申请人类型, 证件类型 (GA/T 2000.156), 持证主体代码类型 (GB/T 36903-2018), 是否快递, 业务动作
and 特别程序种类, so the front store and the HTTPS platform never say one thing in two codes.  The table and column
names, lengths and which are required come from the DDL.  Not confirmed by a public text, and so this module's stated
choice: ``cd_operation``'s values (I/U/D), 收取方式 (``get_type`` is two characters there, where GB/T 39046 writes
the way's name: :data:`GET_TYPES`) and 申请类型 (:data:`WINDOW_APPLICATION`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from counter.platform.events import PlatformKind

__all__ = [
    "CaseExtra",
    "Code",
    "FrontRow",
    "FrontStoreProblem",
    "FrontStoreRefused",
    "FrontStoreSettings",
    "ItemFacts",
    "MaterialFacts",
    "RowsRefused",
    "front_store_from_json",
    "rows_of",
    "rows_refused_of",
]

DEFAULT_TIMEOUT = 10.0
DEFAULT_ATTEMPTS = 10

# cd_operation: 新增 and 删除 (修改 would be U; none of the events changes a row it wrote): this app's, not confirmed
INSERT, DELETE = "I", "D"

ACCEPT, PROCESS, RESULT, SPECIAL, MATERIAL, LICENCE = (
    "up_pro_accept",
    "up_pro_process",
    "up_pro_result",
    "up_pro_special_procedure",
    "up_pro_material",
    "up_lic_data",
)
#: the column a row's identity is kept in: ``row_guid``, but in ``up_lic_data``, which the public DDL gives none, its
#: 电子证照源标识 (``certificate_source_id``)
GUID_COLUMNS = {LICENCE: "certificate_source_id"}


def guid_column(table: str) -> str:
    return GUID_COLUMNS.get(table, "row_guid")


#: the steps written as process rows, with the name of their 环节 (业务动作 is the ``action`` list's code)
STEP_NAMES = {
    PlatformKind.RECEIVED: "窗口收件",  # the hall only received: the 受理 rows are its departments' own
    PlatformKind.CORRECTION: "补正告知",
    PlatformKind.ITEM_DECIDED: "审批决定",
    PlatformKind.ITEM_ACCEPTED: "部门受理",
    PlatformKind.DELIVERED: "送达",
}
#: the 业务动作 of a step when its facts do not say: GB/T 39046-2020 表 7 (通过, 退回, 其他)
STEP_ACTIONS = {
    PlatformKind.RECEIVED: "pass",
    PlatformKind.CORRECTION: "return",
    PlatformKind.ITEM_DECIDED: "pass",
    PlatformKind.ITEM_ACCEPTED: "pass",
    PlatformKind.DELIVERED: "pass",
}
#: a department's 受理 as its 环节处理意见: who accepted, on which day, the promise and the paper's number
ACCEPTED_OPINION = "{department}于{accepted}受理，承诺{promised}前办结（受理通知书{doc_no}）"
#: 收取方式 per material (not confirmed): 纸质, 电子, 共享获取（证照库免提交）
GET_TYPES = {"paper": "1", "electronic": "2", "shared": "3"}
#: the code of a value in a list, in the coding the integrator chose (Codings.code): ("result", "voided") → "3"
Code = Callable[[str, str], str]
WINDOW_APPLICATION = "1"  # 申请类型: 窗口申请 (not confirmed)
_URL = re.compile(r"^postgresql(\+psycopg)?://[^:@/]+@[^/]*/[A-Za-z0-9_]+(\?.*)?$")


class FrontStoreProblem(StrEnum):
    BAD_URL = "bad_url"  # not postgresql://USER@HOST[:PORT]/DB (no password in it: the password is the secret)
    NO_SECRET = "no_secret"
    NO_DATA_SOURCE = "no_data_source"  # 数据来源: the platform's code of this system, 1-3 characters
    BAD_TIMEOUT = "bad_timeout"
    BAD_ATTEMPTS = "bad_attempts"
    SECRET_TRAINING = "secret_training"  # a secret given in a training database: the file is the live one's


@dataclass(frozen=True, slots=True)
class FrontStoreSettings:
    """The hall's 前置库: where it is (``url`` without the password), the password (``secret``, a file of the sending
    machine, never in the database) and what the platform assigned this system (数据来源, 租户, the ids its rows are
    written under, 管辖属地编码).  The 统一社会信用代码 of the office and the issuing departments are the platform
    connection's (``PlatformSettings.org_codes``), the codes its chosen codings: one place for each."""

    enabled: bool = False
    url: str = ""
    secret: str = ""
    data_source: str = ""
    tenant_id: int = 0
    org_id: int = 0
    user_id: int = 0
    area_code: str = ""  # 证照所属管辖属地编码
    timeout: float = DEFAULT_TIMEOUT
    attempts: int = DEFAULT_ATTEMPTS

    @property
    def sends(self) -> bool:
        return self.enabled and bool(self.url.strip())

    def problems(self) -> tuple[FrontStoreProblem, ...]:
        found: list[FrontStoreProblem] = []
        if not _URL.match(self.url.strip()) or urlsplit(self.url.strip()).password is not None:
            found.append(FrontStoreProblem.BAD_URL)
        if not self.secret:
            found.append(FrontStoreProblem.NO_SECRET)
        if not 1 <= len(self.data_source.strip()) <= 3:
            found.append(FrontStoreProblem.NO_DATA_SOURCE)
        if not 1 <= self.timeout <= 60:
            found.append(FrontStoreProblem.BAD_TIMEOUT)
        if not 1 <= self.attempts <= 30:
            found.append(FrontStoreProblem.BAD_ATTEMPTS)
        return tuple(found)


def front_store_from_json(raw: str | None) -> FrontStoreSettings:
    """The settings a stored text says; none (not sending) when there is none or it cannot be read."""
    if not raw:
        return FrontStoreSettings()
    try:
        stored = json.loads(raw)
        names = {f.name for f in dataclasses.fields(FrontStoreSettings)} - {"secret"}
        kept = {k: v for k, v in stored.items() if k in names}
        settings = FrontStoreSettings(**kept)
        return dataclasses.replace(
            settings,
            tenant_id=int(settings.tenant_id),
            org_id=int(settings.org_id),
            user_id=int(settings.user_id),
            timeout=float(settings.timeout),
            attempts=int(settings.attempts),
        )
    except (ValueError, TypeError, AttributeError):
        return FrontStoreSettings()


@dataclass(frozen=True, slots=True)
class ItemFacts:
    """An item applied for, as the guide the case was taken under has it."""

    code: str  # 实施编码
    basic_code: str  # 基本编码
    name: str
    handle_item: str = ""  # 业务办理项编码, where the catalog has it


@dataclass(frozen=True, slots=True)
class MaterialFacts:
    """One line of the case's checklist as the platform is told it: its name, how it came, how many."""

    name: str
    medium: str  # paper / electronic / shared
    count: int


@dataclass(frozen=True, slots=True)
class CaseExtra:
    """What the rows need besides the event's facts: the items, the guide's version, the materials, and for a
    licence withdrawn the key of the event that issued it (its row is the one deleted)."""

    items: tuple[ItemFacts, ...] = ()
    guide_version: int = 0
    materials: tuple[MaterialFacts, ...] = ()
    issued_key: str = ""
    # 证照类型代码 of the licence an event is of: the 证照库's own code for the type, as the library format lists it
    # (``[licence_types]``, :attr:`counter.intake.licences.LibraryFormat.type_codes`), the table a look-up sends too
    licence_type_code: str = ""
    handed_by: str = ""  # who acted: the clerk of the step


@dataclass(frozen=True, slots=True)
class FrontRow:
    """One row for a front-store table: its table, its operation, and its columns (``cd_batch`` and ``cd_time``
    are the transport's, set at writing)."""

    table: str
    operation: str
    row_guid: str
    values: dict[str, object] = field(default_factory=dict)


class FrontStoreRefused(ValueError):
    """Settings with problems: nothing saved.  Every problem at once."""

    def __init__(self, problems: tuple[FrontStoreProblem, ...]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = problems


class RowsRefused(ValueError):
    """An event whose required columns have no value: not written, in the failed list with why (its text, read
    back by :func:`rows_refused_of`)."""

    def __init__(self, table: str, missing: list[str]) -> None:
        super().__init__(f"{table}: no value for {', '.join(missing)}")
        self.table, self.missing = table, tuple(missing)


_ROWS_REFUSED = re.compile(r"(?P<table>\w+): no value for (?P<missing>\w+(?:, \w+)*)")


def rows_refused_of(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The table and its columns without a value that a stored reason (a :class:`RowsRefused`'s text) names; None
    for any other text."""
    found = _ROWS_REFUSED.fullmatch(text)
    return None if found is None else (found["table"], tuple(found["missing"].split(", ")))


def rows_of(
    kind: PlatformKind, facts: dict[str, str], extra: CaseExtra, settings: FrontStoreSettings, code: Code
) -> list[FrontRow]:
    """The rows ``kind``'s event is written as (none for a kind the front store has no table for: the ratings),
    coded by ``code``.  :class:`RowsRefused` for a required column without a value; the coding's own errors
    (:class:`counter.platform.code_lists.NoCode`, ``Unchosen``) as they are."""
    rows = _rows(kind, facts, extra, settings, code)
    made = [
        dataclasses.replace(
            row,
            values={
                **_common(settings, row, facts),
                **row.values,
                guid_column(row.table): row.row_guid,
                "cd_operation": row.operation,
            },
        )
        for row in rows
    ]
    for row in made:
        missing = sorted(k for k in _REQUIRED[row.table] if row.values.get(k) in (None, ""))
        if missing:
            raise RowsRefused(row.table, missing)
    return made


def _rows(  # noqa: PLR0911 - one return per kind of event reads as the table of what each is written as
    kind: PlatformKind, facts: dict[str, str], extra: CaseExtra, settings: FrontStoreSettings, code: Code
) -> list[FrontRow]:
    key = facts["event.key"]
    if kind in (PlatformKind.ACCEPTED, PlatformKind.DEFERRED):
        return [*_accepts(key, facts, extra, code), *_materials(key, facts, extra)]
    if kind is PlatformKind.REFUSED:
        ground = facts.get("case.refusal_ground", "")
        return [*_accepts(key, facts, extra, code), _result(key, facts, code, "refused", ground)]
    if kind is PlatformKind.RECEIVED:  # a 收件 is no 受理: a step and the materials it took, no up_pro_accept row
        return [_process(key, kind, facts, extra, code), *_materials(key, facts, extra)]
    if kind in STEP_NAMES:
        return [_process(key, kind, facts, extra, code)]
    if kind is PlatformKind.COMPLETED:
        return [_result(key, facts, code, facts.get("case.result", "") or "granted", "")]
    if kind.value in ("withdrawn", "voided", "lapsed"):  # 撤回, 作废 (删除办结), 补正不来办结
        return [_result(key, facts, code, kind.value, facts.get("case.end_reason", ""))]
    if kind.value == "special_procedure":
        return [_special(key, facts, code)]
    if kind is PlatformKind.LICENCE_ISSUED:
        return [_licence(key, INSERT, facts, extra, settings, code)]
    if kind is PlatformKind.LICENCE_VOIDED:
        return [_licence(extra.issued_key or key, DELETE, facts, extra, settings, code)]
    return []


def row_guid(key: str, table: str, n: int = 0) -> str:
    """A row's 记录唯一标识: the same for every attempt of its event (32 hex digits, no case's uid in it)."""
    return hashlib.sha256(f"{key}:{table}:{n}".encode()).hexdigest()[:32]


def row_id(guid: str, operation: str) -> int:
    """The row's ``id`` (the DDL's 雪花算法 id, bigint): made from its guid and operation, positive, 60 bits."""
    return int(hashlib.sha256(f"{guid}:{operation}".encode()).hexdigest()[:15], 16)


def moment(text: str) -> dt.datetime | None:
    """A fact's time (北京时间 ``YYYY-MM-DD HH:MM:SS``) or day (``YYYY-MM-DD``) as the tables' ``datetime``."""
    text = text.strip()
    if not text:
        return None
    return (
        dt.datetime.fromisoformat(text) if " " in text else dt.datetime.combine(dt.date.fromisoformat(text), dt.time())
    )


def _common(settings: FrontStoreSettings, row: FrontRow, facts: dict[str, str]) -> dict[str, object]:
    at = moment(facts.get("event.at", ""))
    return {
        "id": row_id(row.row_guid, row.operation),
        "data_source": settings.data_source.strip(),
        "tenant_id": settings.tenant_id,
        "create_org_id": settings.org_id,
        "create_user_id": settings.user_id,
        "update_org_id": settings.org_id,
        "update_user_id": settings.user_id,
        "create_time": at,
        "update_time": at,
        "version": 1,
    }


def _accepts(key: str, facts: dict[str, str], extra: CaseExtra, code: Code) -> list[FrontRow]:
    """One 受理 row per item applied for: the national table keeps one 事项 per row, the 办件编号 is the case's."""
    same_day = facts.get("case.promised_on", "") in ("", facts.get("case.accepted_on", ""))
    item_kind = facts.get("case.item_kind", "") or ("immediate" if same_day else "promised")  # GB/T 39046 A.6
    rows = []
    for n, item in enumerate(extra.items):
        rows.append(FrontRow(ACCEPT, INSERT, row_guid(key, ACCEPT, n), {
            "project_no": facts["case.case_no"],
            "accept_doc_no": facts.get("case.receipt_no", "") or facts["case.case_no"],
            "apply_date": moment(facts.get("case.received_at", "")),
            "accept_date": moment(facts.get("event.at", "")),
            "apply_type": WINDOW_APPLICATION,
            "applyer_name": facts.get("case.applicant_name", ""),
            "applyer_page_code": facts.get("case.applicant_id_no", ""),
            "applyer_page_type": code("id_type", facts.get("case.applicant_id_type", "")),
            "applyer_type": code("applicant_kind", facts.get("case.applicant_kind", "")),
            "contact_name": facts.get("case.agent_name", "") or None,
            "contact_code": facts.get("case.agent_id_no", "") or None,
            "contact_type": code("id_type", "id_card") if facts.get("case.agent_id_no") else None,
            "contact_mobile": facts.get("case.applicant_phone", "")[:11] or None,
            "catalog_code": item.basic_code,
            "task_code": item.code,
            "task_handle_item": item.handle_item or None,
            "task_name": item.name,
            "task_version": extra.guide_version,
            "org_code": facts.get("case.accept_org_code", ""),
            "org_name": facts.get("event.office", ""),
            "handle_user_name": facts.get("case.clerk", "") or None,
            "project_name": facts.get("case.bundle_name", "") or None,
            "project_type": code("item_kind", item_kind),
            "promise_date": moment(facts.get("case.promised_on", "")),
        }))  # fmt: skip
    return rows


def _materials(key: str, facts: dict[str, str], extra: CaseExtra) -> list[FrontRow]:
    return [
        FrontRow(
            MATERIAL,
            INSERT,
            row_guid(key, MATERIAL, n),
            {
                "project_no": facts["case.case_no"],
                "material_name": m.name[:200],
                "get_type": GET_TYPES.get(m.medium, GET_TYPES["paper"]),
                "get_num": str(m.count)[:5],
            },
        )
        for n, m in enumerate(extra.materials)
    ]


def _process(key: str, kind: PlatformKind, facts: dict[str, str], extra: CaseExtra, code: Code) -> FrontRow:
    name = STEP_NAMES[kind]
    action = facts.get("step.action", "") or STEP_ACTIONS[kind]
    if kind is PlatformKind.ITEM_DECIDED and facts.get("item.decision") == "denied":
        action = facts.get("step.action", "") or "return"
    at = moment(facts.get("event.at", ""))
    opinion = facts.get("item.note", "") or facts.get("item.decision", "") or name
    if kind is PlatformKind.ITEM_ACCEPTED:
        opinion = ACCEPTED_OPINION.format(
            department=facts.get("item.department", ""), accepted=facts.get("item.accepted_on", ""),
            promised=facts.get("item.promised_on", ""), doc_no=facts.get("item.accept_doc_no", ""),
        )  # fmt: skip
    if facts.get("item.name"):
        name = f"{name}（{facts['item.name']}）"
    return FrontRow(PROCESS, INSERT, row_guid(key, PROCESS), {
        "project_no": facts["case.case_no"],
        "event_name": code("action", action),
        "process_name": name,
        "event_start_time": at,
        "event_end_time": at,
        "handle_explain": opinion[:2000],
        "handle_user_name": extra.handed_by or facts.get("step.by", "") or facts.get("case.clerk", ""),
    })  # fmt: skip


def _result(key: str, facts: dict[str, str], code: Code, ending: str, explain: str) -> FrontRow:
    return FrontRow(RESULT, INSERT, row_guid(key, RESULT), {
        "project_no": facts["case.case_no"],
        "result_type": code("result", ending),
        "result_date": moment(facts.get("case.completed_at", "") or facts.get("event.at", "")),
        "result_explain": explain[:2000] or None,
        "result_cetr_name": facts.get("licence.type", "") or None,
        "result_cetr_no": facts.get("licence.number", "") or None,
        "is_delivery_results": code("express", facts.get("case.delivery", "") or "pickup"),
        "handle_user_name": facts.get("case.clerk", "") or None,
    })  # fmt: skip


def _special(key: str, facts: dict[str, str], code: Code) -> FrontRow:
    """A 特别程序 (GB/T 39046-2020 表 7: 延长审批, or another: a pause and its end, a 容缺 deadline extended)."""
    step = facts.get("procedure.step", "")
    started = moment(facts.get("procedure.started_at", "") or facts.get("event.at", ""))
    return FrontRow(SPECIAL, INSERT, row_guid(key, SPECIAL), {
        "project_no": facts["case.case_no"],
        "special_type": code("special_procedure", step),
        "special_name": _procedure_name(code, step),
        "special_reason": facts.get("procedure.reason", "")[:2000],
        "special_time": started,
        "end_time": moment(facts.get("procedure.ended_at", "")) or started,
        "result": facts.get("procedure.result", "")[:2000] or None,
        "handle_user": facts.get("step.by", "") or None,
        "applyer_user_name": facts.get("case.applicant_name", "") or None,
    })  # fmt: skip


#: 特别程序种类名称 where the mapping file has no list of them (GB/T 39046-2020 表 7 writes the name, no code)
PROCEDURE_NAMES = {
    "extension": "延长审批",
    "pause": "暂停审查",
    "resume": "暂停审查",
    "deferral_extension": "延长容缺材料补交期限",
}


def _procedure_name(code: Code, step: str) -> str:
    try:
        return code("procedure_name", step)
    except LookupError:  # no such list in the file, or no name for the step in it
        return PROCEDURE_NAMES.get(step, step)


def _licence(
    key: str, operation: str, facts: dict[str, str], extra: CaseExtra, settings: FrontStoreSettings, code: Code
) -> FrontRow:
    return FrontRow(LICENCE, operation, row_guid(key, LICENCE), {
        "certificate_name": facts.get("licence.type", ""),
        "certificate_type": facts.get("licence.type", ""),
        "certificate_type_code": extra.licence_type_code,
        "certificate_number": facts.get("licence.number", ""),
        "certificate_holder": facts.get("licence.holder", ""),
        "certificate_holder_code": facts.get("licence.holder_id", ""),
        "certificate_holder_type": code("holder_type", facts.get("licence.holder_id_type", "")),
        "certificate_area_code": settings.area_code.strip(),
        "issue_dept": facts.get("licence.issuer", ""),
        "issue_dept_code": facts.get("licence.issuer_code", ""),
        "issue_date": facts.get("licence.issued_on", ""),
    })  # fmt: skip


_BASE_REQUIRED = ("id", "data_source", "cd_operation")
#: the columns the DDL makes NOT NULL that the rows fill (cd_batch and cd_time are the transport's)
_REQUIRED: dict[str, tuple[str, ...]] = {
    ACCEPT: (*_BASE_REQUIRED, "row_guid", "accept_date", "apply_date", "apply_type", "applyer_name",
             "applyer_page_code", "applyer_page_type", "applyer_type", "catalog_code", "org_code", "org_name",
             "project_no", "project_type", "task_code", "task_name"),
    PROCESS: (*_BASE_REQUIRED, "row_guid", "event_end_time", "event_name", "event_start_time", "handle_explain",
              "handle_user_name", "process_name", "project_no"),
    RESULT: (*_BASE_REQUIRED, "row_guid", "is_delivery_results", "project_no", "result_date", "result_type"),
    SPECIAL: (*_BASE_REQUIRED, "row_guid", "end_time", "project_no", "special_name", "special_reason", "special_time",
              "special_type"),
    MATERIAL: (*_BASE_REQUIRED, "row_guid", "get_type", "material_name", "project_no"),
    LICENCE: (*_BASE_REQUIRED, "certificate_area_code", "certificate_holder", "certificate_holder_code",
              "certificate_name", "certificate_number", "certificate_source_id", "certificate_type",
              "certificate_type_code", "issue_date", "issue_dept", "issue_dept_code"),
}  # fmt: skip
