"""The printed PDF, checked with the tools a hall has: pdftotext, pdffonts, pdftoppm and zbarimg."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from counter.catalog.model import TimeLimit, TimeUnit
from counter.documents.codes import MODULE_MM, code128
from counter.documents.fonts import FALLBACKS, PRIMARY, document_fonts
from counter.documents.model import DocumentKind, document_for
from counter.documents.render import render_pdf
from tests.documents.conftest import CASE_OF_KIND, PROGRESS, TODAY, DemoCases
from tests.documents.pdf_tools import page_count, pdf_fonts, pdf_text, scan

RARE_NAME_CHARACTERS = ("\u4dae", "\U0002cb5a", "\U0002c35a")  # 䶮 (Ext A), 𬭚 (Ext E, the demo's), 𬍚 (Ext E)

COPIES = "一式两份"
RIGHTS = (
    "如对本决定不服，可以自收到本决定之日起六十日内向兴安盟行政公署申请行政复议，"
    "或者六个月内向乌兰浩特市人民法院提起行政诉讼。"
)

#: Sentences each document must carry, word for word (domain §3-§5).
REQUIRED = {
    # the department's own 补正, once, in full, in its name, with its date
    # the department's 补正, before any 受理: the 受理 follows the complete 补正, its limits from it
    DocumentKind.SUPPLEMENT: (
        "补正内容",
        "请补充载明租赁期限的租赁合同",
        "一次性告知",
        "告知日期2026年11月23日",
        "本机关于补正齐全之日予以受理",
        "办理期限自受理之日起计算",
    ),
    DocumentKind.ITEM_REFUSAL: ("不予受理理由", "不属于本机关登记管辖范围", "决定日期2026年11月23日", "提起行政诉讼"),
    # the department's own 受理 of the item the hall only received, in its name, dated, with the dates run from it
    DocumentKind.ACCEPTANCE: ("受理日期", "承诺办结日期", "本机关于2026年11月23日予以受理", "审批业务专用章或部门公章"),
    DocumentKind.RECEIPT: ("容缺后补", "纸质", "承诺办结日期", "投诉电话", "12345", "评价"),
    DocumentKind.DEFERRAL: ("窗口补交", "邮寄补交", "网上补交", "补交期限", "不予批准决定"),
    DocumentKind.PLEDGE: (
        "申请容缺受理是本人的真实意思表示",
        "本人已知悉需要补交的材料、应当符合的要求和补交期限",
        "本人已提交的申请材料真实、合法、有效",
        "本人将在补交期限内补齐下列材料",
        "如违反上述承诺，本人愿意承担相应的法律责任",
    ),
    # the hall only receives: its 补齐材料告知书 decides nothing and threatens nothing
    DocumentKind.CORRECTION: ("一次性告知", "逾期未补齐的，本中心只终结本次收件登记", "2026年12月11日前", "未提交"),
    DocumentKind.REFUSAL: (
        "请向呼伦贝尔市海拉尔区市场监督管理局申请",
        "新办纳税人涉税事项：请向国家税务总局呼伦贝尔市海拉尔区税务局申请",  # each item its own body
        # the league's hall only receives for the county's departments: it refuses nothing, it tells
        # (counter.documents.acceptance)
        "申请事项告知书",
        "经本中心收件窗口核对，申请事项可能不属于所涉事项实施部门的职权范围",
        "本告知书不是行政机关作出的不予受理决定",
    ),
    # the deciding department's (a county 市场监督管理局): 复议 to the county's government, not the hall's body
    DocumentKind.DENIAL: (
        "不予批准",
        "经现场核查",
        "第三十八条第二款",
        RIGHTS.replace("兴安盟行政公署", "乌兰浩特市人民政府"),
    ),
    # the denial handed over ahead of the other items: its number, who collected it (masked), and why only it
    DocumentKind.SERVICE_RECEIPT: (
        "不予批准决定书",
        "XAM01-26-P",
        "152201********0010",
        "代收人（签字）",
        "先行送达",
        "其余事项办结后另行送达",
    ),
    # the 容缺 deadline extended: the new date, why, and what is still to be handed in
    DocumentKind.DATE_NOTICE: ("补交期限延长至2026年11月27日", "因医院暂停办理健康证明", "补交的材料", "容缺受理失效"),
    # the applicant checks the numbers the departments register: printed whole, on the file's one copy
    DocumentKind.APPLICATION: (
        "申请人（各事项共用，只填一次）",
        "152201199512090357",
        "150702199006150371",
        "个体工商户名称",
        "实施部门：乌兰浩特市市场监督管理局",
        "《食品经营许可申请书》（国家市场监督管理总局规定格式）",
        "本表不代替各部门规定的申请表",
        "《授权委托书》",
        "代办人（签字）",
    ),
    DocumentKind.GUIDE_NOTICE: (
        "一次性告知",
        "所有情形均需提交",
        "以什么形式经营？个体工商户",
        "办理地点",
        "0482-8261008",
    ),
    DocumentKind.BLANK_FORM: ("个体工商户登记（备案）申请书", "经营者姓名", "经营场所", "申请人（签字）", "日期："),
    DocumentKind.SAMPLE_FORM: ("个体工商户登记（备案）申请书", "示范样表", "资金数额（万元）5", "不得作为申请材料提交"),
    # the 帮您办 papers: tests/documents/test_project_papers.py reads every word of them
    DocumentKind.PROJECT_CATALOGUE: ("宗教活动场所内改建或者新建建筑物审批",),
    DocumentKind.PROJECT_FLOWCHART: ("需补充材料的",),
    DocumentKind.PROJECT_APPLICATION: ("兴安盟草原绿源食品有限公司",),
    DocumentKind.PROJECT_AUTHORISATION: ("代办人无转委托权，特此委托。",),
    DocumentKind.PROJECT_PLEDGE: ("并承诺履行以下义务",),
    DocumentKind.PROJECT_COMPLETION: ("现作办结处理",),
    DocumentKind.PROJECT_EVALUATION: ("请对我们的服务进行综合评价",),
    DocumentKind.PROJECT_TERMINATION: ("终止代办帮办委托",),
    DocumentKind.RATING_SHEET: ("非常不满意", "501服务效率", "测评内容代码表版本：national-offline-1", "书面评价"),
}

#: the notices of a case, each 一式两份 with the progress QR code; the application form is the file's one copy, with
#: no progress code (tests/documents/test_application.py)
CASE_KINDS = [kind for kind in DocumentKind if kind.needs_case and kind is not DocumentKind.APPLICATION]


def _write(tmp_path: Path, pdf: bytes, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_the_text_can_be_found(demo: DemoCases, kind: DocumentKind, tmp_path: Path) -> None:
    data = demo.document(kind)
    path = _write(tmp_path, render_pdf(data))
    text = pdf_text(path)
    assert data.title in text
    for sentence in REQUIRED[kind]:
        assert "".join(sentence.split()) in text, sentence
    if kind.needs_case:
        case = demo.views[CASE_OF_KIND[kind]]
        assert case.case_no in text
        assert data.doc_no in text
        assert case.applicant_name in text
        if kind is DocumentKind.APPLICATION:  # to be checked and signed, and filed: the number whole, one copy
            assert case.applicant_id_no in text
            return
        assert case.applicant_id_no not in text  # masked: first 6 and last 4 only
        assert case.applicant_id_no[:6] + "*" * 8 + case.applicant_id_no[-4:] in text
        assert COPIES in text


def test_rare_names_come_out_exactly(demo: DemoCases, tmp_path: Path) -> None:
    deferral = pdf_text(_write(tmp_path, render_pdf(demo.document(DocumentKind.DEFERRAL)), "deferral.pdf"))
    assert "王\u4dae" in deferral  # 王䶮, the applicant
    correction = pdf_text(_write(tmp_path, render_pdf(demo.document(DocumentKind.CORRECTION)), "correction.pdf"))
    assert "李\U0002cb5a" in correction  # 李𬭚, the agent


def test_the_receipt_never_says_the_cases_own_licence_was_fetched(demo: DemoCases, tmp_path: Path) -> None:
    """008's 市场主体设立登记 issues the 营业执照: at intake it is in no licence library, so not 证照库免提交."""
    receipt = pdf_text(_write(tmp_path, render_pdf(demo.document(DocumentKind.RECEIPT)), "receipt.pdf"))
    assert "容缺后补" in receipt  # the received-materials table is there
    assert "证照库免提交" not in receipt
    assert "营业执照" not in receipt  # neither handed in nor fetched: it comes out of the case


