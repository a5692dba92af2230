"""The window acts in a department's name within its agreement only (许可法 第二十四条: 在委托范围内): an agreement
for 受理 that leaves out 补正 or 不予受理 leaves the hall, for that act, a window that only receives
(counter.documents.acceptance.standing_for).  The rule over every agreement, and the 补正 and 不予受理 papers
of an item whose agreement covers 受理 alone, read back from the PDF."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from counter.case.site_authority import EntrustedAct
from counter.catalog.model import Bundle
from counter.documents.acceptance import Acceptance, HeldItems, OrganAnswer, acceptance_of, standing_for
from counter.documents.data import OfficeSettings
from counter.documents.deciders import decider_name
from counter.documents.model import DocumentKind, document_for
from counter.documents.render import render_pdf
from tests.documents.conftest import CASE_OF_KIND, TODAY, DemoCases
from tests.documents.pdf_tools import pdf_text
from tests.documents.test_acceptance import AUTHORISATION, MARKET, market_only
from tests.entrusted import AGREEMENT

INTAKE_ACTS = (EntrustedAct.ACCEPT, EntrustedAct.CORRECT, EntrustedAct.REFUSE)


def _answered(demo: DemoCases) -> OfficeSettings:
    return dataclasses.replace(demo.office, administrative_organ=OrganAnswer.YES)


def _covering(bundle: Bundle, acts: frozenset[EntrustedAct]) -> HeldItems:
    codes = [item.code for item in bundle.items]
    return HeldItems(entrusted=dict.fromkeys(codes, AUTHORISATION), acts=dict.fromkeys(codes, acts))


def test_the_window_acts_in_the_departments_name_only_for_what_the_agreement_names(demo: DemoCases) -> None:
    office = _answered(demo)

    @given(acts=st.frozensets(st.sampled_from(EntrustedAct)), act=st.sampled_from(INTAKE_ACTS))
    def check(acts: frozenset[EntrustedAct], act: EntrustedAct) -> None:
        held = _covering(demo.bundle, acts)
        for item in demo.bundle.items:
            standing = standing_for(item, office, held, act)
            entrusted = EntrustedAct.ACCEPT in acts and act in acts
            assert standing is (Acceptance.ENTRUSTED if entrusted else Acceptance.RECEIVED), (item.code, act)
            # the 受理's standing is the item's own, as every other face reads it
            assert standing_for(item, office, held, EntrustedAct.ACCEPT) is acceptance_of(item, office, held)
            # what the site holds itself, or under the office's agreement (covering every act), it holds for each
            own = HeldItems(site_items=frozenset({item.code}))
            assert standing_for(item, office, own, act) is Acceptance.OWN
            if item.entrusted:
                agreed = dataclasses.replace(office, entrustments=f"{decider_name(item, office)}={AGREEMENT}")
                assert standing_for(item, agreed, HeldItems(), act) is Acceptance.ENTRUSTED

    check()


def _read(demo: DemoCases, kind: DocumentKind, acts: frozenset[EntrustedAct], tmp_path: Path) -> str:
    bundle = market_only(demo)
    view = demo.views[CASE_OF_KIND[kind]]
    data = document_for(view, kind, _answered(demo), "N-1", bundle, TODAY, held=_covering(bundle, acts))
    path = tmp_path / f"{kind.value}.pdf"
    path.write_bytes(render_pdf(data))
    return pdf_text(path).replace("\n", "")


def test_an_agreement_for_acceptance_alone_leaves_the_correction_the_halls_notice(
    demo: DemoCases, tmp_path: Path
) -> None:
    text = _read(demo, DocumentKind.CORRECTION, frozenset({EntrustedAct.ACCEPT}), tmp_path)
    assert "补齐材料告知书" in text
    assert "补齐补正通知书" not in text
    assert "本告知书不是行政机关作出的补正通知或者受理决定" in text
    assert "视为放弃" not in text  # a paper that decides nothing threatens nothing
    assert "第三十二条" not in text  # 许可法's 补正 is the department's, from its own desk
    assert "受本机关委托" not in text
    assert f"{MARKET}审批业务专用章" not in text  # the hall's paper, under its own seal
    assert "12345" in text
    assert demo.office.complaint_phone in text
    covered = _read(demo, DocumentKind.CORRECTION, frozenset(INTAKE_ACTS), tmp_path)
    assert f"{MARKET}补齐补正通知书" in covered  # with 补正 named, the department's act, in its name
    assert "受本机关委托，以本机关名义出具" in covered
    # the opening that says "现一次性告知你需要补齐补正的全部内容：" is followed by that content, not by who issued it
    told, issued = covered.index("全部内容："), covered.index("受本机关委托")
    assert covered.index("补正期限") < issued
    assert told < issued


def test_an_agreement_for_acceptance_alone_refuses_nothing_in_the_departments_name(
    demo: DemoCases, tmp_path: Path
) -> None:
    text = _read(demo, DocumentKind.REFUSAL, frozenset({EntrustedAct.ACCEPT, EntrustedAct.CORRECT}), tmp_path)
    assert "申请事项告知书" in text
    assert "不予受理通知书" not in text
    assert "本机关决定不予受理" not in text
    assert "受本机关委托" not in text
    assert "申请行政复议" not in text  # no decision, no rights of one
    assert "12345" in text
    covered = _read(demo, DocumentKind.REFUSAL, frozenset(INTAKE_ACTS), tmp_path)
    assert "本机关决定不予受理" in covered
