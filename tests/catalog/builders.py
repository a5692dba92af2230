"""Catalog files for tests: one complete published guide, and the means to break it.

A guide is built as a plain document (the shape of a catalog file), changed in
place by a test, then written out as TOML so that it goes through the real reader
with a real file name.  Item codes follow the bundle number, so guides built for
different numbers never clash.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

Doc = dict[str, Any]

MATERIAL_BASIS = "《市场主体登记管理条例》第十六条"
FOOD_BASIS = "《内蒙古自治区食品小作坊小餐饮店小食杂店和食品摊贩管理条例》第二十二条"
REMEDY_BASIS = "《中华人民共和国行政复议法》第十一条第三项、第二十四条第一款第一项"


def licence_remedy() -> Doc:
    """A licence's remedy: 复议 before the government at the department's level, or 诉讼."""
    return {"kind": "review_or_suit", "review": "government", "basis": REMEDY_BASIS}


def bundle_code(number: int) -> str:
    return f"XAM-YJS-{number:03d}"


def item_code(number: int, which: str) -> str:
    """实施编码 of the guide's first ("A") or second ("B") item."""
    return f"15220000{number:03d}000{'AB'.index(which) + 1}"


def file_name(number: int) -> str:
    return f"{number:03d}.toml"


def limit(value: int, unit: str = "working_day") -> Doc:
    return {"value": value, "unit": unit}


def valid_bundle(number: int = 8) -> Doc:
    """A published guide that breaks no rule: every element, every material detail."""
    a, b = item_code(number, "A"), item_code(number, "B")
    return {
        "format": 1,
        "code": bundle_code(number),
        "number": number,
        "name": "我要开小餐馆（50平方米以下）",
        "status": "published",
        "sample": True,
        "keywords": ["饭店", "餐饮"],
        "aliases": ["开饭店", "开餐馆"],
        "summary": "一次申请，同时办理个体工商户设立登记和小餐饮店登记。",
        "service_objects": ["自然人", "企业法人", "非法人企业"],
        "conditions": ["经营场所使用面积在50平方米以下", "符合食品安全要求"],
        "forms": ["窗口办理", "网上办理"],
        "address": {
            "street": "乌兰浩特市兴安北大路",
            "number": "18号",
            "room": "政务服务中心一楼东厅",
            "desk_no": "一件事一次办综合窗口3号",
        },
        "hours": [
            {"days": "星期一至星期五", "periods": ["08:30-11:30", "14:30-17:30"], "note": "法定节假日除外"},
        ],
        "consult_phone": "0482-8261234",
        "complaint_phone": "0482-12345",
        "visits": 1,
        "visits_reason": "领取营业执照和小餐饮店登记证时核验原件",
        "promised_limit": limit(10),
        "result": "营业执照、小餐饮店登记证",
        "steps": [
            {"name": "受理", "limit": limit(1), "result": "受理凭证", "description": "综合窗口一次收取材料"},
            {"name": "审批", "limit": limit(8), "result": "审批决定", "description": "各部门并联审批"},
            {"name": "出件", "limit": limit(1), "result": "营业执照、小餐饮店登记证"},
        ],
        "items": [
            {
                "code": a,
                "basic_code": "000117001",
                "name": "个体工商户设立登记",
                "sub_item": "个体工商户设立登记",
                "type": "01",
                "case_kind": "2",
                "department": "{place}市场监督管理局",
                "level": "county",
                "entrusted": True,
                "legal_basis": "《市场主体登记管理条例》",
                "remedy": licence_remedy(),
                "conditions": ["经营者具有完全民事行为能力"],
                "legal_limit": limit(15),
                "promised_limit": limit(3),
                "fee": {"amount": "0", "basis": "不收费"},
                "result": "营业执照",
            },
            {
                "code": b,
                "basic_code": "000201004",
                "name": "小餐饮店登记",
                "sub_item": "小餐饮店登记",
                "type": "01",
                "case_kind": "2",
                "department": "乌兰浩特市市场监督管理局",
                "level": "county",
                "legal_basis": FOOD_BASIS,
                "remedy": licence_remedy(),
                "legal_limit": limit(20),
                "promised_limit": limit(10),
                "fee": {"amount": "0", "basis": "不收费"},
                "result": "小餐饮店登记证",
            },
        ],
        "situations": [
            {
                "code": "operator",
                "question": "以什么形式经营？",
                "options": [
                    {"code": "individual", "label": "个体工商户"},
                    {"code": "company", "label": "公司（企业）"},
                ],
            },
            {
                "code": "agent",
                "question": "是否委托他人代办？",
                "options": [{"code": "yes", "label": "委托代办"}, {"code": "no", "label": "本人办理"}],
            },
        ],
        "materials": [
            {
                "code": "M01",
                "name": "经营者身份证件",
                "items": [a, b],
                "kind": "certificate",
                "copy_form": "original_and_copy",
                "medium": "paper",
                "originals": 1,
                "copies": 1,
                "paper_size": "A4",
                "source": "government",
                "issuer": "公安机关",
                "necessity": "required",
                "legal_basis": MATERIAL_BASIS,
                "requirement": "在有效期内，复印件与原件一致",
            },
            {
                "code": "M02",
                "name": "小餐饮店登记申请表",
                "items": [b],
                "kind": "form",
                "copy_form": "original",
                "medium": "paper_or_electronic",
                "originals": 1,
                "copies": 0,
                "paper_size": "A4",
                "source": "applicant",
                "issuer": "申请人",
                "necessity": "required",
                "legal_basis": FOOD_BASIS,
                "requirement": "填写完整并由经营者签字",
                "blank_form": "综合窗口领取，或在内蒙古政务服务网下载",
                "sample_form": "综合窗口张贴，或在内蒙古政务服务网下载",
            },
            {
                "code": "M03",
                "name": "从业人员健康证明",
                "items": [b],
                "kind": "certificate",
                "copy_form": "copy",
                "medium": "paper",
                "originals": 0,
                "copies": 1,
                "paper_size": "A4",
                "source": "government",
                "issuer": "医疗卫生机构",
                "necessity": "deferrable",
                "legal_basis": "《中华人民共和国食品安全法》第四十五条",
                "requirement": "每名从业人员一份，在有效期内",
                "deferral_limit": limit(7),
            },
            {
                "code": "M04",
                "name": "授权委托书",
                "items": [a, b],
                "when": ["agent.yes"],
                "kind": "form",
                "copy_form": "original",
                "medium": "paper",
                "originals": 1,
                "copies": 0,
                "paper_size": "A4",
                "source": "applicant",
                "issuer": "申请人",
                "necessity": "required",
                "legal_basis": MATERIAL_BASIS,
                "requirement": "载明委托事项和权限，由委托人签字",
                "blank_form": "综合窗口领取",
                "sample_form": "综合窗口张贴",
            },
            {
                "code": "M05",
                "name": "公司章程",
                "items": [a],
                "when": ["operator.company"],
                "kind": "other",
                "copy_form": "original",
                "medium": "paper",
                "originals": 1,
                "copies": 0,
                "paper_size": "A4",
                "source": "applicant",
                "issuer": "申请人",
                "necessity": "optional",
                "legal_basis": MATERIAL_BASIS,
            },
            {
                "code": "M06",
                "name": "营业执照",
                "items": [b],
                "kind": "certificate",
                "copy_form": "original",
                "medium": "electronic",
                "originals": 0,
                "copies": 0,
                "source": "government",
                "issuer": "市场监督管理部门",
                "necessity": "optional",
                "legal_basis": FOOD_BASIS,
                "requirement": "证照库中状态为有效",
                "shared": True,
            },
        ],
    }


