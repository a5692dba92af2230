"""The mapping of an event's facts to the platform's elements, read from a data file (one per platform).

The elements and their code lists are the national standard's (GB/T 39046-2020 表 5-9 and 附录 A, publicly
transcribed) and the field's (the 好差评 interfaces, BJJGDM); the province's interface sets the request's field names,
which coding of each list it reads, and which elements each kind of report carries (``docs/platform.md``).  So they
are data, a TOML file a hall's integrator adapts without a new release of the app::

    [platform]
    name = "…"                       # whose interface this file describes
    [kinds]                          # the code of each event kind (PlatformKind values) in the platform's list
    accepted = "…"
    [lists.<list>]                   # a code list, its name in the standard and its source
    title = "…"
    source = "…"
    [lists.<list>.presets.<preset>]  # one coding of it met in the field, with its own source
    source = "…"
    codes = { person = "…" }         # the app's value → the code
    [[elements]]
    element = "办件编号"              # the element's name in GB/T 39046-2020 or the 好差评 rules
    field = "…"                      # its name in the request
    source = "case.case_no"          # the fact it is taken from (:data:`SOURCES`)
    kinds = ["case"]                 # the events that carry it: "case", "rating", "all" or kinds by name
    code = "…"                       # optional: the code list its value goes through (in the chosen preset)
    required = true                  # optional: an event without a value for it is not sent (failed, with why)
    basis = "…"                      # where the element is defined
    confirmed = false                # whether its field name and codes were checked against the interface

Which preset of a list with several is used is the site's choice (:mod:`counter.platform.code_lists`); a value the
chosen preset has no code for keeps the event from being sent (:class:`counter.platform.code_lists.NoCode`), never
sent as something the platform would read as another code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter.platform.code_lists import CodeList, Codings, code_lists_from
from counter.platform.events import CASE_KINDS, RATING_KINDS, PlatformKind
from counter.resources import PLATFORM, resources_dir

#: the facts an event may be mapped from: what :func:`counter.actions.outbox.platform_facts.facts_of` gives, and
#: nothing else
SOURCES = frozenset(
    {
        # every event
        "event.key",  # the event's idempotency key (counter.outbox.rules.request_key)
        "event.kind",  # the event's kind (PlatformKind), through [kinds]
        "event.at",  # when it happened, 北京时间 "YYYY-MM-DD HH:MM:SS"
        "event.site_code",  # the site where the case was taken
        "event.office",  # the office's name
        "event.codings",  # the coding used of each code list: "level=gbt39046;channel=hcp;…" (filled in rendering)
        "case.case_no",  # 办件编号
        "case.bundle_code",  # the 一件事's code
        "case.bundle_name",
        "case.item_codes",  # the case's items' 实施编码, joined by ","
        "case.item_names",  # their names, joined by "、"
        "case.applicant_kind",  # person / company
        "case.applicant_name",
        "case.applicant_id_type",  # the kind of the applicant's 证件: id_card / credit_code
        "case.applicant_id_no",
        "case.applicant_phone",
        "case.agent_name",
        "case.agent_id_no",
        "case.agent_id_type",  # the kind of the agent's 证件: id_card (an agent is a person), "" without an agent
        "case.received_at",  # 申请时间 (the intake's moment)
        "case.accepted_on",  # 受理日期
        "case.promised_on",  # 承诺办结日期
        "case.correction_due",  # 补正期限
        "case.refusal_ground",  # 不予受理的理由
        "case.delivery",  # 送达方式 chosen at intake: pickup / post / electronic
        "case.clerk",
        "case.desk_no",
        "case.end_reason",  # why a case ended undecided: the withdrawal's or the voiding's note (撤回, 作废)
        # case events
        "case.result",  # 办理结果: granted / partly_granted / denied ("" before 办结)
        "case.completed_at",  # 办结时间
        "item.code",  # the item an item's decision, or a rating, is of
        "item.name",
        "item.decision",  # granted / denied / refused (its department's 不予受理 of what the hall received)
        "item.note",  # the decision's note: the result's number, or the reason
        "item.decided_on",  # the day of the item's decision or its department's 不予受理 (北京时间)
        # a department's 受理 of an item the hall only received (PlatformKind.ITEM_ACCEPTED): its own act
        "item.department",  # the deciding department that accepted, decided or refused it, named for the site
        "item.accepted_on",  # its 受理日期: the day it signed for the item, from which the item's limits run
        "item.promised_on",  # the item's promised date as it runs from that 受理
        "item.accept_doc_no",  # the number of the department's 受理通知书
        "delivery.way",  # how the results left: pickup / post / electronic
        "delivery.tracking_no",
        # 电子证照: the licence an item granted issues (PlatformKind.LICENCE_ISSUED)
        "licence.type",  # 证照类型: the item's licence as its catalog entry names it
        "licence.number",  # 证照编号: as the department recorded it with its 准予 ("" when it gave none)
        "licence.holder",  # 持证主体: the applicant
        "licence.holder_id_type",  # id_card / credit_code
        "licence.holder_id",  # 持证主体代码: the applicant's ID number or 统一社会信用代码
        "licence.issuer",  # 颁证单位: the item's deciding department, named for the site
        "licence.issued_on",  # 颁证日期: the day of the 准予 (北京时间)
        # 电子证照作废: a licence sent before its case was voided, or its grant revoked (PlatformKind.LICENCE_VOIDED)
        "licence.voided_on",  # the day the case was voided, or the licence revoked (北京时间)
        "licence.void_reason",  # the voiding's reason, or what the 核查 of a 告知承诺 found (许可法 第六十九条第二款)
        # the national 办件 elements (GB/T 39046-2020 表 5-8)
        "case.receipt_no",  # 受理文书编号: the number of the 受理凭证 (or 容缺受理通知书) made for the case
        "case.guide_version",  # 事项版本: the guide version the case was taken under
        "case.basic_codes",  # 基本编码 of the case's items, joined by ","
        "case.handle_item_codes",  # 业务办理项编码 where the catalog has them ("" today: it keeps none apart)
        "case.item_kind",  # 办件类型: immediate / promised (the items' 办件类型, GB/T 39046 A.6)
        "case.accept_org_code",  # 受理单位统一社会信用代码: the office's, as the integrator set it
        "case.materials",  # 材料: a JSON list, each {name, received, way, count} (表 5 第 21-24 项)
        "step.action",  # 业务动作: pass / return / other (表 7 第 2 项)
        "step.by",  # 环节处理人: the line's clerk
        "procedure.step",  # 特别程序: extension / pause / resume / deferral_extension
        "procedure.name",  # its name's key: extension / deferral_extension / pause_<counter.case.item_path.PauseReason>
        "procedure.reason",  # 启动理由或依据
        "procedure.started_at",
        "procedure.ended_at",  # "" while a pause runs
        "procedure.result",  # the new deadline of an extension, or the resumption
        "licence.issuer_code",  # 发证单位代码: the deciding department's 统一社会信用代码, as the integrator set it
        "licence.valid_until",  # 证照有效期限: the 准予's last day (ISO), 长期有效, or "" when the 准予 gave none
        # ratings and their rectifications
        "rating.round",
        "rating.level",  # the level's meaning (counter.ratings.levels.Level)
        "rating.channel",  # counter.ratings.levels.Channel: the hall's tablet is 现场评价器
        "rating.reasons",  # the hall's own reasons the rater chose, joined by "；": never a national indicator
        "rating.reason_codes",  # 测评内容: the national indicators' codes, joined by "," (counter.ratings.eval_content)
        "rating.reason_list",  # the 测评内容 list's version those codes were given under
        "rating.comment",
        "rating.rated_at",
        "rating.clerk",
        "rating.staff_no",
        "rating.department",
        "rating.region",
        "rect.event",  # the rectification's step (counter.ratings.rectification.RectEvent)
        "rect.state",
        "rect.by",
        "rect.note",
        "rect.fix_due",
        "rect.opened_on",
        "rect.due_on",
    }
)

#: the sources whose value is a JSON list of objects, each with a ``way`` a code list codes (the materials)
LISTED = frozenset({"case.materials"})

_GROUPS: dict[str, frozenset[PlatformKind]] = {
    "all": frozenset(PlatformKind),
    "case": CASE_KINDS,
    "rating": RATING_KINDS,
}


class MappingError(ValueError):
    """A mapping file that cannot be used: every problem at once, each naming where."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Element:
    element: str
    field: str
    source: str
    kinds: frozenset[PlatformKind]
    code: str = ""
    required: bool = False
    basis: str = ""
    confirmed: bool = False


