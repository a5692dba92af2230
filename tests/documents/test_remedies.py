"""Each item's remedy as the catalog states it, on the papers that print it.

社会保险 转移接续 and 登记 (社会保险法 第八十三条) and a 公积金 loan (住房公积金管理条例 第二十六条) are open
to 复议 and 诉讼, though they are 公共服务; a 纳税 decision goes to 复议 first (税收征收管理法 第八十八条第一款); a
vertically led body answers to its superior as the catalog names it at its real level; a body the law leaves open
here is named by the site before any paper prints it.
"""

from __future__ import annotations

import dataclasses

import pytest

from counter.catalog.departments import AdminLevel, Level, Places
from counter.catalog.remedies import Remedy, RemedyKind, ReviewBody, review_rights
from counter.documents.acceptance import HeldItems, OrganAnswer
from counter.documents.model import DocumentKind, DocumentNotPossible, DocumentProblem, OfficeSettings, document_for
from counter.words.documents import document_problems_text
from tests.documents.conftest import TODAY, DemoCases
from tests.documents.test_item_law import denied, named, one_department, shipped
from tests.documents.test_model import _all_text
from tests.entrusted import with_agreements

REVIEW_FIRST = (
    "应当先依照税务机关的纳税决定缴纳或者解缴税款及滞纳金或者提供相应的担保，"
    "然后可以自缴清税款和滞纳金或者所提供的担保得到确认之日起六十日内向国家税务总局兴安盟税务局申请行政复议；"
    "对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向乌兰浩特市人民法院提起行政诉讼"
    "（《中华人民共和国税收征收管理法》第八十八条第一款；《中华人民共和国行政复议法》第二十三条第一款第五项、第二十七条）。"
)


def test_a_pension_transfer_denial_names_review_and_suit(demo: DemoCases) -> None:
    text = _all_text(denied(demo, shipped("048")))
    assert "属于公共服务事项" not in text
    assert (
        "可以自收到本决定之日起六十日内向乌兰浩特市人民政府申请行政复议，或者六个月内向乌兰浩特市人民法院提起行政诉讼"
        in text
    )
    assert "并告知你享有依法申请行政复议或者提起行政诉讼的权利" in text


@pytest.mark.parametrize(
    ("number", "name", "body"),
    [
        ("046", "机关事业单位基本养老保险关系转入", "乌兰浩特市人民政府"),
        ("049", "企业职工基本养老保险关系转出", "乌兰浩特市人民政府"),
        ("052", "城乡居民基本医疗保险参保登记", "乌兰浩特市人民政府"),
        ("069", "住房公积金个人住房贷款", "兴安盟行政公署"),  # the centre is directly under the league's 行署
        ("077", "企业职工基本养老保险参保登记", "乌兰浩特市人民政府"),
        ("077", "社会保险费缴费信息登记", "国家税务总局兴安盟税务局"),  # 征收机构: 第八十三条第一款, one level up
        ("102", "居住证申领", "乌兰浩特市人民政府"),
    ],
)
def test_social_insurance_and_fund_decisions_are_open_to_review(
    demo: DemoCases, number: str, name: str, body: str
) -> None:
    bundle = shipped(number)
    item = next(i for i in bundle.items if i.name == name)
    text = _all_text(denied(demo, bundle, item))
    assert f"六十日内向{body}申请行政复议，或者六个月内向" in text
    assert "不作出行政决定" not in text


def test_a_tax_decision_goes_to_review_first_with_its_conditions(demo: DemoCases) -> None:
    bundle = shipped("055")  # 车辆购置税申报 and 机动车注册登记
    tax, registration = bundle.items
    text = _all_text(denied(demo, bundle, tax))
    assert "如对本决定涉及的纳税事项不服，" + REVIEW_FIRST in text
    assert "或者六个月内" not in text
    assert "享有依法先申请行政复议、对行政复议决定不服再提起行政诉讼的权利" in text
    # the tax office's refusal, where it entrusted the window: no tax is decided by it, so 复议 or 诉讼
    # (税务行政复议规则 第三十四条), never 复议前置
    agreed = named(demo)
    view = dataclasses.replace(demo.views["撤回申请"], bundle_code=bundle.code, bundle_name=bundle.name)
    tax_part = one_department(bundle, "国家税务总局乌兰浩特市税务局", agreed)
    refusal = _all_text(document_for(view, DocumentKind.REFUSAL, agreed, "N-1", tax_part, TODAY))
    assert refusal.startswith("不予受理通知书")
    assert "纳税事项" not in refusal
    assert "如对本决定不服，可以自收到本决定之日起六十日内向国家税务总局兴安盟税务局申请行政复议" in refusal
    assert "六十日内向兴安盟行政公署申请行政复议" in _all_text(denied(demo, bundle, registration))


@pytest.mark.parametrize("number", ["053", "055", "079", "080"])
def test_every_tax_collection_item_is_review_first(number: str) -> None:
    """The tax levied at the window (征收税款, 税务行政复议规则 第十四条第（一）项): a registration or a declaration
    is not, and goes to 复议 or 诉讼 (tests/documents/test_tax_remedies.py)."""
    taxes = [
        i
        for i in shipped(number).items
        if "税务局" in i.department and i.result.startswith(("完税", "车辆购置税", "契税"))
    ]
    assert taxes
    assert all(i.remedy is not None and i.remedy.kind is RemedyKind.REVIEW_FIRST for i in taxes)


