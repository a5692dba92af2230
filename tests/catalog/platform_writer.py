"""The regional platform's item workbook written from bundles, as the platform lays it out: the workbooks the
tests import (the app reads this layout, :mod:`counter.catalog.platform_workbook`, and writes none)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from counter.catalog.document import to_document
from counter.catalog.model import Bundle, TimeUnit
from counter.catalog.platform_columns import (
    BUNDLE_CODE,
    BUNDLE_NAME,
    CASE_KIND_NAMES,
    COLUMNS,
    IMMEDIATE,
    IS_DEFERRABLE,
    IS_FEE,
    ITEM_NAME,
    ITEM_TYPE_NAMES,
    KIND_NAMES,
    LEVEL_NAMES,
    LEVY_NAMES,
    MEDIUM_NAMES,
    NECESSITY_NAMES,
    REMEDY_NAMES,
    REVIEW_NAMES,
    SOURCE_NAMES,
    PlatformColumn,
    SheetKind,
)
from counter.catalog.platform_workbook import Doc

SHEET_TITLES: Mapping[SheetKind, str] = {
    SheetKind.BUNDLES: "一件事",
    SheetKind.ITEMS: "事项",
    SheetKind.MATERIALS: "材料",
    SheetKind.STEPS: "办理流程",
}


def limit_text(value: int, unit: TimeUnit) -> str:
    """How a limit is written in a platform workbook; the inverse of :func:`counter.catalog.platform_columns.limit`."""
    if value == 0 and unit is TimeUnit.WORKING_DAY:
        return IMMEDIATE
    return f"{value}个工作日" if unit is TimeUnit.WORKING_DAY else f"{value}日"


_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def write_platform_workbook(path: Path, bundles: Sequence[Bundle], title: str = "一件事一次办事项实施清单") -> None:
    """Bundles in the platform's layout: a title row, Chinese headers, the bundle merged down over its rows."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    documents = [to_document(b) for b in bundles]
    for kind, rows in (
        (SheetKind.BUNDLES, [[d] for d in documents]),
        (SheetKind.ITEMS, [d.get("items", []) for d in documents]),
        (SheetKind.MATERIALS, [_material_rows(d) for d in documents]),
        (SheetKind.STEPS, [d.get("steps", []) for d in documents]),
    ):
        _write_sheet(book.create_sheet(SHEET_TITLES[kind]), kind, title, documents, rows)
    book.save(path)


def _material_rows(doc: Doc) -> list[Doc]:
    names = {i["code"]: i["name"] for i in doc.get("items", [])}
    return [
        {**m, "item_names": [names.get(code, code) for code in m.get("items", [])]} for m in doc.get("materials", [])
    ]


def _write_sheet(ws: Any, kind: SheetKind, title: str, documents: Sequence[Doc], rows: Sequence[list[Doc]]) -> None:
    columns = [c for c in COLUMNS[kind] if c.name != "材料编码"]  # numbered M01, M02 … when read
    ws.cell(row=1, column=1, value=title).font = _BOLD
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    for index, column in enumerate(columns, 1):
        ws.cell(row=2, column=index, value=column.name).font = _BOLD
        ws.column_dimensions[get_column_letter(index)].width = 16
    number = 3
    for doc, parts in zip(documents, rows, strict=True):
        first = number
        for part in parts:
            for index, column in enumerate(columns, 1):
                value = doc["code"] if column.name == BUNDLE_CODE else _cell(kind, column, part)
                if column.name == BUNDLE_NAME:
                    value = doc["name"]
                cell = ws.cell(row=number, column=index, value=value)
                cell.alignment = _WRAP
            number += 1
        if kind is not SheetKind.BUNDLES and number - first > 1:
            for index in (1, 2):  # 一件事编码 and 一件事名称 merged down over the bundle's rows
                ws.merge_cells(start_row=first, start_column=index, end_row=number - 1, end_column=index)


_NAMES: Mapping[str, Mapping[Any, str]] = {
    "type": ITEM_TYPE_NAMES,
    "case_kind": CASE_KIND_NAMES,
    "level": LEVEL_NAMES,
    "kind": KIND_NAMES,
    "medium": MEDIUM_NAMES,
    "source": SOURCE_NAMES,
    "necessity": NECESSITY_NAMES,
}
# the remedy's codes, by their whole path: its "kind" is not a material's
_REMEDY_NAMES: Mapping[tuple[str, ...], Mapping[Any, str]] = {
    ("remedy", "kind"): REMEDY_NAMES,
    ("remedy", "review"): REVIEW_NAMES,
    ("remedy", "superior_level"): LEVEL_NAMES,
    ("remedy", "levy"): LEVY_NAMES,
}


def _cell(kind: SheetKind, column: PlatformColumn, doc: Doc) -> object:
    """One value of a row's document as the platform writes it."""
    if column.name == ITEM_NAME and kind is SheetKind.MATERIALS:
        return "\n".join(doc["item_names"])
    if column.name == IS_FEE:
        fee = doc.get("fee")
        return None if fee is None else ("否" if fee["amount"] == "0" else "是")
    if column.name == IS_DEFERRABLE:
        return "是" if doc.get("necessity") == "deferrable" else "否"
    value: object = doc
    for part in column.path:
        value = value.get(part) if isinstance(value, dict) else None
    if column.path == ("fee", "amount") and value == "0":
        return None
    return _written(column, value)


def _written(column: PlatformColumn, value: object) -> object:
    if isinstance(value, dict) and "unit" in value:
        return limit_text(int(value["value"]), TimeUnit(value["unit"]))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        joiner = "、" if column.path[-1] in ("service_objects", "forms") else "\n"
        return joiner.join(str(v) for v in value) or None
    named = _REMEDY_NAMES.get(column.path) or (_NAMES.get(column.path[-1]) if column.path else None)
    if named is not None and value:
        return next(name for code, name in named.items() if code == value)
    return None if value == "" else value