@dataclass(frozen=True, slots=True)
class Mapping:
    name: str
    kinds: dict[str, str]
    lists: dict[str, CodeList]
    elements: tuple[Element, ...]
    notes: str = ""

    def codings(self, chosen: dict[str, str] | None = None) -> Codings:
        """The file's code lists with the presets a site chose of them."""
        return Codings(self.lists, dict(chosen or {}))

    def render(self, kind: PlatformKind, facts: dict[str, str], codings: Codings) -> dict[str, str]:
        """The request's fields for an event of ``kind`` with ``facts``, coded in ``codings``.
        :class:`MissingElement` when a required element has no value: the platform would refuse the report, and
        sending it again will not change that; :class:`counter.platform.code_lists.NoCode` for a value the chosen
        coding has no code for, :class:`counter.platform.code_lists.Unchosen` for a list not chosen."""
        fields: dict[str, str] = {}
        missing: list[str] = []
        for element in self.elements:
            if kind not in element.kinds:
                continue
            value = facts.get(element.source, "")
            if element.source == "event.kind":
                value = self.kinds.get(value, value)
            elif element.source == "event.codings":
                value = codings.used_text()
            elif element.code and value and element.source in LISTED:
                value = _coded_list(value, codings, element.code)
            elif element.code and value:
                value = codings.code(element.code, value)
            if element.required and not value:
                missing.append(element.element)
            fields[element.field] = value
        if missing:
            raise MissingElement(missing)
        return fields


