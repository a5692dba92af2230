"""Each notice cites the law of its items' type, names the entrusting departments, and prints their rights.

The demo's cases are of 我要开小餐馆 (three 行政许可 and one 其他行政权力); the
same stored cases are printed as if taken under the shipped guides of other
types — 低保 (行政给付), 残疾人证 (公共服务 and 行政给付), 养老保险转移 (公共服务),
新生儿 (行政确认, 公共服务, 行政给付) — since the wording follows the guide's items.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from counter.case.view import CaseView
from counter.catalog.departments import AdminLevel
from counter.catalog.model import Bundle, Item, ItemType
from counter.catalog.reader import read_file
from counter.documents.acceptance import HeldItems, OrganAnswer
from counter.documents.deciders import decider_name
from counter.documents.item_law import item_rights_sentence, refusal_rights
from counter.documents.model import DocumentData, DocumentKind, OfficeSettings, Table, Text, document_for
from counter.documents.render import render_pdf
from counter.intake.outcome import RefusalGround
from tests.conftest import SHIPPED_CATALOG
from tests.documents.conftest import CASE_OF_KIND, TODAY, DemoCases
from tests.documents.pdf_tools import pdf_text
from tests.documents.test_model import _all_text
from tests.entrusted import with_agreements

LICENSING_LAW = "行政许可法"
OTHER_TYPES = ("078", "070", "048", "052")  # 低保, 残疾人证, 养老保险转移, 新生儿
# the bodies the catalog leaves to the site (counter.catalog.remedies.ReviewBody.SITE), as an administrator names them
SITE_NAMED = (
    "乌兰浩特市残疾人联合会=乌兰浩特市人民政府|乌兰浩特市人民法院\n"
    "乌兰浩特市消防救援大队=兴安盟消防救援支队|乌兰浩特市人民法院"
)


def shipped(number: str) -> Bundle:
    bundle, problems = read_file(SHIPPED_CATALOG / f"{number}.toml")
    assert bundle is not None, problems
    return bundle


def taken_under(view: CaseView, bundle: Bundle) -> CaseView:
    return dataclasses.replace(view, bundle_code=bundle.code, bundle_name=bundle.name)


def named(demo: DemoCases) -> OfficeSettings:
    """The 乌兰浩特市 hall (a 行政机关 by the 司法局's answer, with a written agreement of each department of its level:
    it accepts in their name), its administrator having named the bodies the catalog leaves to the site."""
    return with_agreements(
        dataclasses.replace(
            demo.office, rights_overrides=SITE_NAMED, office_level="county", administrative_organ=OrganAnswer.YES
        )
    )


def printed(demo: DemoCases, kind: DocumentKind, label: str, bundle: Bundle, ground: str = "") -> DocumentData:
    """The paper of the 受理 stage as a site that holds every item's power makes it: one body's act whatever the
    bundle's departments (an entrusted paper is one department's: :func:`one_department`)."""
    view = taken_under(demo.views[label], bundle)
    if ground:
        view = dataclasses.replace(view, refusal_ground=ground)
    held = HeldItems(site_items=frozenset(item.code for item in bundle.items))
    return document_for(view, kind, named(demo), "N-1", bundle, TODAY, held=held)


def one_department(bundle: Bundle, department: str, office: OfficeSettings) -> Bundle:
    """``bundle`` with the items of one department (as ``office`` names it) and their materials: the paper that
    department issues where it entrusted the window (one paper, one body)."""
    items = tuple(item for item in bundle.items if decider_name(item, office) == department)
    codes = {item.code for item in items}
    materials = tuple(
        dataclasses.replace(m, items=tuple(c for c in m.items if c in codes))
        for m in bundle.materials
        if any(c in codes for c in m.items)
    )
    return dataclasses.replace(bundle, items=items, materials=materials)


def denied(demo: DemoCases, bundle: Bundle, item: Item | None = None) -> DocumentData:
    """The 不予批准决定书 of one item (the first, unless named): a denial is always one item's."""
    item = item or bundle.items[0]
    view = taken_under(demo.views["受理"], bundle)
    line = dataclasses.replace(view.history[-1], event="item_denied", note=f"{item.code}：经审查，不符合条件。")
    view = dataclasses.replace(view, history=(*view.history, line))
    return document_for(view, DocumentKind.DENIAL, named(demo), "N-1", bundle, TODAY, item.code)


