"""电子证照 by 国办函〔2016〕108号: the trust level decides the window's step, a C-level upload is taken only once the
clerk checked its original (then B, with "此件经与原件核对无误"), a material's floor bars the levels it does not take;
a look-up names the holder's type (GB/T 36903-2018) and carries a 用证事由 of at most 200 characters."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from counter.catalog.document import canonical_json, content_hash, from_document, to_document
from counter.catalog.model import Bundle, LicenceFloor, MaterialKind
from counter.catalog.reader import parse_bundle
from counter.intake.checklist import (
    Checklist,
    LicenceNotTaken,
    Receipt,
    ReceivedMedium,
    awaits_original,
    original_checked,
    record_entry,
    start_checklist,
    take_licence,
    unaccounted,
)
from counter.intake.draft import draft_from_json, draft_to_json
from counter.intake.licence_trust import TrustStep, holder_type_code, trust_step, use_reason
from counter.intake.licences import Licence, LicenceProblem, TrustLevel, licence_of_record, licence_record
from counter.resources import resources_dir
from tests.intake.samples import RESTAURANT, everything_received
from tests.intake.test_draft import a_draft
from tests.licence_library import CREDIT_CODE

TODAY = dt.date(2026, 11, 20)
PREMISES = "premises"  # 经营场所使用证明: a certificate, looked up at the 证照库
UPLOADED = Licence("经营场所使用证明", "ZL-2026-7", "草原味道餐馆", CREDIT_CODE, "乌兰浩特市住房和城乡建设局",
                   dt.date(2026, 1, 5), None, TrustLevel.C)  # fmt: skip


def bundle(floor: LicenceFloor | None = None) -> Bundle:
    materials = tuple(
        dataclasses.replace(m, kind=MaterialKind.CERTIFICATE, licence_floor=floor) if m.code == PREMISES else m
        for m in RESTAURANT.materials
    )
    return dataclasses.replace(RESTAURANT, materials=materials)


def pending(code: str = PREMISES) -> Checklist:
    checklist = everything_received()
    lines = (dataclasses.replace(e, receipt=Receipt.PENDING) if e.code == code else e for e in checklist.entries)
    return dataclasses.replace(checklist, entries=tuple(lines))


@pytest.mark.parametrize(
    ("level", "step"),
    [(TrustLevel.A, TrustStep.USE), (TrustLevel.B, TrustStep.REUSE), (TrustLevel.C, TrustStep.CHECK_ORIGINAL),
     (TrustLevel.D, TrustStep.USE)],
)  # fmt: skip
def test_the_level_decides_the_step(level: TrustLevel, step: TrustStep) -> None:
    assert trust_step(dataclasses.replace(UPLOADED, trust=level)) is step


def test_a_c_level_licence_is_not_taken_until_the_clerk_records_the_original_checked() -> None:
    restaurant = bundle()
    checklist = take_licence(pending(), restaurant, PREMISES, UPLOADED, CREDIT_CODE, TODAY)
    line = checklist.entry(PREMISES)
    assert line is not None
    assert line.receipt is Receipt.PENDING  # 须核验原件: the clerk cannot finish the intake yet
    assert awaits_original(line)
    assert PREMISES in unaccounted(checklist, restaurant)
    back = draft_from_json(draft_to_json(a_draft(checklist))).checklist.entry(PREMISES)  # a draft keeps it waiting
    assert back is not None
    assert back.licence == UPLOADED
    assert back.receipt is Receipt.PENDING

    checked = _check_original(checklist, PREMISES)
    line = checked.entry(PREMISES)
    assert line is not None
    assert (line.receipt, line.medium) == (Receipt.RECEIVED, ReceivedMedium.ELECTRONIC)
    assert line.licence is not None
    assert (line.licence.trust, line.licence.checked_original) == (TrustLevel.B, True)  # B for the next window
    assert trust_step(line.licence) is TrustStep.REUSE
    assert licence_of_record(licence_record(line.licence)) == line.licence
    assert PREMISES not in unaccounted(checked, restaurant)
    with pytest.raises(KeyError):
        _check_original(checked, PREMISES)  # checked once


@pytest.mark.parametrize(
    ("floor", "refused"),
    [(LicenceFloor.A, {TrustLevel.B, TrustLevel.C}), (LicenceFloor.B, set()), (LicenceFloor.D, set()), (None, set())],
)  # fmt: skip
def test_a_materials_floor_bars_the_levels_it_does_not_take(
    floor: LicenceFloor | None, refused: set[TrustLevel]
) -> None:
    restaurant = bundle(floor)
    found: dict[TrustLevel, tuple[LicenceProblem, ...]] = {}
    for level in TrustLevel:
        licence = dataclasses.replace(UPLOADED, trust=level)
        try:
            take_licence(pending(), restaurant, PREMISES, licence, CREDIT_CODE, TODAY)
        except LicenceNotTaken as err:
            found[level] = tuple(p for p in err.problems if p is not LicenceProblem.SELF_MADE)
    below = () if floor in (LicenceFloor.D, None) else (LicenceProblem.BELOW_FLOOR,)
    assert found == {**dict.fromkeys(refused, (LicenceProblem.BELOW_FLOOR,)), TrustLevel.D: below}


def test_a_self_made_entry_of_053s_business_licence_is_no_licence_received() -> None:
    """108号: D is 用户自制材料, used only on a 真实性承诺 the intake does not record, and no licence a body issued;
    so the 营业执照 of 053 (a certificate, no floor) is not received electronically on it, whatever the floor."""
    shipped, _ = parse_bundle((resources_dir() / "catalog" / "053.toml").read_text(encoding="utf-8"), "053.toml")
    assert shipped is not None
    licence = next(m for m in shipped.materials if m.name == "营业执照")
    assert (licence.kind, licence.licence_floor) == (MaterialKind.CERTIFICATE, None)
    checklist = start_checklist(shipped)
    self_made = dataclasses.replace(UPLOADED, kind="营业执照", trust=TrustLevel.D)
    for floor in (None, LicenceFloor.D):
        materials = tuple(dataclasses.replace(m, licence_floor=floor) for m in shipped.materials)
        with pytest.raises(LicenceNotTaken) as refused:
            take_licence(checklist, dataclasses.replace(shipped, materials=materials), licence.code, self_made,
                         CREDIT_CODE, TODAY)  # fmt: skip
        assert refused.value.problems == (LicenceProblem.SELF_MADE,)
    issued = take_licence(checklist, shipped, licence.code, dataclasses.replace(self_made, trust=TrustLevel.A),
                          CREDIT_CODE, TODAY).entry(licence.code)  # fmt: skip
    assert issued is not None
    assert (issued.receipt, issued.medium) == (Receipt.RECEIVED, ReceivedMedium.ELECTRONIC)


def test_the_holder_type_is_gb_t_36903s_and_the_reason_names_the_case_within_200_characters() -> None:
    assert holder_type_code(CREDIT_CODE) == "001"
    assert holder_type_code("152201197505042113") == "111"
    assert use_reason("我要开餐馆", "XAM01-20261120-08-0001") == "办理《开餐馆》一件事，办件编号 XAM01-20261120-08-0001"
    assert use_reason("我要开餐馆") == "办理《开餐馆》一件事，受理前核验"
    long = use_reason("很长的一件事" * 60, "XAM01-20261120-08-0001")
    assert len(long) == 200
    assert long.endswith("一件事，办件编号 XAM01-20261120-08-0001")


def test_a_materials_floor_is_catalog_data_kept_with_its_guide_and_a_wrong_one_refused() -> None:
    shipped = resources_dir() / "catalog" / "033.toml"
    text = shipped.read_text(encoding="utf-8")
    plain, _ = parse_bundle(text, "XAM-YJS-033.toml")
    assert plain is not None
    floored = text.replace('code = "M02"\n', 'code = "M02"\nlicence_floor = "B"\n', 1)
    bundle, problems = parse_bundle(floored, "XAM-YJS-033.toml")
    assert bundle is not None
    assert problems == []
    m02 = next(m for m in bundle.materials if m.code == "M02")
    assert m02.licence_floor is LicenceFloor.B
    back, _ = from_document(to_document(bundle))
    assert next(m for m in back.materials if m.code == "M02").licence_floor is LicenceFloor.B
    assert content_hash(to_document(plain)) != content_hash(to_document(bundle))  # a floor is part of the guide
    assert "licence_floor" not in canonical_json(to_document(plain))  # guides without one keep their hash
    _, wrong = parse_bundle(floored.replace('licence_floor = "B"', 'licence_floor = "E"'), "XAM-YJS-033.toml")
    assert [p.field for p in wrong] == ["licence_floor"]


def _check_original(checklist: Checklist, code: str) -> Checklist:
    """The clerk's key 1 on the row of a licence waiting for its original, as the row records it."""
    entry = checklist.entry(code)
    if entry is None:
        raise KeyError(code)
    return record_entry(checklist, original_checked(entry))
