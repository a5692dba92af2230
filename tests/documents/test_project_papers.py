"""The 帮您办 papers (附件1-8) as printed: each in its annex's words with its blanks filled, fonts embedded, the same
bytes every time, the boxes ticked as the project says, the flow chart a figure on one page."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from counter.documents.data import DocumentData, Flow, OfficeSettings, Table
from counter.documents.kinds import PROJECT_PREFIX, DocumentKind
from counter.documents.project_papers import KIND_OF_FORM, paper_no, project_paper_for
from counter.documents.project_words import FLOW_STEPS, TICK
from counter.documents.render import render_pdf
from counter.projects.forms import ProjectForm
from counter.projects.service_items import shipped_service_list
from tests.documents.pdf_tools import page_count, pdf_fonts, pdf_text, scan
from tests.documents.project_samples import COMPLETED_PROJECT, ISSUED, PROJECT_NO, project_document
from tests.projects.samples import FACTS

#: what each paper must say, whitespace aside, beyond its title
SAYS = {
    ProjectForm.CATALOGUE: (
        "序号", "承办部门", "事项名称", "事项类型", "1发改部门企业投资项目核准行政许可",
        "22统战部宗教活动场所内改建或者新建建筑物审批行政许可",
    ),
    ProjectForm.FLOWCHART: (
        *FLOW_STEPS, "通知并指导协助申请人补充完善", "需补充材料的",
        "1．单一审批服务事项，与审批部门积极沟通，加快审批进程。", "4．跟踪审批过程，及时反馈审批信息。", "示范文本",
    ),
    ProjectForm.APPLICATION: (
        "项目单位情况", "项目单位名称兴安盟草原绿源食品有限公司", "邮编137400",
        "项目编码2026-152201-14-03-046812", "投资总额38000万元", "是否重点项目是",
        "具体申请代办帮办事项（合计4项）", "申请人（签字）", "申请日期：2026年9月1日",
    ),
    ProjectForm.AUTHORISATION: (
        "本授权委托书声明：我（包满都拉）系（兴安盟草原绿源食品有限公司）的法人代表，"
        "现授权委托（兴安盟政务服务中心）的（乌兰、巴特尔）为我单位项目代办人，"
        "以本单位的名义，在下列勾选的代办帮办内容范围内，代办涉及我（兴安盟绿色食品加工产业园一期）的相关事项。",
        "代办帮办内容（请在方框内打钩，以选择代办帮办服务，代办项目合计4项）",
        "22.宗教活动场所内改建或者新建建筑物审批",
        "代办人在上述代办帮办内容范围内签署的相关文件和处理的有关事务，我均予以承认。",
        "委托期限：自委托之日起至本项目代办帮办服务办结或者终止之日止。",
        "代办人无转委托权，特此委托。", "法定代表人（签字或盖章）", "委托方盖章", "委托日期：2026年9月3日",
    ),
    ProjectForm.PLEDGE: (
        "本单位向兴安盟政务服务中心申请提供代办帮办服务，并承诺履行以下义务：",
        "一、配合填写《“帮您办”代办帮办服务申请表》", "在兴安盟政务服务中心提出终止帮办代办服务时", "七、",
        "项目经办人签字", "项目单位盖章",
    ),
    ProjectForm.COMPLETION: (
        "兹有代办帮办项目（兴安盟绿色食品加工产业园一期），（2026-152201-14-03-046812），"
        "已于2026年11月10日完成代办帮办服务工作，有关资料已向申请单位移交完毕，经双方认可，现作办结处理。",
        "项目经办人签字", "代办帮办员签字", "申请人盖章", "兴安盟政务服务中心政务服务专用章",
    ),
    ProjectForm.EVALUATION: (
        "已于2026年11月10日完成项目代办帮办服务工作，请对我们的服务进行综合评价：", "非常满意", "不满意",
        "请您留下宝贵意见及建议", "代办员全程跟进", "评价人签字", "评价日期：2026年11月12日",
    ),
    ProjectForm.TERMINATION: (
        "现因项目用地规划调整，项目单位决定暂缓建设，经双方认可，于2026年11月10日终止代办帮办委托，"
        "有关资料已向申请单位移交完毕。",
        "代办帮办员签字", "申请人盖章",
    ),
}  # fmt: skip
BOTH_SIDES = (ProjectForm.AUTHORISATION, ProjectForm.COMPLETION, ProjectForm.TERMINATION)


def _paper(form: ProjectForm, office: OfficeSettings | None = None) -> DocumentData:
    return project_document(KIND_OF_FORM[form], office)


def _write(tmp_path: Path, data: DocumentData, name: str = "paper.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(render_pdf(data))
    return path


@pytest.mark.parametrize("form", list(ProjectForm))
def test_each_paper_says_what_its_annex_says(form: ProjectForm, tmp_path: Path) -> None:
    data = _paper(form)
    path = _write(tmp_path, data)
    text = pdf_text(path)
    assert data.title in text
    assert "兴安盟政务服务中心" in text
    assert "XXX" not in text
    for sentence in SAYS[form]:
        assert "".join(sentence.split()) in text, sentence
    assert "全权" not in text  # a mandate limited to the items ticked is no general one (民法典 第一百六十五条)
    if form.needs_project:
        assert PROJECT_NO in text
        assert f"文书编号：{PROJECT_NO}-{form.annex}" in text
    for row in pdf_fonts(path):
        assert row.embedded, row
        assert row.subset, row
        assert row.unicode, row
    # one page a copy: the forms signed by both sides are 一式两份
    copies = 2 if form in BOTH_SIDES else 1
    assert page_count(path) == copies
    if copies == 2:
        assert "第1联申请人留存" in pdf_text(path, 1)
        assert "第2联存档" in pdf_text(path, 2)


@pytest.mark.parametrize("form", list(ProjectForm))
def test_the_same_paper_every_time(form: ProjectForm) -> None:
    assert render_pdf(_paper(form)) == render_pdf(_paper(form))


def test_the_office_of_the_settings_replaces_the_annexes_xxx(tmp_path: Path) -> None:
    office = OfficeSettings(office_name="科尔沁右翼前旗政务服务中心", seal_caption="科尔沁右翼前旗政务服务中心专用章")
    pledge = pdf_text(_write(tmp_path, _paper(ProjectForm.PLEDGE, office)))
    assert "本单位向科尔沁右翼前旗政务服务中心申请提供代办帮办服务" in pledge
    assert "在科尔沁右翼前旗政务服务中心提出终止帮办代办服务时" in pledge
    completion = pdf_text(_write(tmp_path, _paper(ProjectForm.COMPLETION, office), "completion.pdf"))
    assert "科尔沁右翼前旗政务服务中心专用章" in completion
    assert "兴安盟政务服务中心" not in completion


def _ticked(table: Table) -> list[str]:
    return [row[n] for row in table.rows for n in range(0, len(row), 2) if row[n + 1] == TICK]


def test_the_boxes_are_ticked_as_the_project_says() -> None:
    items = shipped_service_list()
    for form in (ProjectForm.APPLICATION, ProjectForm.AUTHORISATION):
        table = next(b for b in _paper(form).blocks if isinstance(b, Table))
        assert sum(len(row) // 2 for row in table.rows) == len(items.items) + len(items.items) % 2
        names = [items.item(no).name for no in FACTS.requested]  # type: ignore[union-attr]
        ticked = _ticked(table)
        assert len(ticked) == len(FACTS.requested)
        assert all(any(name in t for t in ticked) for name in names)
    evaluation = next(b for b in _paper(ProjectForm.EVALUATION).blocks if isinstance(b, Table))
    assert evaluation.rows == ((TICK, "", ""),)  # 非常满意
    not_yet = dataclasses.replace(COMPLETED_PROJECT, satisfaction=None, evaluation_note="", evaluated_on=None)
    blank = project_paper_for(ProjectForm.EVALUATION, not_yet, items, OfficeSettings(), ISSUED)
    table = next(b for b in blank.blocks if isinstance(b, Table))
    assert TICK not in "".join(table.rows[0])  # three empty boxes to tick by hand


def test_the_flow_chart_is_a_figure_on_one_page(tmp_path: Path) -> None:
    data = _paper(ProjectForm.FLOWCHART)
    [flow] = [b for b in data.blocks if isinstance(b, Flow)]
    assert flow.steps[flow.back_from] == "审批"
    assert flow.steps[flow.back_to] == "部门受理"
    path = _write(tmp_path, data)
    assert page_count(path) == 1
    text = pdf_text(path)
    at = 0
    for step in FLOW_STEPS:  # top to bottom, in the annex's order
        at = text.index("".join(step.split()), at)
    assert data.doc_no == ""
    assert data.barcode == ""


@pytest.mark.slow
def test_the_project_number_is_the_barcode(tmp_path: Path) -> None:
    path = _write(tmp_path, _paper(ProjectForm.COMPLETION))
    pages = scan(path, 150, tmp_path)
    assert pages == [[f"CODE-128:{PROJECT_NO}"]] * 2


def test_a_paper_number_is_the_project_and_the_annex() -> None:
    assert paper_no(PROJECT_NO, ProjectForm.TERMINATION) == f"{PROJECT_NO}-8"
    assert {k for k in DocumentKind if k.value.startswith(PROJECT_PREFIX)} == set(KIND_OF_FORM.values())
    assert all(len(k.value) <= 16 and not k.needs_case and k.number_kind is None for k in KIND_OF_FORM.values())
    with pytest.raises(ValueError, match="project"):
        project_paper_for(ProjectForm.PLEDGE, None, shipped_service_list(), OfficeSettings(), ISSUED)