@pytest.mark.parametrize(
    ("unit", "counted"), [(TimeUnit.WORKING_DAY, "按工作日计算"), (TimeUnit.CALENDAR_DAY, "按自然日计算")]
)
def test_the_receipt_says_the_promise_is_counted_in_its_own_days(
    demo: DemoCases, tmp_path: Path, unit: TimeUnit, counted: str
) -> None:
    """A promise in 自然日 was printed "按工作日计算": the applicant counted a week longer than the office."""
    bundle = dataclasses.replace(demo.bundle, promised_limit=TimeLimit(10, unit))
    receipt = dataclasses.replace(demo, bundle=bundle).document(DocumentKind.RECEIPT)
    text = pdf_text(_write(tmp_path, render_pdf(receipt), "receipt.pdf"))
    assert f"承诺时限10{'个工作日' if unit is TimeUnit.WORKING_DAY else '个自然日'}，自受理之日起{counted}" in text


#: the deferred 食品安全管理制度文本 and 从业人员健康证明 serve the 食品经营许可, the county 市场监督管理局's
LAPSE = "由乌兰浩特市市场监督管理局依法对“食品经营许可”事项作出不予批准决定"


@pytest.mark.parametrize("kind", [DocumentKind.DEFERRAL, DocumentKind.PLEDGE])
def test_a_lapse_names_the_item_and_its_deciding_department(
    demo: DemoCases, kind: DocumentKind, tmp_path: Path
) -> None:
    """Seed 001 第十六条(三), 第十七条(二): the item the deferred materials serve is denied by its own department."""
    text = pdf_text(_write(tmp_path, render_pdf(demo.document(kind))))
    assert LAPSE in text
    assert "本中心将依法作出不予批准决定" not in text  # the hall accepts; it decides no item
    for other in ("市场主体设立登记", "户外招牌设置审批", "新办纳税人涉税事项"):  # served by no deferred material
        assert f"对“{other}”事项" not in text


