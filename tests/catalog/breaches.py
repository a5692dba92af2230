"""Broken guides, one rule each, and what each must report.

Each breach takes the complete guide of :mod:`tests.catalog.builders`, changes it
as a catalog editor might slip, and names the one problem (rarely two) that the
change must bring, placed by rule, file, bundle, item, material and field.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter.catalog.problems import Problem, Rule
from counter.catalog.validate import validate_read
from tests.catalog.builders import (
    Doc,
    bundle_code,
    file_name,
    item,
    item_code,
    limit,
    material,
    rename_item,
    valid_bundle,
)
from tests.catalog.folder import read_folder

FILE = "<file>"  # in an expectation: the bundle has no code, so the file name stands for it

Place = tuple[str, str, str, str, str, str]  # rule, file, bundle, item, material, field


@dataclass(frozen=True)
class Expected:
    """One problem a broken guide must report; ``item`` "A"/"B" stand for the guide's items."""

    rule: Rule
    field: str
    item: str = ""
    material: str = ""
    bundle: str = ""  # "" for the guide's own code, FILE for the file name
    detail: str | None = None  # compared only when given

    def place(self, number: int) -> Place:
        file = file_name(number)
        bundle = {"": bundle_code(number), FILE: file}.get(self.bundle, self.bundle)
        item_ = item_code(number, self.item) if self.item in ("A", "B") else self.item
        return (self.rule.value, file, bundle, item_, self.material, self.field)


@dataclass(frozen=True)
class Breach:
    id: str
    change: Callable[[Doc], None]
    expected: tuple[Expected, ...]


def place(problem: Problem) -> Place:
    return (
        problem.rule.value,
        problem.file,
        problem.bundle,
        problem.item,
        problem.material,
        problem.field,
    )


def check(folder: Path) -> list[Problem]:
    """Everything a catalog check reports: the reader's problems and the validator's."""
    return validate_read(read_folder(folder))


def broken(number: int, breach: Breach) -> Doc:
    doc = valid_bundle(number)
    breach.change(doc)
    return doc


# --- small changes, each breaking one rule ------------------------------------------------


def drop(*path: str | int) -> Callable[[Doc], None]:
    """Remove the key at ``path``: ``drop("B", "fee")`` is item B's fee, ``drop("M03", "name")`` a name."""

    def change(doc: Doc) -> None:
        *parents, last = path
        target = _walk(doc, parents)
        del target[last]

    return change


def put(*path: str | int, value: object) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        *parents, last = path
        target = _walk(doc, parents)
        target[last] = value

    return change


def _walk(doc: Doc, path: list[str | int]) -> Any:
    """Follow ``path`` from the guide; at the top, "A"/"B" name items and "M01"… materials."""
    target: Any = doc
    for step in path:
        if target is doc and step in ("A", "B"):
            target = item(doc, str(step))
        elif target is doc and isinstance(step, str) and step[:1] == "M" and step[1:].isdigit():
            target = material(doc, step)
        else:
            target = target[step]
    return target


def several(*changes: Callable[[Doc], None]) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        for one in changes:
            one(doc)

    return change


