"""A catalog of thousands of bundles, written as catalog files and taken in through the desk's own catalog import.

A league's server may hold every bundle of its halls and townships; the search must answer per keystroke at that
size too. Generated entries handed straight to the search index would skip what the real path does (validation, the
guide versions, the search text the import stores, the entries the window reads back), so the bundles here are
the shipped ones copied under new codes, numbers and names, written as ``.toml`` files and imported.

A catalog's numbers run from 1 to 999 (``counter.catalog.validate.NUMBER_MAX``, the printed list's numbering), so a
larger catalog is imported as several folders one after another, as a league server takes its sites' catalogs.
"""

from __future__ import annotations

import dataclasses
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter.catalog.document import to_document
from counter.catalog.model import Bundle
from counter.catalog.validate import NUMBER_MAX
from counter.resources import bundled_catalog_dir
from tests.catalog.folder import read_folder

CHARS = "店馆厂场站所社院室中心公司合作经营销售服务维修加工养殖种植批发零售食品药品医疗器械烟酒农资"
VERBS = ("我要开", "我要办", "我要申请", "我要变更", "我要注销")

__all__ = ["generated_folders", "shipped_bundles", "toml_text"]


def shipped_bundles() -> list[Bundle]:
    return [bundle for _, bundle in read_folder(bundled_catalog_dir()).bundles]


def _value(value: Any) -> str:
    """One TOML value on one line: inline tables and arrays, strings with JSON's escapes (TOML's are the same)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no TOML for {value!r}")


def toml_text(bundle: Bundle) -> str:
    """The bundle as a catalog file: every key of its document on a line of its own."""
    return "".join(f"{key} = {_value(value)}\n" for key, value in to_document(bundle).items())


def _copy(template: Bundle, serial: int, number: int, rng: random.Random) -> Bundle:
    """The template under a new code, number and name; its items under new 实施编码, unique in any catalog."""
    name = rng.choice(VERBS) + "".join(rng.choice(CHARS) for _ in range(rng.randint(3, 8)))
    codes = {item.code: f"G{serial:05d}{k:02d}" for k, item in enumerate(template.items, 1)}
    items = tuple(
        dataclasses.replace(item, code=codes[item.code], name=name[2:] + item.name[-4:]) for item in template.items
    )
    materials = tuple(
        dataclasses.replace(material, items=tuple(codes[code] for code in material.items))
        for material in template.materials
    )
    return dataclasses.replace(
        template,
        code=f"GEN-{serial:05d}",
        number=number,
        name=name,
        keywords=(name[2:],),
        aliases=(),
        items=items,
        materials=materials,
    )


def generated_folders(root: Path, count: int, seed: int = 7, progress: Callable[[str], None] = print) -> list[Path]:
    """``count`` bundles in folders of at most 999 (numbered 1 up in each), under ``root``."""
    rng = random.Random(seed)
    templates = shipped_bundles()
    folders: list[Path] = []
    for serial in range(1, count + 1):
        number = (serial - 1) % NUMBER_MAX + 1
        if number == 1:
            folders.append(root / f"catalog-{len(folders) + 1}")
            folders[-1].mkdir(parents=True)
        bundle = _copy(templates[serial % len(templates)], serial, number, rng)
        (folders[-1] / f"{number:03d}.toml").write_text(toml_text(bundle), encoding="utf-8")
    progress(f"  {count:,} bundles written in {len(folders)} catalog folders")
    return folders
