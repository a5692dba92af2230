"""One model of 收件 and 受理, and every paper follows it (counter.documents.acceptance).

Each paper of the 受理 stage, and the department's 不予批准, printed for the demo's cases in the three standings a
site may record for an item — the hall only receives (no entrustment: the default), the departments entrusted it
(their 授权 recorded, and the hall a 行政机关 by the 司法局's answer), the site holds the power itself — and read back
from the PDF with ``pdftotext``: the title, "本机关", the acting body, its 复议 body and its dates agree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from counter.case.item_lines import step_note
from counter.case.item_path import ItemEvent, ItemStep
from counter.case.view import CaseView
from counter.catalog.model import Bundle
from counter.documents.acceptance import HeldItems, OrganAnswer
from counter.documents.acceptance_words import RECEIVED_TITLE
from counter.documents.deciders import decider_name
from counter.documents.model import (
    Block,
    DocumentKind,
    OfficeSettings,
    Pair,
    Pairs,
    Table,
    Text,
    document_for,
    guide_notice_for,
)
from counter.documents.render import render_pdf
from counter.documents.self_name import in_own_words, self_word
from counter.intake.outcome import RefusalGround
from tests.documents.conftest import CASE_OF_KIND, FOOD, TODAY, DemoCases
from tests.documents.pdf_tools import pdf_text

AUTHORISATION = "兴政服授〔2026〕1号（2026年1月5日）"
MARKET = "乌兰浩特市市场监督管理局"
DEPARTMENTS = (MARKET, "乌兰浩特市城市管理综合行政执法局", "国家税务总局乌兰浩特市税务局")
RECEIVED, ENTRUSTED, OWN = "received", "entrusted", "own"
#: every item entrusted, by its three departments: no paper is theirs together (one paper, one body)
ENTRUSTED_MANY = "entrusted by three"
#: the forwarding paragraph of a hall that only receives: never on a paper that decides
FORWARDING = "收件后转送"
SITE_OFFICER = "其其格"  # who decides, at a site that holds the item
SIGNED_ON = dt.date(2026, 11, 24)  # the day 市监局 signs for 食品经营许可: its 受理


def market_only(demo: DemoCases) -> Bundle:
    """我要开小餐馆 with the 市监局's items alone: the paper one entrusting department issues."""
    items = tuple(item for item in demo.bundle.items if "市场监督管理局" in item.department)
    codes = {item.code for item in items}
    materials = tuple(
        dataclasses.replace(m, items=tuple(c for c in m.items if c in codes))
        for m in demo.bundle.materials
        if any(c in codes for c in m.items)
    )
    return dataclasses.replace(demo.bundle, items=items, materials=materials)


def first_of(demo: DemoCases, department: str) -> str:
    """The code of the department's first item in the demo's guide: the key of its part of a paper."""
    return next(i.code for i in demo.bundle.items if decider_name(i, demo.office) == department)


def standing(demo: DemoCases, name: str) -> tuple[OfficeSettings, HeldItems]:
    codes = [item.code for item in demo.bundle.items]
    if name in (ENTRUSTED, ENTRUSTED_MANY):
        answered = dataclasses.replace(demo.office, administrative_organ=OrganAnswer.YES)
        return answered, HeldItems(entrusted=dict.fromkeys(codes, AUTHORISATION))
    if name == OWN:
        return demo.office, HeldItems(site_items=frozenset(codes))
    return demo.office, HeldItems()


def read(
    demo: DemoCases, kind: DocumentKind, name: str, tmp_path: Path, view: CaseView | None = None, item: str = ""
) -> str:
    office, held = standing(demo, name)
    view = view or demo.views[CASE_OF_KIND[kind]]
    item = FOOD if kind is DocumentKind.DENIAL else item
    bundle = market_only(demo) if name == ENTRUSTED else demo.bundle
    data = document_for(view, kind, office, "N-1", bundle, TODAY, item, held=held)
    path = tmp_path / f"{kind.value}-{name}-{item}.pdf"
    path.write_bytes(render_pdf(data))
    return pdf_text(path)


def decided_at_the_site(view: CaseView) -> CaseView:
    """The demo's denial as the site records it where it holds the item: by its own deciding officer, 其其格 (the
    demo records it for the department, 由××代为录入)."""
    history = tuple(
        dataclasses.replace(line, clerk=SITE_OFFICER) if line.event == "item_denied" else line for line in view.history
    )
    return dataclasses.replace(view, history=history)


