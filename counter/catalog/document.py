"""A bundle as a plain document: the same shape as its catalog file.

Guide versions are stored as this document (JSON) in the database, the workbook
import builds it, and the reader turns it back into a :class:`Bundle`.  One shape
for files, workbooks and storage means one reader and one validator for all.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from counter.catalog.model import Bundle, Item, Material, Subject, TimeLimit
from counter.catalog.problems import Problem
from counter.catalog.reader import FORMAT_VERSION, DocumentReader
from counter.catalog.remedies import Remedy


def _limit(limit: TimeLimit | None) -> dict[str, Any] | None:
    return None if limit is None else {"value": limit.value, "unit": limit.unit.value}


def _material(m: Material) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "code": m.code,
        "name": m.name,
        "items": list(m.items),
        "when": list(m.when),
        "kind": m.kind.value if m.kind else "",
        "copy_form": m.copy_form.value if m.copy_form else "",
        "medium": m.medium.value if m.medium else "",
        "originals": m.originals,
        "copies": m.copies,
        "paper_size": m.paper_size,
        "source": m.source.value if m.source else "",
        "issuer": m.issuer,
        "necessity": m.necessity.value,
        "legal_basis": m.legal_basis,
        "requirement": m.requirement,
        "shared": m.shared,
        "blank_form": m.blank_form,
        "sample_form": m.sample_form,
        "deferral_limit": _limit(m.deferral_limit),
        "intermediary": m.intermediary,
    }
    if m.fields:
        # only where set: the hash of a guide whose forms list no boxes stays what it was before they could
        doc["fields"] = [{"label": f.label, "sample": f.sample} for f in m.fields]
    if m.prescribed_by:
        doc["prescribed_by"] = m.prescribed_by
    if m.licence_floor is not None:  # only where set, as the boxes: other guides' hashes stay as they were
        doc["licence_floor"] = m.licence_floor.value
    return doc


def _subject(subject: Subject) -> dict[str, Any]:
    fields = []
    for f in subject.fields:
        field: dict[str, Any] = {"code": f.code, "label": f.label, "kind": f.kind.value}
        if f.options:
            field["options"] = [{"code": o.code, "label": o.label} for o in f.options]
        if not f.required:
            field["required"] = False
        fields.append(field)
    return {"title": subject.title, "fields": fields}


def _item_law(item: Item) -> dict[str, Any]:
    """The item's level and its flags, only where set: like aliases, a guide without them hashes as before."""
    law: dict[str, Any] = {}
    if item.level is not None:
        law["level"] = item.level.value
    if item.vertical:
        law["vertical"] = True
    if item.entrusted:
        law["entrusted"] = True
    if item.public_safety:
        law["public_safety"] = True
    if item.remedy is not None:
        law["remedy"] = _remedy(item.remedy)
    if item.pledge is not None:
        law["pledge"] = {
            "promise": item.pledge.promise,
            "check": _limit(item.pledge.check_within),
            "basis": item.pledge.basis,
            **({"correction": item.pledge.correction} if item.pledge.correction else {}),
            **({"chosen": item.pledge.chosen} if item.pledge.chosen else {}),
            **({"period_floor": item.pledge.period_floor} if item.pledge.period_floor is not None else {}),
        }
    if item.limit_basis:
        law["limit_basis"] = item.limit_basis
    if item.no_legal_limit:
        law["no_legal_limit"] = True
    if item.licence:
        law["licence"] = item.licence
    return law


def _remedy(remedy: Remedy) -> dict[str, Any]:
    """The remedy's table, each key only where set, as the catalog file writes it."""
    doc: dict[str, Any] = {"kind": remedy.kind.value}
    if remedy.review is not None:
        doc["review"] = remedy.review.value
    if remedy.superior:
        doc["superior"] = remedy.superior
    if remedy.superior_level is not None:
        doc["superior_level"] = remedy.superior_level.value
    if remedy.levy is not None:
        doc["levy"] = remedy.levy.value
    doc["basis"] = remedy.basis
    return doc


def _item_when(item: Item) -> dict[str, Any]:
    """The item's conditions, only where set: a guide whose items apply in every case hashes as before."""
    return {"when": list(item.when)} if item.when else {}


def to_document(bundle: Bundle) -> dict[str, Any]:
    """The bundle as a file-shaped dict; ``None`` values mean "absent"."""
    b = bundle
    doc: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "code": b.code,
        "number": b.number,
        "name": b.name,
        "status": b.status.value,
        "sample": b.sample,
        "keywords": list(b.keywords),
        "summary": b.summary,
        "conditions": list(b.conditions),
        "forms": list(b.forms),
        "address": None
        if b.address is None
        else {
            "street": b.address.street,
            "number": b.address.number,
            "room": b.address.room,
            "desk_no": b.address.desk_no,
        },
        "hours": [{"days": h.days, "periods": list(h.periods), "note": h.note} for h in b.hours],
        "consult_phone": b.consult_phone,
        "complaint_phone": b.complaint_phone,
        "visits": b.visits,
        "visits_reason": b.visits_reason,
        "promised_limit": _limit(b.promised_limit),
        "result": b.result,
        "steps": [
            {"name": s.name, "limit": _limit(s.limit), "result": s.result, "description": s.description}
            for s in b.steps
        ],
        "items": [
            {
                "code": i.code,
                "basic_code": i.basic_code,
                "name": i.name,
                "sub_item": i.sub_item,
                "type": i.item_type.value if i.item_type else "",
                "case_kind": i.case_kind.value if i.case_kind else "",
                "department": i.department,
                "legal_basis": i.legal_basis,
                "conditions": list(i.conditions),
                "legal_limit": _limit(i.legal_limit),
                "promised_limit": _limit(i.promised_limit),
                "fee": None if i.fee is None else {"amount": str(i.fee.amount), "basis": i.fee.basis},
                "result": i.result,
                "intermediaries": [{"name": x.name, "basis": x.basis} for x in i.intermediaries],
                **_item_law(i),
                **_item_when(i),
            }
            for i in b.items
        ],
        "situations": [
            {
                "code": s.code,
                "question": s.question,
                "options": [{"code": o.code, "label": o.label} for o in s.options],
            }
            for s in b.situations
        ],
        "materials": [_material(m) for m in b.materials],
    }
    if b.service_objects:
        doc["service_objects"] = list(b.service_objects)
    if b.aliases:
        # only where there are any: the hash of a guide without aliases stays what it was before they existed,
        # so an upgrade makes no new versions and versions synced with an older site keep matching
        doc["aliases"] = list(b.aliases)
    if b.name_mn:
        doc["name_mn"] = b.name_mn  # only where given, as aliases: other guides hash as before
    if b.subject is not None:
        doc["subject"] = _subject(b.subject)  # only where declared, as aliases: other guides hash as before
    cleaned: dict[str, Any] = _drop_none(doc)
    return cleaned


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def from_document(doc: dict[str, Any], file: str = "") -> tuple[Bundle, list[Problem]]:
    reader = DocumentReader(file)
    bundle = reader.read_bundle(doc)
    return bundle, reader.problems


def canonical_json(doc: dict[str, Any]) -> str:
    """Stable text of a document: the stored form, and the input of its hash."""
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(doc: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(doc).encode("utf-8")).hexdigest()