@pytest.mark.parametrize("number", OTHER_TYPES)
def test_no_licence_no_licensing_law(demo: DemoCases, number: str) -> None:
    bundle = shipped(number)
    assert not any(item.item_type is ItemType.LICENSING for item in bundle.items)
    papers = (
        printed(demo, DocumentKind.CORRECTION, "补正（委托代理人办理）", bundle),
        printed(demo, DocumentKind.REFUSAL, "撤回申请", bundle),
        *(denied(demo, bundle, item) for item in bundle.items),
    )
    for data in papers:
        text = _all_text(data)
        assert LICENSING_LAW not in text, data.kind
    correction, refusal = (_all_text(data) for data in papers[:2])
    for item in bundle.items:  # each item's own 设定依据, as the catalog gives it
        assert item.legal_basis in refusal
    assert "《兴安盟政务服务标准化管理办法》第十六条第二项" in correction


def test_a_bundle_of_licences_cites_the_licensing_law_in_one_sentence(demo: DemoCases) -> None:
    bundle = shipped("012")  # 我要开饮品店: three 行政许可
    data = printed(demo, DocumentKind.CORRECTION, "补正（委托代理人办理）", bundle)
    text = _all_text(data)
    assert "根据《中华人民共和国行政许可法》第三十二条第一款第四项的规定，现一次性告知" in text
    assert "所涉事项及依据" not in text
    refusal = _all_text(printed(demo, DocumentKind.REFUSAL, "撤回申请", bundle))
    assert "根据《中华人民共和国行政许可法》第三十二条第一款第二项的规定，本中心决定不予受理" in refusal


def test_a_mixed_bundle_gives_each_type_its_basis(demo: DemoCases) -> None:
    data = printed(demo, DocumentKind.CORRECTION, "补正（委托代理人办理）", demo.bundle)
    table = [block for block in data.blocks if isinstance(block, Table)][-1]
    assert table.rows == (
        (
            "市场主体设立登记、食品经营许可、户外招牌设置审批",
            "行政许可",
            "乌兰浩特市市场监督管理局、乌兰浩特市城市管理综合行政执法局",
            "《中华人民共和国行政许可法》第三十二条第一款第四项",
        ),
        (
            "新办纳税人涉税事项",
            "其他行政权力",
            "国家税务总局乌兰浩特市税务局",
            "《兴安盟政务服务标准化管理办法》第十六条第二项；本事项设定依据："
            "《中华人民共和国税收征收管理法》第十五条、第二十一条；《中华人民共和国发票管理办法》",
        ),
    )
    intro = next(b for b in data.blocks if isinstance(b, Text) and "申请材料" in b.text)
    assert "根据《中华人民共和国行政许可法》" not in intro.text


def paper_of(
    demo: DemoCases, kind: DocumentKind, office: OfficeSettings, bundle: Bundle | None = None, item: str = ""
) -> str:
    """The text of the paper ``kind``; of a receipt made per issuing body, the part of ``item``'s body (the first
    item's when not given: counter.documents.issuers)."""
    view = demo.views[CASE_OF_KIND[kind]]
    return _all_text(document_for(view, kind, office, "N-1", bundle or demo.bundle, TODAY, item))


def test_the_papers_name_the_entrusting_department(demo: DemoCases) -> None:
    """Under the agreement the site records (seed 001 第三十二条 alone is none), each paper is issued in the one
    entrusting department's name (许可法 第二十四条第三款); a paper that two departments would issue together is not
    made: a receipt and a 补正 are made per issuing body, and the hall's 不予受理 is its 告知."""
    county = dataclasses.replace(demo.office, office_level="county", administrative_organ=OrganAnswer.YES)
    unagreed = document_for(demo.views["撤回申请"], DocumentKind.REFUSAL, county, "N-1", demo.bundle, TODAY)
    assert unagreed.office_name == "兴安盟政务服务中心"
    assert unagreed.title == "申请事项告知书"  # no agreement: the hall only receives
    county = with_agreements(county)
    market = one_department(demo.bundle, "乌兰浩特市市场监督管理局", county)
    for kind, noun in (
        (DocumentKind.RECEIPT, "凭证"),
        (DocumentKind.CORRECTION, "通知书"),
        (DocumentKind.REFUSAL, "通知书"),
    ):
        data = document_for(demo.views[CASE_OF_KIND[kind]], kind, county, "N-1", market, TODAY)
        assert data.office_name == "乌兰浩特市市场监督管理局", kind
        assert (
            f"本{noun}由兴安盟政务服务中心受本机关委托，以本机关名义出具"
            "（《中华人民共和国行政许可法》第二十四条第三款；兴政服委〔2026〕5号委托受理协议（2026年3月1日））。"
        ) in _all_text(data), kind
        assert "转送" not in _all_text(data), kind
        together = document_for(demo.views[CASE_OF_KIND[kind]], kind, county, "N-1", demo.bundle, TODAY)
        per_body = kind is not DocumentKind.REFUSAL  # one per body, the first item's body's first; else the hall's 告知
        assert together.office_name == ("乌兰浩特市市场监督管理局" if per_body else "兴安盟政务服务中心"), kind
        assert "各委托机关" not in _all_text(together), kind
    *entrusted, tax = demo.bundle.items
    collected = dataclasses.replace(demo.bundle, items=(*entrusted, dataclasses.replace(tax, entrusted=False)))
    text = paper_of(demo, DocumentKind.RECEIPT, county, collected)  # a 容缺's: the 市监局's, in its name
    assert "本机关决定容缺受理" in text
    assert (
        "本凭证由兴安盟政务服务中心受本机关委托，以本机关名义出具（《中华人民共和国行政许可法》第二十四条第三款；"
        "兴政服委〔2026〕5号委托受理协议（2026年3月1日））。"
    ) in text
    assert "国家税务总局乌兰浩特市税务局" not in text
    text = paper_of(demo, DocumentKind.RECEIPT, county, collected, tax.code)  # the hall's 收件 of the tax item
    assert "收件凭证" in text
    # no deferred material serves the tax item: its 收件 forwards it whole
    assert "收件后转送国家税务总局乌兰浩特市税务局（“新办纳税人涉税事项”），由其依法审查并决定是否受理" in text
    assert "乌兰浩特市市场监督管理局" not in text