def test_the_receipt_says_who_accepts(demo: DemoCases, tmp_path: Path) -> None:
    received = read(demo, DocumentKind.RECEIPT, RECEIVED, tmp_path)
    assert "收件凭证" in received
    assert "受理凭证" not in received
    assert "本中心作为收件窗口予以收件，不作出受理决定，收件后转送乌兰浩特市市场监督管理局" in received
    assert "本中心决定" not in received
    # the promise runs from the department's 受理, not known when the hall receives
    assert "实施部门当日受理的，2026年11月27日前办结（承诺时限5个工作日，自受理之日起按工作日计算）" in received
    entrusted = read(demo, DocumentKind.RECEIPT, ENTRUSTED, tmp_path)
    assert "受理凭证" in entrusted
    assert "本机关决定容缺受理" in entrusted
    assert f"{MARKET}受理凭证" in entrusted  # one department, at the head and by the seal
    assert (
        "本凭证由兴安盟政务服务中心受本机关委托，以本机关名义出具（《中华人民共和国行政许可法》"
        f"第二十四条第三款；{AUTHORISATION}）。"
    ) in entrusted
    assert "收件窗口" not in entrusted
    assert FORWARDING not in entrusted
    # three departments: never one paper in their joint name, nor the hall's with their acts as lines: a receipt
    # each, in its name and under its seal (许可法 第二十四条第三款)
    for department in DEPARTMENTS:
        many = read(demo, DocumentKind.RECEIPT, ENTRUSTED_MANY, tmp_path, item=first_of(demo, department))
        assert f"{department}受理凭证" in many
        # the demo defers the 市监局's materials: its 受理 is a 容缺's, the others' whole
        assert ("本机关决定容缺受理" if department == MARKET else "本机关决定予以受理") in many
        assert "本凭证由兴安盟政务服务中心受本机关委托，以本机关名义出具" in many
        assert f"（{department}审批业务专用章或部门公章）" in many
        assert not any(other in many for other in DEPARTMENTS if other != department)
        assert "各委托机关" not in many
        assert "上列机关" not in many
    own = read(demo, DocumentKind.RECEIPT, OWN, tmp_path)
    assert "受理凭证" in own
    assert "本中心决定容缺受理" in own
    assert "委托" not in own
    assert FORWARDING not in own
    assert "2026年11月27日前办结（承诺时限5个工作日，自受理之日起按工作日计算）" in own


def test_the_deferral_notice_is_a_receipt_of_the_window_or_the_acceptors_decision(
    demo: DemoCases, tmp_path: Path
) -> None:
    received = read(demo, DocumentKind.DEFERRAL, RECEIVED, tmp_path)
    assert "容缺后补材料告知书" in received
    assert "容缺受理通知书" not in received
    assert "本中心作为收件窗口予以收件，由乌兰浩特市市场监督管理局" in received
    assert "依法决定是否容缺受理" in received
    assert "本中心决定容缺受理" not in received
    assert "实施部门当日受理的，本事项承诺于2026年11月27日前办结" in received
    assert "申请延长补交期限" not in received  # the window that only receives may not give more time
    entrusted = read(demo, DocumentKind.DEFERRAL, ENTRUSTED, tmp_path)
    assert "容缺受理通知书" in entrusted
    assert "申请延长补交期限" in entrusted
    assert "本机关决定容缺受理" in entrusted
    assert "本通知书由兴安盟政务服务中心受本机关委托，以本机关名义出具" in entrusted
    # the demo defers materials of the 市监局's items alone: its 容缺受理通知书, no other department's act on it
    many = read(demo, DocumentKind.DEFERRAL, ENTRUSTED_MANY, tmp_path, item=first_of(demo, MARKET))
    assert f"{MARKET}容缺受理通知书" in many
    assert "本机关决定容缺受理" in many
    assert not any(other in many for other in DEPARTMENTS[1:])
    assert "各事项受理如下" not in many
    assert "各委托机关" not in many
    own = read(demo, DocumentKind.DEFERRAL, OWN, tmp_path)
    assert "本中心决定容缺受理" in own
    assert "申请延长补交期限" in own
    assert "委托" not in own
    assert "收件窗口" not in own


