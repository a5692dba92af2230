"""The words of a guide review (:mod:`counter.catalog.review`): what a department is asked to confirm.

Templates take ``{detail}`` (the finding's value: a limit in words, a law's name, a form's name), ``{item}`` and
``{material}`` (the names the guide gives them) and ``{code}`` (their code).
"""

from __future__ import annotations

from counter.catalog.limits import limit_of_code
from counter.catalog.review import Concern
from counter.words.catalog import time_limit
from counter.words.translate import tr

CONCERN_TEXT: dict[Concern, str] = {
    Concern.LIMIT_UNSOURCED: tr(
        "法定办结时限{detail}未写明出处：请提供规定该时限的法律法规条款；法律法规未规定的，改为“法律法规未规定”"
    ),
    Concern.LIMIT_SOURCE_WITHOUT_ARTICLE: tr("法定办结时限的出处未写明条款：{detail}"),
    Concern.PROMISE_WITHOUT_LAW: tr("法律法规未规定办理时限：承诺办结时限（现为{detail}）须由部门按实际业务确定"),
    Concern.BASIS_WITHOUT_ARTICLE: tr("设定依据未写明条款：{detail}"),
    Concern.MATERIAL_BASIS_WITHOUT_ARTICLE: tr("材料“{material}”的依据未写明条款：{detail}"),
    Concern.DEFERRABLE: tr("材料“{material}”列为容缺后补（补交时限{detail}）：须确认属非关键材料"),
    Concern.FORM_WITHOUT_FIELDS: tr("表格“{detail}”的栏目未列入目录：请提供部门规定的表格样式"),
    Concern.NO_OFFICIAL_CODE: tr("{detail} 个事项未填写基本编码，实施编码为草拟编码：须按实施清单填写"),
}
REVIEW_HELP = tr("列出每个待核指南须由实施部门确认的内容（法定时限出处、依据条款、承诺时限、容缺材料、表格栏目）")
REVIEW_HEAD = tr(
    "待核指南 {guides} 个，须由实施部门确认 {findings} 处；确认并修订后由管理员发布（counter catalog publish）。"
)
REVIEW_NONE = tr("没有待核指南，无须确认。")
REVIEW_GUIDE = tr("【{number:03d}】{name}（{code}，待核第{version}版）：{count} 处")
REVIEW_ITEM = tr("  {item}（{code}）：{department}")
REVIEW_MATERIALS = tr("  材料")
REVIEW_LINE = tr("    · {text}")
REVIEW_GUIDE_LINE = tr("  · {text}")


def limit_words(code: str) -> str:
    """A finding's limit (``"20 working_day"``) in words (20个工作日); "" as 未载明."""
    return time_limit(limit_of_code(code))
