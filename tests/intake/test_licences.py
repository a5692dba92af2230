"""The 电子证照 rules: which materials may be looked up, which licence may be taken, and how an answer is read."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from counter.catalog.model import Material, MaterialKind, Necessity
from counter.intake.checklist import Receipt, ReceivedMedium, mark_lookup_failed, record
from counter.intake.draft import draft_from_json, draft_to_json
from counter.intake.licences import (
    Licence,
    LicenceProblem,
    MalformedAnswer,
    TrustLevel,
    format_from_toml,
    licence_of_record,
    licence_problems,
    licence_record,
    lookup_failed_of_record,
    lookup_failed_record,
    wants_licence,
)
from counter.resources import licence_format_file
from tests.intake.samples import material as sample_material
from tests.intake.test_draft import a_draft, restaurant_checklist
from tests.licence_library import BUSINESS_LICENCE, CREDIT_CODE, EXPIRED_LICENCE

FORMAT = format_from_toml(licence_format_file().read_text(encoding="utf-8"))
TODAY = dt.date(2026, 11, 20)


def material(
    code: str, *, name: str = "材料", kind: MaterialKind = MaterialKind.OTHER, shared: bool = False
) -> Material:
    return dataclasses.replace(sample_material(code, name, Necessity.REQUIRED, shared=shared), kind=kind)


def _answer(*licences: dict[str, object]) -> bytes:
    return json.dumps({"licences": list(licences)}, ensure_ascii=False).encode()


def test_the_shipped_format_reads_a_licence_without_end_as_long_valid() -> None:
    (licence,) = FORMAT.read_answer(_answer(BUSINESS_LICENCE))
    assert licence.valid_until is None
    assert not licence.expired(dt.date(2099, 1, 1))
    assert licence.trust is TrustLevel.A


@pytest.mark.parametrize(
    "raw",
    [
        b"<html>busy</html>",
        b'{"items": []}',
        _answer({**BUSINESS_LICENCE, "trust_level": "E"}),
        _answer({**BUSINESS_LICENCE, "number": ""}),
        _answer({**BUSINESS_LICENCE, "valid_until": "2030/01/01"}),
        _answer(["营业执照"]),  # type: ignore[arg-type]
    ],
)
def test_an_answer_the_format_cannot_read_whole_is_refused_whole(raw: bytes) -> None:
    with pytest.raises(MalformedAnswer):
        FORMAT.read_answer(raw)


def test_an_integrators_format_maps_other_keys_and_level_words() -> None:
    adapted = format_from_toml(
        licence_format_file().read_text(encoding="utf-8").replace('number = "number"', 'number = "zzbh"')
        + '"一级" = "A"\n'
    )
    renamed = {**BUSINESS_LICENCE, "zzbh": "X-1", "trust_level": "一级"}
    del renamed["number"]
    (licence,) = adapted.read_answer(_answer(renamed))
    assert (licence.number, licence.trust) == ("X-1", TrustLevel.A)
    reason = "办理《开餐馆》一件事，办件编号 XAM01-20261120-08-0001"
    assert json.loads(adapted.request_body(CREDIT_CODE, ("营业执照",), "r1", "001", reason)) == {
        "holder_id": CREDIT_CODE,
        "holder_type": "001",  # GB/T 36903-2018: 统一社会信用代码
        "types": ["营业执照"],
        "type_codes": [],  # the shipped format names no 证照类型代码: the integrator's list
        "reason": reason,
        "request_id": "r1",
    }


def test_a_format_lacking_a_field_is_refused_naming_it() -> None:
    with pytest.raises(ValueError, match="issuer"):
        format_from_toml(licence_format_file().read_text(encoding="utf-8").replace('issuer = "issuer"', ""))


def test_a_licence_past_its_validity_of_another_type_or_holder_is_not_taken() -> None:
    (permit,) = FORMAT.read_answer(_answer(EXPIRED_LICENCE))
    permit_material = material("M1", name="营业执照", kind=MaterialKind.CERTIFICATE)
    assert licence_problems(permit_material, permit, CREDIT_CODE, TODAY) == [LicenceProblem.EXPIRED]
    assert licence_problems(permit_material, permit, CREDIT_CODE, dt.date(2024, 4, 30)) == []  # its last day
    licence = dataclasses.replace(permit, valid_until=None, holder_id="152201199001011234")
    assert licence_problems(material("M2", name="食品经营许可证"), licence, CREDIT_CODE, TODAY) == [
        LicenceProblem.NOT_THIS_MATERIAL,
        LicenceProblem.NOT_THIS_HOLDER,
    ]


def test_only_shared_materials_and_certificates_are_looked_up() -> None:
    assert wants_licence(material("M1", shared=True, kind=MaterialKind.OTHER))
    assert wants_licence(material("M2", kind=MaterialKind.CERTIFICATE))
    assert not wants_licence(material("M3", kind=MaterialKind.FORM))


def test_a_line_keeps_the_licence_or_that_the_look_up_failed() -> None:
    licence = Licence("营业执照", "1", "某店", CREDIT_CODE, "某局", TODAY, None, TrustLevel.B)
    assert licence_of_record(licence_record(licence)) == licence
    failed = lookup_failed_record("timeout after 8 s")
    assert licence_of_record(failed) is None
    assert lookup_failed_of_record(failed) == "timeout after 8 s"
    assert lookup_failed_of_record(licence_record(licence)) == ""
    assert licence_of_record("") is None


def test_a_draft_keeps_the_licence_taken_and_the_failed_look_up() -> None:
    checklist = restaurant_checklist()
    codes = [e.code for e in checklist.entries]
    licence = Licence("营业执照", "1", "某店", CREDIT_CODE, "某局", TODAY, None, TrustLevel.B)
    checklist = record(checklist, codes[2], Receipt.RECEIVED, medium=ReceivedMedium.ELECTRONIC, licence=licence)
    checklist = mark_lookup_failed(checklist, [codes[3]], "HTTP 503")
    checklist = record(checklist, codes[3], Receipt.RECEIVED, originals=1, medium=ReceivedMedium.PAPER)
    draft = a_draft(checklist)
    back = draft_from_json(draft_to_json(draft))
    assert back == draft
    assert back.checklist.entries[2].licence == licence
    assert back.checklist.entries[3].lookup_failed == "HTTP 503"  # kept whatever the clerk then recorded
    paper = record(back.checklist, codes[2], Receipt.RECEIVED, originals=1, medium=ReceivedMedium.PAPER)
    assert paper.entries[2].licence is None  # a licence stays only on a line received electronically
