"""The 一次性告知单 prints every element of the guide (seed 001 第九条; the 24-point list, items 18-24), whole."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from counter.catalog.received_step import received_steps
from counter.documents.acceptance_words import RECEIVED_TITLE
from counter.documents.model import DocumentKind, Pairs, Table, guide_notice_for
from counter.documents.render import render_pdf
from tests.documents.conftest import TODAY, DemoCases
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import with_agreements


def _cells(demo: DemoCases) -> list[str]:
    data = demo.document(DocumentKind.GUIDE_NOTICE)
    cells: list[str] = []
    for block in data.blocks:
        if isinstance(block, Pairs):
            cells += [text for pair in block.pairs for text in (pair.label, pair.value)]
        elif isinstance(block, Table):
            cells += [cell for row in block.rows for cell in row]
    return cells


def test_every_element_of_the_guide_is_on_the_paper(demo: DemoCases, tmp_path: Path) -> None:
    bundle = demo.bundle
    path = tmp_path / "guide.pdf"
    path.write_bytes(render_pdf(demo.document(DocumentKind.GUIDE_NOTICE)))
    text = pdf_text(path)
    assert "服务对象自然人、企业法人、非法人企业" in text
    for item in bundle.items:
        assert item.sub_item in text
        assert item.result in text
        assert item.fee is not None
        assert "".join(item.fee.basis.split()) in text
    for label in (
        "子项名称",
        "事项类型",
        "行政许可",
        "其他行政权力",
        "设定依据",
        "法定办结时限",
        "收费依据",
        "办理结果",
    ):
        assert label in text
    assert "乌兰浩特市市场监督管理局" in text  # the department named for the site
    # the league's hall holds no agreement with the county's departments: it collects for them, nothing more
    assert "委托本中心受理" not in text

    assert "《城市市容和环境卫生管理条例》第十一条" in text
    # the hall only receives: its own step is its 收件 (catalog.received_step)
    for step in received_steps(bundle, RECEIVED_TITLE.__getitem__):
        assert step.result in text
    assert "补齐补正通知书" not in text
    assert "出具单位：公安机关" in text
    assert "纸质或电子" in text
    form = next(m for m in bundle.materials if m.code == "M06")
    assert "空白表格：" + form.blank_form in text
    assert "示例样表：" + form.sample_form in text


def test_nothing_is_clipped(demo: DemoCases, tmp_path: Path) -> None:
    """Every value, however long, comes out of the PDF whole: no cell lost a line to its neighbour or the edge."""
    path = tmp_path / "guide.pdf"
    path.write_bytes(render_pdf(demo.document(DocumentKind.GUIDE_NOTICE)))
    text = pdf_text(path)
    missing = [cell for cell in _cells(demo) if "".join(cell.split()) not in text]
    assert missing == []


def test_the_guide_names_an_entrusting_department_where_the_site_holds_its_agreement(demo: DemoCases) -> None:
    """Seed 001 第三十二条 speaks of 同级 departments: a 盟 hall accepts for a 旗县市 department by agreement only;
    a licence only once the 司法局 has said the hall is a 行政机关 (许可法 第二十四条第一款)."""
    agreed = dataclasses.replace(demo.office, entrustments="乌兰浩特市市场监督管理局=兴政服委〔2026〕3号委托受理协议")
    data = guide_notice_for(demo.bundle, agreed, TODAY, "乌兰", guide_version=1)
    cells = [pair.value for block in data.blocks if isinstance(block, Pairs) for pair in block.pairs]
    assert not any("委托本中心受理" in cell for cell in cells)  # unanswered: its licences are only received
    agreed = dataclasses.replace(agreed, administrative_organ="yes")
    data = guide_notice_for(demo.bundle, agreed, TODAY, "乌兰", guide_version=1)
    cells = [pair.value for block in data.blocks if isinstance(block, Pairs) for pair in block.pairs]
    assert "乌兰浩特市市场监督管理局（委托本中心受理）" in cells
    assert "乌兰浩特市城市管理综合行政执法局" in cells  # no agreement recorded for it
    # a hall of the departments' own level: seed 001 第三十二条 lets them entrust it, and is no agreement itself
    county = dataclasses.replace(demo.office, office_level="county", administrative_organ="yes")
    data = guide_notice_for(demo.bundle, county, TODAY, "乌兰", guide_version=1)
    cells = [pair.value for block in data.blocks if isinstance(block, Pairs) for pair in block.pairs]
    assert "乌兰浩特市城市管理综合行政执法局" in cells
    assert not any("委托本中心受理" in cell for cell in cells)
    data = guide_notice_for(demo.bundle, with_agreements(county), TODAY, "乌兰", guide_version=1)
    cells = [pair.value for block in data.blocks if isinstance(block, Pairs) for pair in block.pairs]
    assert "乌兰浩特市城市管理综合行政执法局（委托本中心受理）" in cells