def test_a_league_hall_cites_its_agreement_or_only_receives(demo: DemoCases) -> None:
    """The league's hall acting for 乌兰浩特市 departments: not 第三十二条 (同级 only), but the agreement the site
    records with a department, or the department's own 受理 with the hall as its 收件 window."""
    receipt, refusal = (paper_of(demo, kind, demo.office) for kind in (DocumentKind.RECEIPT, DocumentKind.REFUSAL))
    for text in (receipt, refusal):
        assert "《兴安盟政务服务标准化管理办法》第三十二条" not in text
        assert "本中心决定" not in text
    assert (
        "本中心作为收件窗口予以收件，不作出受理决定，收件后转送乌兰浩特市市场监督管理局（“市场主体设立登记”、"
        "“食品经营许可”）、乌兰浩特市城市管理综合行政执法局（“户外招牌设置审批”）、国家税务总局乌兰浩特市税务局"
        "（“新办纳税人涉税事项”），由其依法审查并决定是否容缺受理"
    ) in receipt  # the demo's receipt is a 容缺's
    assert "申请行政复议" not in refusal  # the hall refused nothing: no rights of a decision it did not make
    agreed = dataclasses.replace(
        demo.office,
        entrustments="乌兰浩特市市场监督管理局=兴政服委〔2026〕3号委托受理协议",
        administrative_organ=OrganAnswer.YES,
    )
    text = paper_of(demo, DocumentKind.RECEIPT, agreed)  # the 市监局's receipt, in its name
    assert "（《中华人民共和国行政许可法》第二十四条第三款；兴政服委〔2026〕3号委托受理协议）。" in text
    assert "本机关决定容缺受理" in text
    assert "《兴安盟政务服务标准化管理办法》第三十二条" not in text
    signboard = next(i.code for i in demo.bundle.items if "城市管理" in i.department)
    text = paper_of(demo, DocumentKind.RECEIPT, agreed, item=signboard)  # the hall's 收件 of the others
    assert "转送乌兰浩特市城市管理综合行政执法局（“户外招牌设置审批”）、国家税务总局乌兰浩特市税务局" in text
    assert "《兴安盟政务服务标准化管理办法》第三十二条" not in text


def test_a_refusal_for_departments_prints_their_rights_and_a_service_a_complaint(demo: DemoCases) -> None:
    market = one_department(demo.bundle, "乌兰浩特市市场监督管理局", named(demo))
    assert refusal_rights(market.items, named(demo)) == (
        "如对本决定不服，可以自收到本决定之日起六十日内向乌兰浩特市人民政府申请行政复议，"
        "或者六个月内向乌兰浩特市人民法院提起行政诉讼。",
    )
    tax = one_department(demo.bundle, "国家税务总局乌兰浩特市税务局", named(demo))
    assert refusal_rights(tax.items, named(demo)) == (
        "如对本决定不服，可以自收到本决定之日起六十日内向国家税务总局兴安盟税务局申请行政复议，"
        "或者六个月内向乌兰浩特市人民法院提起行政诉讼。",
    )
    newborn = shipped("052")  # 预防接种证 is the 接种单位's service: no administrative act, a complaint
    text = _all_text(printed(demo, DocumentKind.REFUSAL, "撤回申请", newborn))
    assert "预防接种证办理属于公共服务事项，不作出行政决定；如有异议，可以向乌兰浩特市卫生健康委员会反映" in text
    assert "如对本决定不服，可以自收到本决定之日起六十日内向兴安盟行政公署申请行政复议" in text  # the site's own act


