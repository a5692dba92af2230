"""Read catalog files (TOML, one bundle per file) into :mod:`counter.catalog.model`.

The reader is forgiving about what is *missing* — an absent element becomes empty,
and :mod:`counter.catalog.validate` names it — but strict about what is *wrong*:
a value of the wrong type, an unknown code or an unknown key is a problem here,
because guessing would hide a typo in a published guide.  The format is described
in ``docs/catalog-format.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from counter.catalog.departments import AdminLevel
from counter.catalog.model import (
    Address,
    Bundle,
    CaseKind,
    CopyForm,
    Fee,
    FormField,
    GuideStatus,
    Intermediary,
    Item,
    ItemType,
    LicenceFloor,
    Material,
    MaterialKind,
    Medium,
    Necessity,
    NoticePledge,
    OpeningHours,
    Option,
    Situation,
    SourceChannel,
    Step,
    Subject,
    SubjectField,
    SubjectFieldKind,
    TimeLimit,
    TimeUnit,
)
from counter.catalog.problems import Problem, Rule
from counter.catalog.remedies import Levy, Remedy, RemedyKind, ReviewBody
from counter.util.bounded_read import CATALOG_FILE_LIMIT, NotRegularFile, TooLarge, read_bounded

FORMAT_VERSION = 1

E = TypeVar("E", bound=StrEnum)

_BUNDLE_KEYS = {
    "format", "code", "number", "name", "name_mn", "status", "sample", "keywords", "aliases", "summary",
    "service_objects", "conditions", "forms", "address", "hours", "consult_phone", "complaint_phone",
    "visits", "visits_reason", "promised_limit", "result", "steps", "items",
    "situations", "materials", "subject",
}  # fmt: skip
_ITEM_KEYS = {
    "code", "basic_code", "name", "sub_item", "type", "case_kind", "department",
    "legal_basis", "conditions", "legal_limit", "promised_limit", "fee", "result",
    "intermediaries", "level", "vertical", "entrusted", "public_safety", "remedy", "limit_basis", "no_legal_limit",
    "when", "licence", "pledge",
}  # fmt: skip
_PLEDGE_KEYS = {"promise", "check", "basis", "correction", "chosen", "period_floor"}
_REMEDY_KEYS = {"kind", "review", "superior", "superior_level", "basis", "levy"}
_MATERIAL_KEYS = {
    "code", "name", "items", "when", "kind", "copy_form", "medium", "originals",
    "copies", "paper_size", "source", "issuer", "necessity", "legal_basis",
    "requirement", "shared", "blank_form", "sample_form", "deferral_limit",
    "intermediary", "fields", "prescribed_by", "licence_floor",
}  # fmt: skip
_FIELD_KEYS = {"label", "sample"}
_ADDRESS_KEYS = {"street", "number", "room", "desk_no"}
_HOURS_KEYS = {"days", "periods", "note"}
_STEP_KEYS = {"name", "limit", "result", "description"}
_LIMIT_KEYS = {"value", "unit"}
_FEE_KEYS = {"amount", "basis"}
_INTERMEDIARY_KEYS = {"name", "basis"}
_SITUATION_KEYS = {"code", "question", "options"}
_OPTION_KEYS = {"code", "label"}
_SUBJECT_KEYS = {"title", "fields"}
_SUBJECT_FIELD_KEYS = {"code", "label", "kind", "options", "required"}


@dataclass(frozen=True, slots=True)
class ReadResult:
    bundles: tuple[tuple[str, Bundle], ...]  # (file name, bundle)
    problems: tuple[Problem, ...]


class DocumentReader:
    """Reads one parsed document, collecting problems instead of raising."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.bundle = ""
        self.item = ""
        self.material = ""

    def report(self, rule: Rule, field: str, detail: str = "") -> None:
        self.problems.append(Problem(rule, self.file, self.bundle, self.item, self.material, field, detail))

    def keys(self, table: Mapping[str, Any], allowed: set[str], where: str) -> None:
        for key in table:
            if key not in allowed:
                self.report(Rule.UNKNOWN_KEY, f"{where}{key}" if where else key)

    def text(self, table: Mapping[str, Any], key: str) -> str:
        value = table.get(key, "")
        if isinstance(value, str):
            return value.strip()
        self.report(Rule.WRONG_TYPE, key, repr(value))
        return ""

    def integer(self, table: Mapping[str, Any], key: str, where: str = "") -> int | None:
        """A whole number; ``where`` names the subtable it sits in (``promised_limit.``) in a problem's field."""
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        self.report(Rule.WRONG_TYPE, f"{where}{key}", repr(value))
        return None

    def flag(self, table: Mapping[str, Any], key: str) -> bool:
        value = table.get(key, False)
        if isinstance(value, bool):
            return value
        self.report(Rule.WRONG_TYPE, key, repr(value))
        return False

    def texts(self, table: Mapping[str, Any], key: str, *, keep_blank: bool = False) -> tuple[str, ...]:
        """A list of text, each stripped; blank entries are dropped unless the validator must see them."""
        value = table.get(key, [])
        if isinstance(value, str):
            return (value.strip(),) if value.strip() or keep_blank else ()
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(v.strip() for v in value if v.strip() or keep_blank)
        self.report(Rule.WRONG_TYPE, key, repr(value))
        return ()

    def code(self, table: Mapping[str, Any], key: str, enum: type[E], where: str = "") -> E | None:
        """A code of ``enum``; ``where`` names the subtable it sits in (``remedy.``) in a problem's field."""
        value = table.get(key)
        if value is None or value == "":
            return None
        try:
            return enum(str(value))
        except ValueError:
            self.report(Rule.UNKNOWN_VALUE, f"{where}{key}", str(value))
            return None

    def tables(self, table: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        value = table.get(key, [])
        if isinstance(value, list) and all(isinstance(v, dict) for v in value):
            return value
        self.report(Rule.WRONG_TYPE, key, repr(value)[:80])
        return []

    def subtable(self, table: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, dict):
            return value
        self.report(Rule.WRONG_TYPE, key, repr(value)[:80])
        return None

    def limit(self, table: Mapping[str, Any], key: str) -> TimeLimit | None:
        sub = self.subtable(table, key)
        if sub is None:
            return None
        self.keys(sub, _LIMIT_KEYS, f"{key}.")
        value = self.integer(sub, "value", f"{key}.")
        if value is None:
            if "value" not in sub:  # one of another type is named as such already
                self.report(Rule.MISSING_ELEMENT, f"{key}.value")
            return None
        if value < 0:
            self.report(Rule.WRONG_TYPE, f"{key}.value", str(value))
            return None
        unit = self.code(sub, "unit", TimeUnit, f"{key}.")
        if unit is None:
            if "unit" not in sub or sub.get("unit") == "":
                self.report(Rule.LIMIT_WITHOUT_UNIT, key, str(value))
            return None
        return TimeLimit(value, unit)

    def fee(self, table: Mapping[str, Any]) -> Fee | None:
        sub = self.subtable(table, "fee")
        if sub is None:
            return None
        self.keys(sub, _FEE_KEYS, "fee.")
        raw = sub.get("amount")
        if raw is None:
            self.report(Rule.MISSING_ELEMENT, "fee.amount")
            return None
        try:
            amount = Decimal(str(raw))
        except InvalidOperation:
            self.report(Rule.WRONG_TYPE, "fee.amount", str(raw))
            return None
        if not amount.is_finite() or amount < 0:
            self.report(Rule.WRONG_TYPE, "fee.amount", str(raw))
            return None
        return Fee(amount, self.text(sub, "basis"))

    def read_bundle(self, doc: Mapping[str, Any]) -> Bundle:
        self.bundle = self.text(doc, "code") or self.file
        self.keys(doc, _BUNDLE_KEYS, "")
        fmt = doc.get("format", FORMAT_VERSION)
        if fmt != FORMAT_VERSION:
            self.report(Rule.UNKNOWN_VALUE, "format", str(fmt))
        number = self.integer(doc, "number")
        status = self.code(doc, "status", GuideStatus) or GuideStatus.UNPUBLISHED
        address = None
        addr = self.subtable(doc, "address")
        if addr is not None:
            self.keys(addr, _ADDRESS_KEYS, "address.")
            address = Address(
                self.text(addr, "street"),
                self.text(addr, "number"),
                self.text(addr, "room"),
                self.text(addr, "desk_no"),
            )
        hours = []
        for row in self.tables(doc, "hours"):
            self.keys(row, _HOURS_KEYS, "hours.")
            hours.append(OpeningHours(self.text(row, "days"), self.texts(row, "periods"), self.text(row, "note")))
        steps = []
        for row in self.tables(doc, "steps"):
            self.keys(row, _STEP_KEYS, "steps.")
            steps.append(
                Step(
                    self.text(row, "name"),
                    self.limit(row, "limit"),
                    self.text(row, "result"),
                    self.text(row, "description"),
                )
            )
        items = tuple(self.read_item(row) for row in self.tables(doc, "items"))
        situations = tuple(self.read_situation(row) for row in self.tables(doc, "situations"))
        materials = tuple(self.read_material(row) for row in self.tables(doc, "materials"))
        return Bundle(
            code=self.text(doc, "code"),
            number=number if number is not None else 0,
            name=self.text(doc, "name"),
            status=status,
            sample=self.flag(doc, "sample"),
            keywords=self.texts(doc, "keywords"),
            aliases=self.texts(doc, "aliases", keep_blank=True),
            name_mn=self.text(doc, "name_mn"),
            summary=self.text(doc, "summary"),
            service_objects=self.texts(doc, "service_objects"),
            conditions=self.texts(doc, "conditions"),
            forms=self.texts(doc, "forms"),
            address=address,
            hours=tuple(hours),
            consult_phone=self.text(doc, "consult_phone"),
            complaint_phone=self.text(doc, "complaint_phone"),
            visits=self.integer(doc, "visits"),
            visits_reason=self.text(doc, "visits_reason"),
            promised_limit=self.limit(doc, "promised_limit"),
            result=self.text(doc, "result"),
            steps=tuple(steps),
            items=items,
            situations=situations,
            materials=materials,
            subject=self.read_subject(doc),
        )

    def read_subject(self, doc: Mapping[str, Any]) -> Subject | None:
        sub = self.subtable(doc, "subject")
        if sub is None:
            return None
        self.keys(sub, _SUBJECT_KEYS, "subject.")
        fields = []
        for row in self.tables(sub, "fields"):
            self.keys(row, _SUBJECT_FIELD_KEYS, "subject.fields.")
            options = []
            for option in self.tables(row, "options"):
                self.keys(option, _OPTION_KEYS, "subject.fields.options.")
                options.append(Option(self.text(option, "code"), self.text(option, "label")))
            required = row.get("required", True)
            if not isinstance(required, bool):
                self.report(Rule.WRONG_TYPE, "subject.fields.required", repr(required))
                required = True
            kind = self.code(row, "kind", SubjectFieldKind)
            if kind is None:
                if not row.get("kind"):
                    self.report(Rule.MISSING_ELEMENT, "subject.fields.kind", self.text(row, "code"))
                kind = SubjectFieldKind.TEXT
            fields.append(SubjectField(self.text(row, "code"), self.text(row, "label"), kind, tuple(options), required))
        return Subject(self.text(sub, "title"), tuple(fields))

    def read_item(self, row: Mapping[str, Any]) -> Item:
        self.item = self.text(row, "code") or self.text(row, "name")
        try:
            self.keys(row, _ITEM_KEYS, "items.")
            intermediaries = []
            for sub in self.tables(row, "intermediaries"):
                self.keys(sub, _INTERMEDIARY_KEYS, "intermediaries.")
                intermediaries.append(Intermediary(self.text(sub, "name"), self.text(sub, "basis")))
            return Item(
                code=self.text(row, "code"),
                basic_code=self.text(row, "basic_code"),
                name=self.text(row, "name"),
                sub_item=self.text(row, "sub_item"),
                item_type=self.code(row, "type", ItemType),
                case_kind=self.code(row, "case_kind", CaseKind),
                department=self.text(row, "department"),
                legal_basis=self.text(row, "legal_basis"),
                conditions=self.texts(row, "conditions"),
                legal_limit=self.limit(row, "legal_limit"),
                promised_limit=self.limit(row, "promised_limit"),
                fee=self.fee(row),
                result=self.text(row, "result"),
                intermediaries=tuple(intermediaries),
                level=self.code(row, "level", AdminLevel),
                vertical=self.flag(row, "vertical"),
                entrusted=self.flag(row, "entrusted"),
                public_safety=self.flag(row, "public_safety"),
                remedy=self.remedy(row),
                limit_basis=self.text(row, "limit_basis"),
                no_legal_limit=self.flag(row, "no_legal_limit"),
                when=self.texts(row, "when"),
                licence=self.text(row, "licence"),
                pledge=self.pledge(row),
            )
        finally:
            self.item = ""

    def remedy(self, row: Mapping[str, Any]) -> Remedy | None:
        """权利救济 (:mod:`counter.catalog.remedies`); absent, or without a way the reader knows, is None."""
        sub = self.subtable(row, "remedy")
        if sub is None:
            return None
        self.keys(sub, _REMEDY_KEYS, "remedy.")
        kind = self.code(sub, "kind", RemedyKind, "remedy.")
        if kind is None:
            if not sub.get("kind"):
                self.report(Rule.MISSING_ELEMENT, "remedy.kind")
            return None
        return Remedy(
            kind=kind,
            basis=self.text(sub, "basis"),
            review=self.code(sub, "review", ReviewBody, "remedy."),
            superior=self.text(sub, "superior"),
            superior_level=self.code(sub, "superior_level", AdminLevel, "remedy."),
            levy=self.code(sub, "levy", Levy, "remedy."),
        )

    def pledge(self, row: Mapping[str, Any]) -> NoticePledge | None:
        """告知承诺 (:class:`~counter.catalog.model.NoticePledge`); absent is None."""
        sub = self.subtable(row, "pledge")
        if sub is None:
            return None
        self.keys(sub, _PLEDGE_KEYS, "pledge.")
        return NoticePledge(
            self.text(sub, "promise"),
            self.limit(sub, "check"),
            self.text(sub, "basis"),
            self.text(sub, "correction"),
            self.text(sub, "chosen"),
            self._floor(sub),
        )

    def _floor(self, sub: Mapping[str, Any]) -> int | None:
        """The shortest period a 告知承诺 item's body gives, in working days: at least one."""
        floor = self.integer(sub, "period_floor", "pledge.")
        if floor is not None and floor < 1:
            self.report(Rule.WRONG_TYPE, "pledge.period_floor", str(floor))
            return None
        return floor

    def read_situation(self, row: Mapping[str, Any]) -> Situation:
        self.keys(row, _SITUATION_KEYS, "situations.")
        options = []
        for sub in self.tables(row, "options"):
            self.keys(sub, _OPTION_KEYS, "situations.options.")
            options.append(Option(self.text(sub, "code"), self.text(sub, "label")))
        return Situation(self.text(row, "code"), self.text(row, "question"), tuple(options))

    def read_material(self, row: Mapping[str, Any]) -> Material:
        self.material = self.text(row, "code") or self.text(row, "name")
        try:
            self.keys(row, _MATERIAL_KEYS, "materials.")
            necessity = self.code(row, "necessity", Necessity)
            if necessity is None:
                self.report(Rule.MISSING_ELEMENT, "necessity")
                necessity = Necessity.REQUIRED
            return Material(
                code=self.text(row, "code"),
                name=self.text(row, "name"),
                items=self.texts(row, "items"),
                when=self.texts(row, "when"),
                kind=self.code(row, "kind", MaterialKind),
                copy_form=self.code(row, "copy_form", CopyForm),
                medium=self.code(row, "medium", Medium),
                originals=self.integer(row, "originals") or 0,
                copies=self.integer(row, "copies") or 0,
                paper_size=self.text(row, "paper_size"),
                source=self.code(row, "source", SourceChannel),
                issuer=self.text(row, "issuer"),
                necessity=necessity,
                legal_basis=self.text(row, "legal_basis"),
                requirement=self.text(row, "requirement"),
                shared=self.flag(row, "shared"),
                blank_form=self.text(row, "blank_form"),
                sample_form=self.text(row, "sample_form"),
                deferral_limit=self.limit(row, "deferral_limit"),
                intermediary=self.text(row, "intermediary"),
                fields=self.read_fields(row),
                prescribed_by=self.text(row, "prescribed_by"),
                licence_floor=self.code(row, "licence_floor", LicenceFloor),
            )
        finally:
            self.material = ""

    def read_fields(self, row: Mapping[str, Any]) -> tuple[FormField, ...]:
        fields = []
        for sub in self.tables(row, "fields"):
            self.keys(sub, _FIELD_KEYS, "materials.fields.")
            fields.append(FormField(self.text(sub, "label"), self.text(sub, "sample")))
        return tuple(fields)


#: where the TOML reader says it stopped, at the end of its message (Python 3.11's tomllib has no fields for it)
_STOPPED_AT = re.compile(r"\(at line (\d+), column (\d+)\)$")


def syntax_place(message: str) -> tuple[tuple[str, str], ...]:
    """The line and column of a TOML syntax error, as a problem's extras: the screen names the place in Chinese,
    the parser's English message stays the problem's detail (for the log).  None found: the file ended too soon."""
    found = _STOPPED_AT.search(message)
    return (("line", found[1]), ("column", found[2])) if found else ()


def parse_bundle(text: str, file: str) -> tuple[Bundle | None, list[Problem]]:
    """Parse one catalog file's text; a syntax error yields no bundle and one problem.

    The TOML reader is imported here: the desk reads stored guides through this module's :class:`DocumentReader`
    (the draft offered back at start) without ever parsing a catalog file.
    """
    import tomllib

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        return None, [Problem(Rule.SYNTAX, file, detail=str(err), extra=syntax_place(str(err)))]
    reader = DocumentReader(file)
    bundle = reader.read_bundle(doc)
    return bundle, reader.problems


def read_file(path: Path) -> tuple[Bundle | None, list[Problem]]:
    try:
        text = read_bounded(path, CATALOG_FILE_LIMIT).decode("utf-8")
    except TooLarge as err:
        return None, [Problem(Rule.TOO_LARGE, path.name, detail=str(err.limit))]
    except FileNotFoundError:
        return None, [Problem(Rule.NOT_FOUND, path.name)]
    except NotRegularFile:
        return None, [Problem(Rule.NOT_REGULAR, path.name)]
    except UnicodeDecodeError as err:
        return None, [Problem(Rule.NOT_UTF8, path.name, detail=str(err))]
    except OSError as err:  # a missing file, a bad encoding and a refused open are three different fixes
        return None, [Problem(Rule.UNREADABLE, path.name, detail=err.strerror or str(err))]
    return parse_bundle(text, path.name)


def read_paths(files: Iterable[Path]) -> ReadResult:
    bundles: list[tuple[str, Bundle]] = []
    problems: list[Problem] = []
    for path in files:
        bundle, found = read_file(path)
        problems.extend(found)
        if bundle is not None:
            bundles.append((path.name, bundle))
    return ReadResult(tuple(bundles), tuple(problems))