def test_the_pledge_promises_no_credit_punishment(demo: DemoCases, tmp_path: Path) -> None:
    """国办发〔2020〕49号: a 失信惩戒 measure needs a legal basis; none ties a 容缺 pledge to one."""
    text = pdf_text(_write(tmp_path, render_pdf(demo.document(DocumentKind.PLEDGE))))
    assert "失信惩戒" not in text
    assert "信用记录" not in text
    assert "容缺受理失效" in text  # what the league's rule does give: the 容缺 lapses and the item is not approved
    assert "第十六条第三项" in text


@pytest.mark.parametrize("kind", CASE_KINDS)
def test_two_complete_copies(demo: DemoCases, kind: DocumentKind, tmp_path: Path) -> None:
    data = demo.document(kind)
    path = _write(tmp_path, render_pdf(data))
    pages = page_count(path)
    assert pages == 2  # one page per copy for the demo's bundle of twelve materials
    applicant, file_copy = pdf_text(path, 1), pdf_text(path, 2)
    assert "第1联申请人留存" in applicant
    assert "第2联存档" in file_copy
    assert applicant.count("第1联申请人留存") > file_copy.count("第1联申请人留存")

    def without_marks(text: str) -> str:
        return text.replace("第1联申请人留存", "").replace("第2联存档", "")

    assert without_marks(applicant) == without_marks(file_copy)  # the same paper apart from the copy's marks


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_every_font_is_embedded(demo: DemoCases, kind: DocumentKind, tmp_path: Path) -> None:
    rows = pdf_fonts(_write(tmp_path, render_pdf(demo.document(kind))))
    assert rows
    for row in rows:
        assert row.embedded, row
        assert row.subset, row
        assert row.unicode, row  # a ToUnicode map: the text can be searched and copied
        assert row.type == "TrueType", row  # no Type 3, no CID font such as STSong-Light
        assert "STSong" not in row.name, row