def test_the_express_licence_names_the_state_post_bureau(demo: DemoCases) -> None:
    bundle = shipped("081")
    express = next(i for i in bundle.items if i.name == "快递业务经营许可")
    text = _all_text(denied(demo, bundle, express))
    assert "六十日内向国家邮政局申请行政复议，或者六个月内向有管辖权的人民法院提起行政诉讼" in text
    assert "依法有权受理的行政复议机关" not in text


def test_a_fire_brigade_decision_waits_for_the_site_to_name_its_review_body(demo: DemoCases) -> None:
    """消防救援: the league's body is a 支队; whether it or the county's government hears the 复议 is the site's."""
    bundle = shipped("007")
    fire = next(i for i in bundle.items if "消防" in i.department)
    accepted = demo.views["受理"]
    line = dataclasses.replace(accepted.history[-1], event="item_denied", note=f"{fire.code}：不符合。")
    view = dataclasses.replace(
        accepted, bundle_code=bundle.code, bundle_name=bundle.name, history=(*accepted.history, line)
    )
    refusal_view = dataclasses.replace(demo.views["撤回申请"], bundle_code=bundle.code, bundle_name=bundle.name)
    county = with_agreements(  # it accepts in their name, each department on its own paper
        dataclasses.replace(demo.office, office_level="county", administrative_organ=OrganAnswer.YES)
    )
    brigade = one_department(bundle, "乌兰浩特市消防救援大队", county)
    for case, kind, code, part in (
        (view, DocumentKind.DENIAL, fire.code, bundle),
        (refusal_view, DocumentKind.REFUSAL, "", brigade),
    ):
        with pytest.raises(DocumentNotPossible) as refused:
            document_for(case, kind, county, "N-1", part, TODAY, code)
        assert refused.value.problems == (DocumentProblem.REVIEW_BODY_UNNAMED,)
        assert refused.value.unnamed == (("乌兰浩特市消防救援大队", ("兴安盟消防救援支队", "乌兰浩特市人民政府")),)
    said = document_problems_text(refused.value.problems, refused.value.unnamed)
    assert "乌兰浩特市消防救援大队（兴安盟消防救援支队或乌兰浩特市人民政府之一）" in said
    named = dataclasses.replace(
        demo.office, rights_overrides="乌兰浩特市消防救援大队=兴安盟消防救援支队|乌兰浩特市人民法院"
    )
    text = _all_text(document_for(view, DocumentKind.DENIAL, named, "N-1", bundle, TODAY, fire.code))
    assert "六十日内向兴安盟消防救援支队申请行政复议" in text
    assert "消防救援大队申请行政复议" not in text
    # the site's own refusal (it holds the power for every item) prints the hall's rights: nothing waits
    held = HeldItems(site_items=frozenset(item.code for item in bundle.items))
    assert "兴安盟行政公署申请行政复议" in _all_text(
        document_for(refusal_view, DocumentKind.REFUSAL, demo.office, "N-1", bundle, TODAY, held=held)
    )


def test_a_superior_is_named_at_its_own_level() -> None:
    places = Places(
        {
            AdminLevel.COUNTY: Level("科尔沁右翼前旗", "科尔沁右翼前旗人民政府", "科尔沁右翼前旗人民法院"),
            AdminLevel.LEAGUE: Level("兴安盟", "兴安盟行政公署", "乌兰浩特市人民法院"),
        }
    )
    tobacco = Remedy(
        RemedyKind.REVIEW_OR_SUIT, "《中华人民共和国行政复议法》第二十七条", ReviewBody.SUPERIOR, "{place}烟草专卖局"
    )
    rights = review_rights("{place}烟草专卖局", AdminLevel.COUNTY, True, tobacco, places)
    assert rights is not None
    assert (rights.review_body, rights.court) == ("兴安盟烟草专卖局", "科尔沁右翼前旗人民法院")
    own = Remedy(RemedyKind.REVIEW_OR_SUIT, "《中华人民共和国行政复议法》第二十四条", ReviewBody.GOVERNMENT)
    rights = review_rights("{place}民政局", AdminLevel.COUNTY, False, own, places)
    assert rights is not None
    assert rights.review_body == "科尔沁右翼前旗人民政府"
    site = Remedy(RemedyKind.REVIEW_OR_SUIT, "《中华人民共和国消防法》第四条", ReviewBody.SITE, "{place}消防救援支队")
    assert review_rights("{place}消防救援大队", AdminLevel.COUNTY, True, site, places) is None


def test_no_shipped_paper_names_a_league_fire_brigade() -> None:
    """The league's 消防救援 body is the 支队 (seed 000: 盟消防救援支队); no catalog line makes a 兴安盟…大队."""
    from counter.documents.deciders import unnamed_bodies

    office = OfficeSettings()
    for number in ("007", "009", "026", "035", "036", "037", "042", "096", "097", "098"):
        fire = [i for i in shipped(number).items if "消防" in i.department]
        assert fire, number
        [(department, bodies)] = unnamed_bodies(fire, office)
        assert department == "乌兰浩特市消防救援大队"
        assert bodies == ("兴安盟消防救援支队", "乌兰浩特市人民政府")


def test_the_remedy_table_of_the_wording_page_is_the_catalogs() -> None:
    """docs/notice-wording.md lists each item type and remedy with its source, as the shipped catalog states them."""
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, str(repo / "tools" / "remedy_table.py"), "--check"],
        capture_output=True, text=True, check=False, cwd=repo,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
