"""The paper 评价表 of a desk with no pad: the 办件编号 as a barcode, the five levels as boxes, the reasons by code.

内政服发〔2022〕15号 counts a 书面评价表格 among the region's channels and has 嘎查村 and township points rated too; a
township desk without a pad hands this sheet over with the service and keys it in later with the paper's own date
(channel 书面评价).  The reasons are the national 测评内容 (:mod:`counter.ratings.eval_content`) with their codes, so
what is keyed in is the code the applicant ticked, never a label retyped; the list's version is printed with them.
"""

from __future__ import annotations

import datetime as dt

from counter.documents import words as paper
from counter.documents.data import Column, DocumentData, Fields, Heading, OfficeSettings, Pair, SignOff, Table, Text
from counter.documents.kinds import DocumentKind
from counter.ratings.eval_content import EvalContent
from counter.ratings.levels import BAD_LEVELS, Level

BOX = "\n"  # the table's cell is the box, tall enough to tick by hand (the fonts carry no ☐)
TALL_BOX = "\n\n\n"  # room for a few handwritten lines

LEVEL_LABELS: dict[Level, str] = {
    Level.VERY_SATISFIED: "非常满意",
    Level.SATISFIED: "满意",
    Level.BASIC: "基本满意",
    Level.DISSATISFIED: "不满意",
    Level.VERY_DISSATISFIED: "非常不满意",
}
ASK = (
    "请您对本次政务服务作出评价：在所选等级下的方框内打“√”（只选一项）。选择“不满意”或“非常不满意”的，"
    "请在下表勾选原因（可多选）。本表由您本人填写，工作人员不得代填、暗示或干预。"
)
REASONS_HEADING = "测评内容（选择“不满意”“非常不满意”时填写）"
REASON_COLUMNS = (Column("代码", 1.0, centred=True), Column("测评内容", 3.0), Column("请打√", 1.0, centred=True))
LIST_NOTE = "测评内容代码表版本：{version}"
OTHER = "其他意见"
BUNDLE = "办理事项"
OFFICE = "受理单位"
SIGNER = "评价人（签字）"
RATED_ON = "评价日期：　　　　年　　月　　日"
COPY = "评价表"
COPY_NOTE = "本表填写后交回窗口，窗口按本表日期以“书面评价”渠道录入；本表存档备查。"


def rating_sheet_for(
    case_no: str, bundle_name: str, office: OfficeSettings, content: EvalContent, issued_on: dt.date
) -> DocumentData:
    """The 评价表 of one service: what the applicant ticks, and the 办件编号 it is keyed in by."""
    indicators: dict[str, tuple[str, str]] = {}
    for level in Level:
        if level in BAD_LEVELS:
            indicators.update({i.code: (i.code, i.label) for i in content.for_level(level)})
    levels = tuple(Column(LEVEL_LABELS[level], 1.0, centred=True) for level in Level)
    kind = DocumentKind.RATING_SHEET
    return DocumentData(
        kind=kind,
        title=paper.DOC_TITLE[kind],
        office_name=office.office_name,
        office_name_mn=office.office_name_mn,
        doc_no="",
        case_no=case_no,
        header=(Pair(OFFICE, office.office_name), Pair(BUNDLE, bundle_name, wide=True)),
        blocks=(
            Text(ASK),
            Table(levels, ((BOX,) * len(levels),)),
            Heading(REASONS_HEADING),
            Table(REASON_COLUMNS, tuple((code, label, BOX) for code, label in indicators.values())),
            Text(LIST_NOTE.format(version=content.version), indent=False),
            Fields((Pair(OTHER, TALL_BOX),)),
        ),
        sign_off=SignOff("", "", "", (SIGNER,), RATED_ON, "", "", ""),
        copies=(COPY,),
        copies_note=COPY_NOTE,
        barcode=case_no,
        qr="",
        qr_caption="",
        issued_on=issued_on,
        subject=kind.value,
    )