def test_the_rights_of_one_items_decision(demo: DemoCases) -> None:
    """What the per-item denial prints: the department's 复议 body, its court, or 有管辖权的人民法院."""
    licence, _, _, tax = demo.bundle.items
    office = demo.office
    assert item_rights_sentence(licence, office) == (
        "如对本决定不服，可以自收到本决定之日起六十日内向乌兰浩特市人民政府申请行政复议，"
        "或者六个月内向乌兰浩特市人民法院提起行政诉讼。"
    )
    assert "向国家税务总局兴安盟税务局申请行政复议" in item_rights_sentence(tax, office)
    regional = dataclasses.replace(licence, department="内蒙古自治区{place}厅", level=AdminLevel.REGION)
    assert item_rights_sentence(regional, office).endswith("或者六个月内向有管辖权的人民法院提起行政诉讼。")
    township = dataclasses.replace(licence, level=AdminLevel.TOWNSHIP)  # no township in the hall's settings
    assert "依法有权受理的行政复议机关" in item_rights_sentence(township, office)
    service = shipped("052").items[1]  # 预防接种证办理
    assert "申请行政复议" not in item_rights_sentence(service, office)


def test_the_denial_cites_the_licensing_law_only_for_licences(demo: DemoCases) -> None:
    food, taxes = demo.bundle.items[1], demo.bundle.items[3]  # 行政许可 and 其他行政权力 of one bundle
    assert "依照《中华人民共和国行政许可法》第三十八条第二款的规定" in _all_text(denied(demo, demo.bundle, food))
    tax_text = _all_text(denied(demo, demo.bundle, taxes))
    assert LICENSING_LAW not in tax_text
    assert "依照《中华人民共和国税收征收管理法》" in tax_text
    relief = _all_text(denied(demo, shipped("078")))
    assert "《兴安盟政务服务标准化管理办法》第十七条第二项的规定" in relief
    assert shipped("078").items[0].legal_basis in relief


def test_false_materials_are_a_ground_and_the_sanctions_are_left_to_the_department(
    demo: DemoCases, tmp_path: Path
) -> None:
    """The window refuses the licences under 第七十八条 and refers the matter to their departments: no 警告 and no
    one-year bar on its paper (a 行政处罚 and the department's own decision), and the tax item is not refused."""
    data = printed(demo, DocumentKind.REFUSAL, "撤回申请", demo.bundle, ground=RefusalGround.FALSE_MATERIALS)
    path = tmp_path / "refusal.pdf"
    path.write_bytes(render_pdf(data))
    text = "".join(pdf_text(path).split())
    assert "申请人隐瞒有关情况或者提供虚假材料申请行政许可" in text
    assert (
        "依照《中华人民共和国行政许可法》第七十八条，本中心决定对市场主体设立登记、食品经营许可、户外招牌设置审批"
        "不予受理；新办纳税人涉税事项不属于行政许可，不适用该条，本通知书不对其作出决定。"
    ) in text
    assert "警告" not in text
    assert "一年内不得再次申请" not in text
    assert (
        "本中心已将申请人隐瞒有关情况或者提供虚假材料的情况移送乌兰浩特市市场监督管理局、"
        "乌兰浩特市城市管理综合行政执法局，由其依照法定程序处理。"
    ) in text
    assert "移送国家税务总局" not in text  # 第七十八条 reaches no tax item
    shop = shipped("059")  # 便利店: all its items under 行政许可法 or not, the paper gives no sanction either
    other = _all_text(printed(demo, DocumentKind.REFUSAL, "撤回申请", shop, ground=RefusalGround.FALSE_MATERIALS))
    assert "警告" not in other
    assert "一年内不得再次申请" not in other


def test_only_the_marked_licences_carry_the_bar() -> None:
    marked = {
        (number, item.name)
        for number in ("006", "008", "011", "012", "059")
        for item in shipped(number).items
        if item.public_safety
    }
    assert marked == {
        ("006", "药品经营许可"),
        ("008", "食品经营许可"),
        ("011", "公共场所卫生许可"),
        ("012", "食品经营许可"),
    }