# a scan at 150 dpi, a cheap scanner's, is the harder one: it runs in the full tier, and every paper there; the
# receipt at 200 dpi on every edit (each scan renders and reads a page with outside programs: about a second)
@pytest.mark.parametrize(
    "kind", [pytest.param(k, marks=() if k is DocumentKind.RECEIPT else pytest.mark.slow) for k in CASE_KINDS]
)
@pytest.mark.parametrize("dpi", [pytest.param(150, marks=pytest.mark.slow), 200])
def test_barcode_and_qr_scan(demo: DemoCases, kind: DocumentKind, dpi: int, tmp_path: Path) -> None:
    data = demo.document(kind)
    case_no = demo.views[CASE_OF_KIND[kind]].case_no
    pages = scan(_write(tmp_path, render_pdf(data)), dpi, tmp_path)
    assert len(pages) == 2
    for found in pages:
        assert f"CODE-128:{case_no}" in found
        assert f"QR-Code:{PROGRESS}{case_no}" in found


def test_the_narrowest_bar_is_at_least_a_third_of_a_millimetre(demo: DemoCases) -> None:
    for view in demo.views.values():
        barcode = code128(view.case_no)
        assert barcode.modules.startswith("11010")  # a start code
        assert min(bar.width for bar in barcode.bars) == 1
        assert min(bar.width for bar in barcode.bars) * MODULE_MM >= 0.33


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_the_same_paper_every_time(demo: DemoCases, kind: DocumentKind) -> None:
    first = render_pdf(demo.document(kind))
    again = render_pdf(demo.document(kind))
    assert first == again


def test_another_number_is_another_paper(demo: DemoCases) -> None:
    assert render_pdf(demo.document(DocumentKind.RECEIPT, 1)) != render_pdf(demo.document(DocumentKind.RECEIPT, 2))


@pytest.mark.parametrize("char", RARE_NAME_CHARACTERS)
def test_rare_name_characters_have_real_glyphs(char: str) -> None:
    fonts = document_fonts()
    name = fonts.font_of(char)
    assert name in {f.name for f in FALLBACKS}  # Micro Hei lacks it: a fallback draws it
    assert fonts.covers(char)
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(name).face
    glyph = face.charToGlyph[ord(char)]
    assert glyph != 0  # not .notdef
    assert face.glyphPos[glyph + 1] > face.glyphPos[glyph]  # the glyph has an outline
    assert fonts.font_of("王") == PRIMARY.name
    assert fonts.font_of("7") == PRIMARY.name


def test_fonts_and_reportlab_load_at_the_first_print_not_at_import() -> None:
    code = (
        "import sys\n"
        "import counter.documents.model, counter.documents.render\n"
        "print(any(m.split('.')[0] in ('reportlab', 'barcode') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.slow
def test_the_signatures_never_stand_alone_on_a_page(demo: DemoCases, tmp_path: Path) -> None:
    """However long the list of materials, the page the applicant signs carries what is signed for: the notes that
    close the receipt go over with the signatures rather than leaving them alone on a sheet."""
    view = demo.views[CASE_OF_KIND[DocumentKind.RECEIPT]]
    line = view.materials[0]
    spilled = 0
    for count in range(8, 30):
        lines = tuple(
            dataclasses.replace(line, code=f"M{n:02d}", name=f"{line.name}（第{n}份，经营场所平面布局图和操作流程图）")
            for n in range(count)
        )
        data = document_for(dataclasses.replace(view, materials=lines), DocumentKind.RECEIPT, demo.office, "N-1",
                            demo.bundle, TODAY)  # fmt: skip
        path = tmp_path / f"{count}.pdf"
        path.write_bytes(render_pdf(data))
        pages = page_count(path)
        spilled += pages > len(data.copies)
        for page in range(1, pages + 1):
            text = pdf_text(path, page)
            if "申请人（签字）" in text or "代办人（签字）" in text:
                assert "请妥善保管本凭证" in text, (count, page)
    assert spilled  # the lists grew long enough to need a second page