def rename(which: str, new: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        rename_item(doc, item(doc, which)["code"], new)

    return change


def add_item_copy(which: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc["items"].append(copy.deepcopy(item(doc, which)))

    return change


def append(key: str, row: Doc) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc[key].append(row)

    return change


def add_option(situation: int, option: Doc) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc["situations"][situation]["options"].append(option)

    return change


def serve(code: str, *which: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        material(doc, code)["items"] = [item(doc, w)["code"] for w in which]

    return change


LONG_CODE = "1522000000800012345678901"  # 25 characters

BREACHES = [
    # identity
    Breach("bundle code missing", drop("code"), (Expected(Rule.MISSING_ELEMENT, "code", bundle=FILE),)),
    Breach(
        "bundle code too long",
        put("code", value="XAM-YJS-008-XIAOCANGUAN-01"),
        (Expected(Rule.CODE_TOO_LONG, "code", bundle="XAM-YJS-008-XIAOCANGUAN-01"),),
    ),
    Breach("bundle name missing", drop("name"), (Expected(Rule.MISSING_ELEMENT, "name"),)),
    Breach("bundle number missing", drop("number"), (Expected(Rule.MISSING_ELEMENT, "number"),)),
    Breach(
        "bundle number above 999",
        put("number", value=1000),
        (Expected(Rule.BAD_NUMBER, "number", detail="1000"),),
    ),
    Breach("bundle number negative", put("number", value=-8), (Expected(Rule.BAD_NUMBER, "number"),)),
    # aliases: what people call the bundle
    Breach(
        "alias blank",
        put("aliases", value=["开饭店", "  "]),
        (Expected(Rule.ALIAS_BLANK, "aliases", detail="2"),),
    ),
    Breach(
        "alias of one character", put("aliases", value=["店"]), (Expected(Rule.ALIAS_LENGTH, "aliases", detail="店"),)
    ),
    Breach(
        "alias of a sentence",
        put("aliases", value=["我想在镇上开一家能坐二十来个人的小饭馆卖炒菜"]),
        (Expected(Rule.ALIAS_LENGTH, "aliases", detail="我想在镇上开一家能坐二十来个人的小饭馆卖炒菜"),),
    ),
    Breach(
        "alias twice, once with a space",
        put("aliases", value=["开饭店", "开餐馆", "开 饭店"]),
        (Expected(Rule.ALIAS_REPEATED, "aliases", detail="开 饭店"),),
    ),
    Breach(
        "alias twice in pinyin, once in capitals",
        put("aliases", value=["kaifandian", "KaiFanDian"]),
        (Expected(Rule.ALIAS_REPEATED, "aliases", detail="KaiFanDian"),),
    ),
    Breach(
        "Mongolian name in Chinese",
        put("name_mn", value="我要开小餐馆"),
        (Expected(Rule.NAME_MN_NOT_MONGOLIAN, "name_mn", detail="我要开小餐馆"),),
    ),
    Breach(
        "Mongolian name mixed with hanzi",
        put("name_mn", value="ᠬᠡᠷᠡᠭ 小餐馆"),
        (Expected(Rule.NAME_MN_NOT_MONGOLIAN, "name_mn", detail="ᠬᠡᠷᠡᠭ 小餐馆"),),
    ),
    # 第九条: bundle-level elements
    Breach(
        "no items",
        several(drop("items"), drop("materials")),
        (Expected(Rule.MISSING_ELEMENT, "items"), Expected(Rule.MISSING_ELEMENT, "materials")),
    ),
    Breach("no materials", drop("materials"), (Expected(Rule.MISSING_ELEMENT, "materials"),)),
    Breach("no steps", drop("steps"), (Expected(Rule.MISSING_ELEMENT, "steps"),)),
    Breach("no forms", drop("forms"), (Expected(Rule.MISSING_ELEMENT, "forms"),)),
    Breach("no address", drop("address"), (Expected(Rule.MISSING_ELEMENT, "address"),)),
    Breach("no hours", drop("hours"), (Expected(Rule.MISSING_ELEMENT, "hours"),)),
    Breach("no consult phone", drop("consult_phone"), (Expected(Rule.MISSING_ELEMENT, "consult_phone"),)),
    Breach("no complaint phone", drop("complaint_phone"), (Expected(Rule.MISSING_ELEMENT, "complaint_phone"),)),
    Breach("no bundle result", drop("result"), (Expected(Rule.MISSING_ELEMENT, "result"),)),
    Breach("no bundle promise", drop("promised_limit"), (Expected(Rule.MISSING_ELEMENT, "promised_limit"),)),
    Breach("no visits", drop("visits"), (Expected(Rule.MISSING_ELEMENT, "visits"),)),
    Breach(
        "conditions neither for the bundle nor for item B",
        drop("conditions"),
        (Expected(Rule.MISSING_ELEMENT, "items.conditions", item="B"),),
    ),
    # 第九条: item-level elements
    *(
        Breach(f"item without {key}", drop("B", key), (Expected(Rule.MISSING_ELEMENT, f"items.{key}", item="B"),))
        for key in (
            "name",
            "sub_item",
            "type",
            "case_kind",
            "legal_basis",
            "level",
            "legal_limit",
            "promised_limit",
            "fee",
            "result",
        )
    ),
    Breach(
        "item without department",
        drop("B", "department"),
        (Expected(Rule.MISSING_ELEMENT, "items.department", item="B"),),
    ),
    Breach(
        "department with a place but no level",
        drop("A", "level"),
        (Expected(Rule.PLACE_WITHOUT_LEVEL, "items.level", item="A", detail="{place}市场监督管理局"),),
    ),
    Breach(
        "department with a placeholder the site cannot fill",
        put("B", "department", value="{county}市场监督管理局"),
        (Expected(Rule.UNKNOWN_PLACEHOLDER, "items.department", item="B", detail="{county}市场监督管理局"),),
    ),
    Breach("item without its remedy", drop("A", "remedy"), (Expected(Rule.MISSING_ELEMENT, "items.remedy", item="A"),)),
    Breach(
        "remedy without its source",
        drop("B", "remedy", "basis"),
        (Expected(Rule.MISSING_ELEMENT, "items.remedy.basis", item="B"),),
    ),
    Breach(
        "复议 without who hears it",
        drop("A", "remedy", "review"),
        (Expected(Rule.MISSING_ELEMENT, "items.remedy.review", item="A"),),
    ),
    Breach(
        "superior department not named",
        put("A", "remedy", "review", value="superior"),
        (Expected(Rule.MISSING_ELEMENT, "items.remedy.superior", item="A"),),
    ),
    Breach(
        "a licence with a complaint only",
        put("B", "remedy", value={"kind": "complaint", "basis": "不作出行政决定"}),
        (Expected(Rule.REMEDY_COMPLAINT_FOR_LICENCE, "items.remedy.kind", item="B", detail="complaint"),),
    ),
    Breach(
        "复议前置 for an act that is no 征税行为",
        put("A", "remedy", "kind", value="review_first"),
        (Expected(Rule.REMEDY_REVIEW_FIRST_NOT_LEVY, "items.remedy.levy", item="A"),),
    ),
    Breach(
        "a 征税行为 left to 复议 or 诉讼",
        put("A", "remedy", "levy", value="collect"),
        (Expected(Rule.REMEDY_LEVY_NOT_REVIEW_FIRST, "items.remedy.kind", item="A", detail="review_or_suit"),),
    ),
    Breach(
        "a vertically led department reviewed by its own level's government",
        put("A", "department", value="国家税务总局{place}税务局"),
        (
            Expected(
                Rule.REMEDY_VERTICAL_OWN_LEVEL, "items.remedy.review", item="A", detail="国家税务总局{place}税务局"
            ),
        ),
    ),
    Breach(
        "a superior's place with no level to take it from",
        several(
            put("A", "level", value="region"),
            put(
                "A",
                "remedy",
                value={
                    "kind": "review_or_suit",
                    "review": "superior",
                    "superior": "{place}总局",
                    "basis": "《中华人民共和国行政复议法》第二十七条",
                },
            ),
        ),
        (Expected(Rule.PLACE_WITHOUT_LEVEL, "items.remedy.superior_level", item="A", detail="{place}总局"),),
    ),
    Breach(
        "a superior's placeholder the site cannot fill",
        put(
            "A",
            "remedy",
            value={
                "kind": "review_or_suit",
                "review": "superior",
                "superior": "{city}税务局",
                "basis": "《中华人民共和国行政复议法》第二十七条",
            },
        ),
        (Expected(Rule.UNKNOWN_PLACEHOLDER, "items.remedy.superior", item="A", detail="{city}税务局"),),
    ),
    Breach(
        "remedy of an unknown kind",
        put("A", "remedy", "kind", value="appeal"),
        (Expected(Rule.UNKNOWN_VALUE, "remedy.kind", item="A", detail="appeal"),),
    ),
    Breach("no service objects", drop("service_objects"), (Expected(Rule.MISSING_ELEMENT, "service_objects"),)),
    Breach(
        "service object outside the national list",
        put("service_objects", value=["自然人", "个体户"]),
        (Expected(Rule.UNKNOWN_VALUE, "service_objects", detail="个体户"),),
    ),
    Breach(
        "fee without basis",
        drop("B", "fee", "basis"),
        (Expected(Rule.MISSING_ELEMENT, "items.fee.basis", item="B"),),
    ),
    Breach(
        "item without code",
        several(drop("A", "code"), serve("M01", "B"), serve("M04", "B"), serve("M05", "B")),
        (Expected(Rule.MISSING_ELEMENT, "items.code", item="个体工商户设立登记"),),
    ),
    # items 12-13: limits
    Breach(
        "promise longer than the legal limit",
        put("A", "legal_limit", value=limit(2)),
        (Expected(Rule.PROMISE_EXCEEDS_LEGAL, "items.promised_limit", item="A"),),
    ),
    Breach(
        "promise in working days beyond a legal limit in calendar days",
        put("A", "legal_limit", value=limit(10, "calendar_day")),
        (Expected(Rule.PROMISE_EXCEEDS_LEGAL, "items.promised_limit", item="A"),),
    ),
    # where a statutory limit comes from (counter.catalog.limits)
    Breach(
        "a filing given the licence law's twenty days",
        several(
            put("B", "type", value="10"),
            put("B", "limit_basis", value="参照《中华人民共和国行政许可法》第四十二条"),
        ),
        (
            Expected(
                Rule.LIMIT_BORROWED, "items.limit_basis", item="B", detail="参照《中华人民共和国行政许可法》第四十二条"
            ),
        ),
    ),
    Breach(
        "a public service borrowing the licence law's period in its conditions",
        several(
            put("A", "type", value="20"),
            put("A", "conditions", value=["未规定办理时限，参照《行政许可法》第四十二条二十个工作日计"]),
        ),
        (Expected(Rule.LIMIT_BORROWED, "items.limit_basis", item="A"),),
    ),
    Breach(
        "a statutory limit and no statutory limit at once",
        put("A", "no_legal_limit", value=True),
        (Expected(Rule.LIMIT_AND_NONE, "items.legal_limit", item="A", detail="15 working_day"),),
    ),
    Breach(
        "a licence the item's result does not name",
        put("A", "licence", value="营业执照副本"),
        (Expected(Rule.LICENCE_NOT_IN_RESULT, "items.licence", item="A", detail="营业执照副本"),),
    ),
    # 办件类型: 即办件 and 承诺件; the bundle's promise against its items'
    Breach(
        "即办件 promising days",
        put("A", "case_kind", value="1"),
        (Expected(Rule.IMMEDIATE_WITH_DAYS, "items.promised_limit", item="A", detail="3 working_day"),),
    ),
    Breach(
        "承诺件 promising no days",
        put("A", "promised_limit", value=limit(0)),
        (Expected(Rule.PROMISED_WITHOUT_DAYS, "items.promised_limit", item="A"),),
    ),
    Breach(
        "item promising longer than its bundle",
        several(put("B", "promised_limit", value=limit(12)), put("promised_limit", value=limit(11))),
        (
            Expected(
                Rule.ITEM_PROMISE_EXCEEDS_BUNDLE,
                "items.promised_limit",
                item="B",
                detail="12 working_day > 11 working_day",
            ),
        ),
    ),
    Breach(
        "bundle promising longer than its items one after another",
        put("promised_limit", value=limit(14)),
        (Expected(Rule.BUNDLE_PROMISE_EXCEEDS_ITEMS, "promised_limit", detail="14 working_day > 13 working_day"),),
    ),
    # item 14: address
    *(
        Breach(
            f"address without {key}",
            drop("address", key),
            (Expected(Rule.MISSING_ELEMENT, f"address.{key}"),),
        )
        for key in ("street", "number", "room")
    ),
    Breach(
        "address without desk",
        put("address", "desk_no", value=""),
        (Expected(Rule.ADDRESS_WITHOUT_DESK, "address.desk_no"),),
    ),
    # item 15: hours
    Breach("hours without days", drop("hours", 0, "days"), (Expected(Rule.HOURS_INCOMPLETE, "hours.days"),)),
    Breach(
        "hours without periods",
        put("hours", 0, "periods", value=[]),
        (Expected(Rule.HOURS_INCOMPLETE, "hours.periods", detail="星期一至星期五"),),
    ),
    # item 17: intermediaries
    Breach(
        "intermediary without basis",
        put("B", "intermediaries", value=[{"name": "营业场所平面图测绘"}]),
        (
            Expected(
                Rule.INTERMEDIARY_WITHOUT_BASIS,
                "items.intermediaries.basis",
                item="B",
                detail="营业场所平面图测绘",
            ),
        ),
    ),
    Breach(
        "intermediary without name",
        put("B", "intermediaries", value=[{"basis": "《测绘法》第二十七条"}]),
        (Expected(Rule.MISSING_ELEMENT, "items.intermediaries.name", item="B"),),
    ),
    # item 21: steps
    *(
        Breach(f"step without {key}", drop("steps", 1, key), (Expected(Rule.STEP_INCOMPLETE, f"steps.{key}"),))
        for key in ("name", "limit", "result")
    ),
    # item 22: visits
    Breach(
        "visits without reason",
        drop("visits_reason"),
        (Expected(Rule.VISITS_WITHOUT_REASON, "visits_reason", detail="1"),),
    ),
    # 第十条: materials
    Breach(
        "material without name",
        drop("M03", "name"),
        (Expected(Rule.MISSING_ELEMENT, "materials.name", material="M03"),),
    ),
    Breach(
        "material without code",
        drop("M03", "code"),
        (Expected(Rule.MISSING_ELEMENT, "materials.code", material="从业人员健康证明"),),
    ),
    *(
        Breach(
            f"catch-all word {word}",
            put("M01", "name", value=name),
            (Expected(Rule.CATCH_ALL_WORDING, "materials.name", material="M01", detail=word),),
        )
        for word, name in (
            ("其他证明", "经营者身份证件及其他证明"),
            ("其它", "其它身份证明"),
            ("有关证明", "经营场所有关证明"),
            ("相关材料", "经营场所相关材料"),
            ("等相关证件", "身份证件等相关证件"),
            ("等材料", "身份证件等材料"),
            ("相关文件", "公司章程及相关文件"),
            ("等文件", "章程、协议等文件"),
            ("其他材料", "法律法规规定的其他材料"),
            ("其他文件", "其他文件"),
            ("其他", "其他"),
            ("有关材料", "经营场所有关材料"),
            ("等", "营业执照、章程等"),
            ("等资料", "平面图等资料"),
            ("所需材料", "食品经营许可所需材料"),
        )
    ),
    Breach(
        "identity document marked deferrable",
        several(put("M01", "necessity", value="deferrable"), put("M01", "deferral_limit", value=limit(3))),
        (Expected(Rule.DEFERRAL_OF_IDENTITY, "materials.necessity", material="M01", detail="身份证"),),
    ),
    *(
        Breach(
            f"{name} marked deferrable",
            several(
                put("M03", "name", value=name),
                put("M03", "necessity", value="deferrable"),
            ),
            (Expected(Rule.DEFERRAL_OF_IDENTITY, "materials.necessity", material="M03", detail=word),),
        )
        for name, word in (("居民户口簿", "户口簿"), ("营业执照副本", "营业执照"), ("受托人护照", "护照"))
    ),
    Breach(
        "application form marked deferrable",
        several(put("M02", "necessity", value="deferrable"), put("M02", "deferral_limit", value=limit(3))),
        (Expected(Rule.DEFERRAL_OF_FORM, "materials.necessity", material="M02"),),
    ),
    Breach(
        "material without basis",
        drop("M02", "legal_basis"),
        (Expected(Rule.MATERIAL_WITHOUT_BASIS, "materials.legal_basis", material="M02"),),
    ),
    *(
        Breach(
            f"material without {key}",
            drop("M01", key),
            (Expected(Rule.MATERIAL_INCOMPLETE, f"materials.{key}", material="M01"),),
        )
        for key in ("kind", "copy_form", "medium", "source", "issuer", "paper_size", "requirement")
    ),
    Breach(
        "deferrable material without requirement",
        drop("M03", "requirement"),
        (Expected(Rule.MATERIAL_INCOMPLETE, "materials.requirement", material="M03"),),
    ),
    Breach(
        "paper original counted as none",
        several(put("M01", "originals", value=0), put("M01", "copies", value=0)),
        (Expected(Rule.MATERIAL_INCOMPLETE, "materials.originals", material="M01"),),
    ),
    Breach(
        "paper copy counted as none",
        put("M03", "copies", value=0),
        (Expected(Rule.MATERIAL_INCOMPLETE, "materials.copies", material="M03"),),
    ),
    Breach(
        "form without blank",
        drop("M02", "blank_form"),
        (Expected(Rule.FORM_WITHOUT_BLANK_OR_SAMPLE, "materials.blank_form", material="M02"),),
    ),
    Breach(
        "form without sample",
        drop("M04", "sample_form"),
        (Expected(Rule.FORM_WITHOUT_BLANK_OR_SAMPLE, "materials.sample_form", material="M04"),),
    ),
    Breach(
        "shared material demanded",
        put("M06", "necessity", value="required"),
        (Expected(Rule.SHARED_BUT_DEMANDED, "materials.necessity", material="M06"),),
    ),
    Breach(
        "deferrable without deadline",
        drop("M03", "deferral_limit"),
        (Expected(Rule.DEFERRAL_WITHOUT_LIMIT, "materials.deferral_limit", material="M03"),),
    ),
    Breach(
        "deferral beyond the promise of one of its items",
        serve("M03", "A", "B"),
        (Expected(Rule.DEFERRAL_EXCEEDS_PROMISE, "materials.deferral_limit", item="A", material="M03"),),
    ),
    Breach(
        "deferral beyond the bundle's promise",
        put("promised_limit", value=limit(5)),
        (
            Expected(Rule.ITEM_PROMISE_EXCEEDS_BUNDLE, "items.promised_limit", item="B"),
            Expected(Rule.DEFERRAL_EXCEEDS_PROMISE, "materials.deferral_limit", material="M03"),
        ),
    ),
    Breach(
        "deferral in calendar days beyond a promise in working days",
        put("M03", "deferral_limit", value=limit(11, "calendar_day")),
        (
            Expected(Rule.DEFERRAL_EXCEEDS_PROMISE, "materials.deferral_limit", item="B", material="M03"),
            Expected(Rule.DEFERRAL_EXCEEDS_PROMISE, "materials.deferral_limit", material="M03"),
        ),
    ),
    # codes
    Breach(
        "item code too long",
        rename("B", LONG_CODE),
        (Expected(Rule.CODE_TOO_LONG, "items.code", item=LONG_CODE, detail=LONG_CODE),),
    ),
    Breach(
        "basic code too long",
        put("B", "basic_code", value="00020100401"),
        (Expected(Rule.CODE_TOO_LONG, "items.basic_code", item="B"),),
    ),
    Breach(
        "item code twice in a bundle",
        add_item_copy("A"),
        (Expected(Rule.DUPLICATE_CODE, "items.code", item="A"),),
    ),
    Breach(
        "material code twice",
        put("M02", "code", value="M01"),
        (Expected(Rule.DUPLICATE_CODE, "materials.code", material="M01"),),
    ),
    Breach(
        "situation code twice",
        append(
            "situations",
            {"code": "agent", "question": "是否邮寄送达？", "options": [{"code": "yes", "label": "邮寄"}]},
        ),
        (Expected(Rule.DUPLICATE_CODE, "situations.code", detail="agent"),),
    ),
    Breach(
        "option code twice",
        add_option(0, {"code": "company", "label": "农民专业合作社"}),
        (Expected(Rule.DUPLICATE_CODE, "situations.options.code", detail="operator.company"),),
    ),
    Breach(
        "situation without code",
        append("situations", {"question": "是否邮寄送达？", "options": [{"code": "yes", "label": "邮寄"}]}),
        (Expected(Rule.MISSING_ELEMENT, "situations.code"),),
    ),
    Breach(
        "situation without question",
        drop("situations", 1, "question"),
        (Expected(Rule.MISSING_ELEMENT, "situations.question", detail="agent"),),
    ),
    Breach(
        "option without label",
        drop("situations", 1, "options", 0, "label"),
        (Expected(Rule.MISSING_ELEMENT, "situations.options.label", detail="agent.yes"),),
    ),
    Breach(
        "option without code",
        drop("situations", 1, "options", 1, "code"),
        (Expected(Rule.MISSING_ELEMENT, "situations.options.code", detail="agent.#2"),),
    ),
    Breach(
        "situation without options",
        append("situations", {"code": "post", "question": "是否邮寄送达？", "options": []}),
        (Expected(Rule.MISSING_ELEMENT, "situations.options", detail="post"),),
    ),
    # references
    Breach(
        "material serving no item",
        put("M05", "items", value=[]),
        (Expected(Rule.DANGLING_REFERENCE, "materials.items", material="M05", detail=""),),
    ),
    Breach(
        "material serving an unknown item",
        put("M05", "items", value=["152200000080009"]),
        (Expected(Rule.DANGLING_REFERENCE, "materials.items", material="M05", detail="152200000080009"),),
    ),
    *(
        Breach(
            f"material under condition {condition}",
            put("M05", "when", value=[condition]),
            (Expected(Rule.DANGLING_REFERENCE, "materials.when", material="M05", detail=condition),),
        )
        for condition in ("operator.partnership", "premises.lease", "company")
    ),
    *(
        Breach(
            f"item under condition {condition}",
            put("B", "when", value=[condition]),
            (Expected(Rule.DANGLING_REFERENCE, "items.when", item="B", detail=condition),),
        )
        for condition in ("operator.partnership", "premises.lease", "company")
    ),
]
