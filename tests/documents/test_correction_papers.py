"""The papers a 补正 hands over, as the message telling it names them: per issuing body, the hall's 告知书 where it
only receives."""

from __future__ import annotations

from counter.case.site_authority import EntrustedAct
from counter.case.view import CaseMaterialLine
from counter.documents.acceptance import HeldItems, OrganAnswer
from counter.documents.correction_papers import CorrectionPaper, correction_papers
from counter.documents.data import OfficeSettings
from tests.intake.samples import INDIVIDUAL_NO_AGENT, RESTAURANT

HALL = OfficeSettings(administrative_organ=OrganAnswer.YES)
#: the 小餐饮 item entrusted to the hall by 授权 for its 受理 and 补正; the registration only received
XCY_ENTRUSTED = HeldItems(
    entrusted={"XCY": "兴安盟市场监督管理局授权书"},
    acts={"XCY": frozenset({EntrustedAct.ACCEPT, EntrustedAct.CORRECT})},
)


def _missing(code: str) -> tuple[CaseMaterialLine, ...]:
    material = next(m for m in RESTAURANT.materials if m.code == code)
    return (CaseMaterialLine(code, material.name, material.necessity.value, "missing", 0, 0, "", "", None, None),)


def test_a_hall_that_only_receives_tells_on_its_own_paper() -> None:
    papers = correction_papers(RESTAURANT, INDIVIDUAL_NO_AGENT, _missing("application"), HALL, HeldItems())
    assert papers == {CorrectionPaper.TOLD}


def test_an_entrusted_items_correction_is_its_departments_notice() -> None:
    papers = correction_papers(RESTAURANT, INDIVIDUAL_NO_AGENT, _missing("floor_plan"), HALL, XCY_ENTRUSTED)
    assert papers == {CorrectionPaper.NOTICE}


def test_a_material_of_both_is_told_on_both_papers() -> None:
    """The application serves the registration (only received: the hall's 告知书) and the 小餐饮 item (its
    department's 补齐补正通知书, in its name): the applicant holds both."""
    papers = correction_papers(RESTAURANT, INDIVIDUAL_NO_AGENT, _missing("application"), HALL, XCY_ENTRUSTED)
    assert papers == {CorrectionPaper.NOTICE, CorrectionPaper.TOLD}
    forwarded = HeldItems(XCY_ENTRUSTED.site_items, XCY_ENTRUSTED.entrusted, XCY_ENTRUSTED.acts, forwarded=True)
    assert correction_papers(RESTAURANT, INDIVIDUAL_NO_AGENT, _missing("floor_plan"), HALL, forwarded) == {
        CorrectionPaper.TOLD
    }  # forwarded on insistence: received, whatever the 授权