def test_the_window_that_only_receives_tells_what_is_missing_and_asks_no_correction(
    demo: DemoCases, tmp_path: Path
) -> None:
    received = read(demo, DocumentKind.CORRECTION, RECEIVED, tmp_path)
    assert "补齐材料告知书" in received
    assert "补齐补正通知书" not in received
    assert "依照《兴安盟政务服务标准化管理办法》第十六条第二项，现一次性告知你需要补齐的全部材料" in received
    assert "第三十二条" not in received  # 许可法's 补正 is the accepting body's
    assert "请于2026年12月11日前补齐上述全部材料" in received
    assert "本告知书不是行政机关作出的补正通知或者受理决定" in received
    assert "视为放弃" not in received  # a paper that decides nothing threatens nothing
    assert "逾期未补齐的，本中心只终结本次收件登记" in received
    for name in (ENTRUSTED, OWN):  # a 补正 notice decides, and never forwards
        text = read(demo, DocumentKind.CORRECTION, name, tmp_path)
        assert "补齐补正通知书" in text, name
        assert "《中华人民共和国行政许可法》第三十二条第一款第四项" in text, name
        assert FORWARDING not in text, name
        assert "收件窗口" not in text, name
    assert "以本机关名义出具" in read(demo, DocumentKind.CORRECTION, ENTRUSTED, tmp_path)
    # three bodies: each tells its own 补正, in its name, of what its items lack (one paper, one body)
    many = read(demo, DocumentKind.CORRECTION, ENTRUSTED_MANY, tmp_path, item=first_of(demo, MARKET))
    assert f"{MARKET}补齐补正通知书" in many
    assert "以本机关名义出具" in many
    assert "个体工商户" in many  # its 设立登记's 申请书
    assert not any(other in many for other in DEPARTMENTS[1:])
    assert "补齐材料告知书" not in many
    assert "各委托机关" not in many
    other = read(demo, DocumentKind.CORRECTION, ENTRUSTED_MANY, tmp_path, item=first_of(demo, DEPARTMENTS[1]))
    assert f"{DEPARTMENTS[1]}补齐补正通知书" in other
    assert "受托人居民身份证" in other  # the agent's ID serves its item too
    assert "个体工商户（备案）申请书" not in other  # the 设立登记's, not its
    assert MARKET not in other


def test_only_a_body_that_may_accept_refuses_and_its_rights_are_its_own(demo: DemoCases, tmp_path: Path) -> None:
    received = read(demo, DocumentKind.REFUSAL, RECEIVED, tmp_path)
    assert "申请事项告知书" in received
    assert "不予受理通知书" not in received
    assert "本中心决定不予受理" not in received
    assert "本告知书不是行政机关作出的不予受理决定" in received
    assert "申请行政复议" not in received  # no decision, no rights of one
    entrusted = read(demo, DocumentKind.REFUSAL, ENTRUSTED, tmp_path)
    assert "不予受理通知书" in entrusted
    assert "本机关决定不予受理" in entrusted
    assert "以本机关名义出具" in entrusted
    # the entrusting department's 复议 body (行政诉讼法 第二十六条第五款), never the hall's
    assert "六十日内向乌兰浩特市人民政府申请行政复议" in entrusted
    assert "兴安盟行政公署" not in entrusted
    assert FORWARDING not in entrusted
    # three departments would refuse together: no such paper; the hall's 告知, each department deciding on its own
    many = read(demo, DocumentKind.REFUSAL, ENTRUSTED_MANY, tmp_path)
    assert "申请事项告知书" in many
    assert "本中心决定不予受理" not in many
    assert "各委托机关" not in many
    own = read(demo, DocumentKind.REFUSAL, OWN, tmp_path)
    assert "本中心决定不予受理" in own
    assert "六十日内向兴安盟行政公署申请行政复议" in own
    assert FORWARDING not in own
    assert "委托" not in own


def test_the_denial_dates_the_acceptance_by_whoever_accepted(demo: DemoCases, tmp_path: Path) -> None:
    """Where the hall only received, the item was accepted when its department signed for it (签收); a denial of an
    item never signed for names no 受理 day.  Where the site holds the power, the denial is its own."""
    undated = read(demo, DocumentKind.DENIAL, RECEIVED, tmp_path)
    assert "已于" not in undated
    assert "经审查，本机关决定对该事项不予批准" in undated
    view = demo.views[CASE_OF_KIND[DocumentKind.DENIAL]]
    signed = ItemStep(ItemEvent.SIGNED, SIGNED_ON, "市场监管局收件员")
    at = dt.datetime.combine(SIGNED_ON, dt.time(10)).astimezone()
    line = dataclasses.replace(view.history[0], event=ItemEvent.SIGNED.value, at=at, note=step_note(FOOD, signed))
    dated = read(
        demo, DocumentKind.DENIAL, RECEIVED, tmp_path, dataclasses.replace(view, history=(*view.history, line))
    )
    assert "已于2026年11月24日受理" in dated
    entrusted = read(demo, DocumentKind.DENIAL, ENTRUSTED, tmp_path)
    assert "已于2026年11月20日受理" in entrusted
    assert f"{MARKET}不予批准决定书" in entrusted  # the department heads its decision
    own = read(demo, DocumentKind.DENIAL, OWN, tmp_path, decided_at_the_site(view))
    assert "兴安盟政务服务中心不予批准决定书" in own  # the site decides what it holds, in its own name
    assert "六十日内向兴安盟行政公署申请行政复议" in own
    assert MARKET not in own


