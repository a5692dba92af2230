"""What an SQLite file's schema is made of, read into plain data that two files can be compared by.

A restore puts a file in the live database's place, and SQLite keeps more than tables in a file: a trigger in a
copy runs at every intake afterwards, with the clerk's rights, and a copy without the insert-only triggers lets
anyone rewrite history.  So a restored file must hold exactly what this program's migrations make — nothing
more, nothing less — and :func:`read_schema` gives what is needed to check that (see :mod:`counter.backup.schema_diff`).

Everything is read from ``sqlite_master`` and the ``PRAGMA table_xinfo`` / ``index_list`` / ``index_xinfo`` /
``foreign_key_list`` answers, never by running the file's own SQL.  Columns are compared by what those pragmas say
(name, declared type, NOT NULL, default, place in the primary key) and table constraints by their normalised text,
so a file migrated under another SQLite version (which rewrites quoting when a table is renamed) still matches.
Triggers and views are compared by their normalised SQL: name alone would let a changed body through.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

__all__ = ["Column", "Index", "Schema", "Table", "normalise_sql", "read_schema"]

# SQLite's own bookkeeping, made by SQLite itself (AUTOINCREMENT, ANALYZE or PRAGMA optimize), never by a migration
_INTERNAL_TABLES = re.compile(r"^sqlite_(sequence|stat\d)$")
_QUOTES = str.maketrans("", "", '"`[]')
_SPACE = re.compile(r"\s+")
_AROUND = re.compile(r"\s*([(),;=])\s*")
_CONSTRAINT_START = re.compile(r"^(constraint|primary\s+key|unique|check|foreign\s+key)\b", re.IGNORECASE)


def normalise_sql(sql: str) -> str:
    """SQL text with identifier quotes, case and spacing made uniform: the same statement reads the same."""
    flat = _SPACE.sub(" ", sql.translate(_QUOTES)).strip().casefold()
    return _AROUND.sub(r"\1", flat)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # as declared, upper case
    not_null: bool
    default: str | None  # the default's SQL text, normalised
    primary_key: int  # its place in the primary key, 0 when not part of it
    hidden: int  # 0 an ordinary column, 2 or 3 a generated one, 1 a virtual table's hidden column


@dataclass(frozen=True, slots=True)
class Index:
    table: str
    unique: bool
    columns: tuple[str, ...]
    sql: str  # normalised; "" for an index SQLite makes for a PRIMARY KEY or UNIQUE constraint


@dataclass(frozen=True, slots=True)
class Table:
    columns: dict[str, Column]
    constraints: dict[str, str]  # by the constraint's name (its text where it has none): its normalised text
    foreign_keys: frozenset[tuple[str, ...]]
    sql_kind: str  # "table"; "virtual" for CREATE VIRTUAL TABLE; "unreadable" when SQLite cannot describe it


@dataclass(frozen=True, slots=True)
class Schema:
    tables: dict[str, Table] = field(default_factory=dict)
    indexes: dict[str, Index] = field(default_factory=dict)  # named indexes and constraints' own, by name
    triggers: dict[str, str] = field(default_factory=dict)  # by name: the normalised CREATE TRIGGER
    views: dict[str, str] = field(default_factory=dict)  # by name: the normalised CREATE VIEW
    others: dict[str, str] = field(default_factory=dict)  # anything else in sqlite_master, by name: its type


def _top_level_parts(body: str) -> list[str]:
    """The comma-separated parts of a CREATE TABLE's parenthesised body, commas inside parentheses or quotes kept."""
    parts, depth, start, quote = [], 0, 0, ""
    for i, char in enumerate(body):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"`":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return [p.strip() for p in parts if p.strip()]


def _table_constraints(sql: str) -> dict[str, str]:
    opened, closed = sql.find("("), sql.rfind(")")
    if opened < 0 or closed < opened:
        return {}
    found: dict[str, str] = {}
    for part in _top_level_parts(sql[opened + 1 : closed]):
        if not _CONSTRAINT_START.match(part):
            continue
        text = normalise_sql(part)
        words = text.split(" ")
        found[words[1] if words[0] == "constraint" and len(words) > 1 else text] = text
    return found


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _table(conn: sqlite3.Connection, name: str, sql: str) -> Table:
    try:
        return _described_table(conn, name, sql)
    except sqlite3.Error:  # a virtual table of a module this SQLite lacks: nothing this program makes
        return Table({}, {}, frozenset(), "unreadable")


def _described_table(conn: sqlite3.Connection, name: str, sql: str) -> Table:
    columns = {
        str(row[1]): Column(
            name=str(row[1]),
            type=str(row[2] or "").upper(),
            not_null=bool(row[3]),
            default=None if row[4] is None else normalise_sql(str(row[4])),
            primary_key=int(row[5]),
            hidden=int(row[6]),
        )
        for row in conn.execute(f"PRAGMA table_xinfo({_quoted(name)})")
    }
    keys = frozenset(
        tuple(str(value) for value in row[2:]) for row in conn.execute(f"PRAGMA foreign_key_list({_quoted(name)})")
    )
    kind = "virtual" if normalise_sql(sql).startswith("create virtual") else "table"
    return Table(columns, _table_constraints(sql), keys, kind)


def _indexes(conn: sqlite3.Connection, table: str, sql_of: dict[str, str]) -> dict[str, Index]:
    try:
        return _listed_indexes(conn, table, sql_of)
    except sqlite3.Error:  # as for an unreadable table: its indexes are found by name below
        return {}


def _listed_indexes(conn: sqlite3.Connection, table: str, sql_of: dict[str, str]) -> dict[str, Index]:
    found = {}
    for row in conn.execute(f"PRAGMA index_list({_quoted(table)})"):
        name, unique = str(row[1]), bool(row[2])
        columns = tuple(
            str(info[2])
            for info in conn.execute(f"PRAGMA index_xinfo({_quoted(name)})")
            if info[5]  # key columns
        )
        found[name] = Index(table, unique, columns, sql_of.get(name, ""))
    return found


def read_schema(conn: sqlite3.Connection) -> Schema:
    """The schema of the database open on ``conn``; nothing of the file's own SQL is run."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    schema = Schema()
    index_sql = {str(name): normalise_sql(str(sql)) for kind, name, _, sql in rows if kind == "index" and sql}
    for kind, raw_name, _table_name, raw_sql in rows:
        name, sql = str(raw_name), str(raw_sql or "")
        if kind == "table":
            if _INTERNAL_TABLES.match(name):
                continue
            schema.tables[name] = _table(conn, name, sql)
            schema.indexes.update(_indexes(conn, name, index_sql))
        elif kind == "trigger":
            schema.triggers[name] = normalise_sql(sql)
        elif kind == "view":
            schema.views[name] = normalise_sql(sql)
        elif kind != "index":
            schema.others[name] = str(kind)
    for name, sql in index_sql.items():  # an index on a table that is not there, or one no pragma lists
        if name not in schema.indexes:
            schema.indexes[name] = Index("", False, (), sql)
    return schema