_MISSING = "required elements without a value: "
_MISSING_JOIN = "、"  # a stored format, not the punctuation of a sentence: the elements' names are the platform's


class MissingElement(ValueError):
    """Required elements an event has no value for.  Its text is a failed event's stored reason, read back by
    :func:`missing_of`."""

    def __init__(self, elements: list[str]) -> None:
        super().__init__(_MISSING + _MISSING_JOIN.join(elements))
        self.elements = elements


def missing_of(text: str) -> tuple[str, ...] | None:
    """The elements a :class:`MissingElement`'s stored text names; None for any other text."""
    return tuple(text.removeprefix(_MISSING).split(_MISSING_JOIN)) if text.startswith(_MISSING) else None


def _coded_list(value: str, codings: Codings, list_name: str) -> str:
    """A JSON list of objects, each one's ``way`` coded in the chosen preset of ``list_name``."""
    rows = json.loads(value)
    coded = [{**row, "way": codings.code(list_name, str(row.get("way", "")))} for row in rows]
    return json.dumps(coded, ensure_ascii=False)


def mapping_file(name: str) -> Path:
    """The shipped mapping file of that name (``counter/resources/platform/<name>.toml``)."""
    return resources_dir() / PLATFORM / f"{name}.toml"


def load_mapping(path: Path) -> Mapping:
    """The mapping a file holds; :class:`MappingError` with every problem when it cannot be used."""
    import tomllib  # here: the pad's start reaches this module for :func:`mapping_file`, the reader only when asked

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise MappingError([f"{path.name}: {err}"]) from err
    return mapping_from(data, path.name)


def mapping_from(data: dict[str, Any], where: str = "mapping") -> Mapping:
    problems: list[str] = []
    platform, given_kinds = data.get("platform", {}), data.get("kinds", {})
    for table, value in (("platform", platform), ("kinds", given_kinds)):
        if not isinstance(value, dict):  # named, as every other table that is not one, not a ValueError
            problems.append(f"{where}: [{table}]: not a table")
    platform = platform if isinstance(platform, dict) else {}
    kinds = {str(k): str(v) for k, v in given_kinds.items()} if isinstance(given_kinds, dict) else {}
    problems += [f"{where}: [kinds] {k}: no such event" for k in kinds if k not in {p.value for p in PlatformKind}]
    lists = code_lists_from(data.get("lists", {}), where, problems)
    elements: list[Element] = []
    fields: set[str] = set()
    given_elements = data.get("elements", [])
    if not isinstance(given_elements, list):  # a number is not iterated, text would be read letter by letter
        problems.append(f"{where}: elements: not an array of tables")
        given_elements = []
    for n, raw in enumerate(given_elements):
        at = f"{where}: elements[{n}]"
        element = _element(raw, at, lists, problems)
        name = str(raw.get("field", "")).strip() if isinstance(raw, dict) else ""
        if name and name in fields:
            problems.append(f"{at}: field {name} twice")
        fields.add(name)
        if element is not None:
            elements.append(element)
    if not elements:
        problems.append(f"{where}: no elements")
    if problems:
        raise MappingError(problems)
    return Mapping(str(platform.get("name", "")), kinds, lists, tuple(elements), str(platform.get("notes", "")))


def _element(raw: Any, at: str, lists: dict[str, CodeList], problems: list[str]) -> Element | None:
    if not isinstance(raw, dict):
        problems.append(f"{at}: not a table")
        return None
    name, field_name, source = (str(raw.get(k, "")).strip() for k in ("element", "field", "source"))
    found = [f"{at}: no {k}" for k, v in (("element", name), ("field", field_name), ("source", source)) if not v]
    if source and source not in SOURCES:
        found.append(f"{at}: unknown source {source}")
    code = str(raw.get("code", "")).strip()
    if code and code not in lists:
        found.append(f"{at}: no code list {code}")
    kinds: set[PlatformKind] = set()
    given_kinds = raw.get("kinds", ["all"])
    if not isinstance(given_kinds, list):
        found.append(f"{at}: kinds not an array")
        given_kinds = []
    for k in given_kinds:
        if str(k) in _GROUPS:
            kinds |= _GROUPS[str(k)]
        elif str(k) in {p.value for p in PlatformKind}:
            kinds.add(PlatformKind(str(k)))
        else:
            found.append(f"{at}: unknown kind {k}")
    flags = {key: raw.get(key, False) for key in ("required", "confirmed")}
    found += [f"{at}: {key} not true or false" for key, value in flags.items() if not isinstance(value, bool)]
    problems += found
    if found:
        return None
    return Element(
        element=name,
        field=field_name,
        source=source,
        kinds=frozenset(kinds),
        code=code,
        required=flags["required"],
        basis=str(raw.get("basis", "")),
        confirmed=flags["confirmed"],
    )