def unpublished_bundle(number: int, name: str = "我要开药店") -> Doc:
    return {"format": 1, "code": bundle_code(number), "number": number, "name": name, "status": "unpublished"}


def item(doc: Doc, which: str) -> Doc:
    """The guide's first ("A") or second ("B") item, to change in place."""
    items: list[Doc] = doc["items"]
    return items["AB".index(which)]


def material(doc: Doc, code: str) -> Doc:
    materials: list[Doc] = doc["materials"]
    return next(m for m in materials if m["code"] == code)


def rename_item(doc: Doc, old: str, new: str) -> None:
    """Give an item another code, and every material that serves it the same."""
    for row in doc["items"]:
        if row["code"] == old:
            row["code"] = new
    for row in doc["materials"]:
        row["items"] = [new if code == old else code for code in row["items"]]


def to_toml(doc: Doc) -> str:
    """The document as TOML: top-level arrays of tables as ``[[key]]``, the rest inline."""
    lines = [f"{key} = {_inline(value)}" for key, value in doc.items() if not _is_table_array(value)]
    for key, value in doc.items():
        if _is_table_array(value):
            for row in value:
                lines.extend(["", f"[[{key}]]"])
                lines.extend(f"{k} = {_inline(v)}" for k, v in row.items())
    return "\n".join(lines) + "\n"


def _is_table_array(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _inline(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_inline(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no TOML form for {value!r}")


def write_catalog(folder: Path, files: Mapping[str, Doc | str | bytes]) -> Path:
    """Write each file (a document, raw text or raw bytes) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(to_toml(content), encoding="utf-8")
    return folder