def test_no_paper_in_an_entrusting_departments_name_until_the_hall_is_known_to_be_a_body_that_may_be_entrusted(
    demo: DemoCases,
) -> None:
    """许可法 第二十四条 entrusts a licence to a 行政机关 only; whether the hall is one is the 司法局's answer: until
    it is yes, the hall only receives the licence, its papers the hall's 收件 papers in nobody else's name."""
    _, held = standing(demo, ENTRUSTED)
    for kind in (DocumentKind.RECEIPT, DocumentKind.DEFERRAL, DocumentKind.CORRECTION, DocumentKind.REFUSAL):
        view = demo.views[CASE_OF_KIND[kind]]
        if kind is DocumentKind.REFUSAL:  # the window's 告知 is of a 第二项 finding
            view = dataclasses.replace(view, refusal_ground=RefusalGround.NOT_IN_REMIT.value)
        data = document_for(view, kind, demo.office, "N-1", market_only(demo), TODAY, held=held)
        assert data.office_name == demo.office.office_name, kind
        assert data.title == RECEIVED_TITLE[kind.value], kind
    # answered no: the licences cannot be entrusted to it, so it only receives them and refuses nothing
    refused_view = dataclasses.replace(
        demo.views[CASE_OF_KIND[DocumentKind.REFUSAL]], refusal_ground=RefusalGround.NOT_IN_REMIT.value
    )
    no = dataclasses.replace(demo.office, administrative_organ=OrganAnswer.NO)
    data = document_for(refused_view, DocumentKind.REFUSAL, no, "N-1", demo.bundle, TODAY, held=held)
    assert data.title == "申请事项告知书"
    assert data.office_name == demo.office.office_name


def test_the_guide_notice_names_each_items_implementing_body_as_the_window_stands_to_it(demo: DemoCases) -> None:
    """第九条's 实施主体 on the 一次性告知单: the department; "（委托本中心受理）" where it entrusted the window; the
    site itself where it holds the power."""

    def deciders(name: str) -> list[str]:
        office, held = standing(demo, name)
        data = guide_notice_for(demo.bundle, office, TODAY, "乌兰", guide_version=1, held=held)
        return [p.value for b in data.blocks if isinstance(b, Pairs) for p in b.pairs if p.label == "实施主体"]

    assert deciders(RECEIVED)[1] == MARKET
    assert deciders(ENTRUSTED)[1] == f"{MARKET}（委托本中心受理）"
    assert set(deciders(OWN)) == {"兴安盟政务服务中心"}


def test_the_receipt_of_a_case_delivered_electronically_says_so(demo: DemoCases, tmp_path: Path) -> None:
    """送达方式 as the applicant chose it: 电子送达 names no place to collect the results from, nor an address."""
    view = dataclasses.replace(demo.views[CASE_OF_KIND[DocumentKind.RECEIPT]], delivery="electronic")
    text = read(demo, DocumentKind.RECEIPT, RECEIVED, tmp_path, view=view)
    assert "电子送达：办结后发送至申请人预留的联系方式" in text
    assert "邮寄送达" not in text
    assert "窗口领取" not in text


def test_the_sites_own_denial_is_sealed_as_the_deciding_body_with_its_deciding_officer_alone(
    demo: DemoCases, tmp_path: Path
) -> None:
    """Seed 001 第十七条(二): a 不予批准 bears the deciding body's 审批业务专用章或部门公章.  Where the site holds the
    item, that body is the site: not its 政务服务专用章 (the window's 收件 and 受理), and one 承办人, the officer who
    recorded the decision, never the clerk who took the intake or prints the paper."""
    view = demo.views[CASE_OF_KIND[DocumentKind.DENIAL]]
    own = read(demo, DocumentKind.DENIAL, OWN, tmp_path, decided_at_the_site(view))
    assert "（兴安盟政务服务中心审批业务专用章或部门公章）" in own
    assert "政务服务专用章" not in own
    assert own.count("承办人") == 2  # once on each of the paper's two copies
    assert f"承办人：{SITE_OFFICER}" in own
    assert "兴安盟政务服务中心，电话0482-8261008" in own
    assert f"承办人：{view.clerk}" not in own


def test_a_centre_calls_itself_the_centre_and_a_bureau_the_organ() -> None:
    """A 政务服务中心 is not known to be a 行政机关 (the 司法局's answer): its own papers say 本中心, as a 社保中心's
    do; a department that is a 局, or a site that is one (a 行政审批局), says 本机关."""
    pairs = Pairs((Pair("决定机关", "本机关"),))
    blocks: list[Block] = [Text("本机关决定予以受理。"), pairs, Table((), (("本机关",),))]
    assert self_word("兴安盟政务服务中心") == "本中心"
    assert self_word("乌兰浩特市行政审批和政务服务局") == "本机关"
    said = in_own_words(blocks, "兴安盟政务服务中心")
    assert said == [Text("本中心决定予以受理。"), Pairs((Pair("决定机关", "本中心"),)), Table((), (("本中心",),))]
    assert in_own_words(blocks, "乌兰浩特市市场监督管理局") == blocks
