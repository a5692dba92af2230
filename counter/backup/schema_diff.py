"""How a file's schema differs from the one this program's migrations make: every difference, by name.

Plain data in (two :class:`~counter.backup.schema.Schema`), codes out; the faces word them ("多出触发器 steal_id",
"缺少表 rating").  Nothing is tolerated: an extra trigger is the foreign code a crafted copy would carry, a missing
one an insert-only table made editable, a changed column a constraint gone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from counter.backup.schema import Schema, Table

__all__ = ["Change", "Part", "SchemaDifference", "schema_differences"]

V = TypeVar("V")


class Change(StrEnum):
    EXTRA = "extra"  # in the file, not made by the migrations
    MISSING = "missing"  # made by the migrations, not in the file
    CHANGED = "changed"  # in both under one name, but not the same


class Part(StrEnum):
    TABLE = "table"
    COLUMN = "column"  # named table.column
    CONSTRAINT = "constraint"  # named table.constraint
    FOREIGN_KEY = "foreign_key"  # named table → referenced table
    INDEX = "index"
    TRIGGER = "trigger"
    VIEW = "view"
    OTHER = "other"  # an entry of sqlite_master of no kind above


@dataclass(frozen=True, slots=True, order=True)
class SchemaDifference:
    part: Part
    name: str
    change: Change


def _by_name(
    part: Part, expected: Mapping[str, V], found: Mapping[str, V], prefix: str = ""
) -> Iterator[SchemaDifference]:
    for name in expected.keys() - found.keys():
        yield SchemaDifference(part, prefix + name, Change.MISSING)
    for name in found.keys() - expected.keys():
        yield SchemaDifference(part, prefix + name, Change.EXTRA)
    for name in expected.keys() & found.keys():
        if expected[name] != found[name]:
            yield SchemaDifference(part, prefix + name, Change.CHANGED)


def _table_parts(name: str, expected: Table, found: Table) -> Iterator[SchemaDifference]:
    yield from _by_name(Part.COLUMN, expected.columns, found.columns, f"{name}.")
    yield from _by_name(Part.CONSTRAINT, expected.constraints, found.constraints, f"{name}.")
    yield from _by_name(Part.FOREIGN_KEY, _references(name, expected), _references(name, found))


def _references(name: str, table: Table) -> dict[str, tuple[str, ...]]:
    """The table's foreign keys by ``table.column → other.column`` (the pragma's row: other, column, its column…)."""
    return {f"{name}.{key[1]} → {key[0]}.{key[2]}": key for key in table.foreign_keys}


def schema_differences(expected: Schema, found: Schema) -> tuple[SchemaDifference, ...]:
    """Every way ``found`` differs from ``expected``, sorted (by part, then name); empty when they are the same."""
    kinds = {name: table.sql_kind for name, table in expected.tables.items()}  # a table's parts are named below
    differences = set(_by_name(Part.TABLE, kinds, {name: table.sql_kind for name, table in found.tables.items()}))
    for name in expected.tables.keys() & found.tables.keys():
        differences.update(_table_parts(name, expected.tables[name], found.tables[name]))
    differences.update(_by_name(Part.INDEX, expected.indexes, found.indexes))
    differences.update(_by_name(Part.TRIGGER, expected.triggers, found.triggers))
    differences.update(_by_name(Part.VIEW, expected.views, found.views))
    differences.update(_by_name(Part.OTHER, expected.others, found.others))
    return tuple(sorted(differences))
