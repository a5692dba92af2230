"""The words of the catalog's codes: necessity, units, copy forms, media, item types, case kinds, time limits."""

from __future__ import annotations

from counter.catalog.departments import AdminLevel
from counter.catalog.model import (
    CaseKind,
    CopyForm,
    GuideStatus,
    Item,
    ItemType,
    Medium,
    Necessity,
    SourceChannel,
    TimeLimit,
    TimeUnit,
)
from counter.catalog.remedies import Levy
from counter.words.translate import tr

UNPUBLISHED = tr("指南未发布")
SAMPLE_GUIDE = tr("样例指南：内容为示例，待官方实施清单发布后替换")
DRAFT = tr("待核")
#: what a list (``catalog list``, the search) says beside a bundle's name: nothing for a published guide
STATUS_TAG = {GuideStatus.PUBLISHED: "", GuideStatus.DRAFT: DRAFT, GuideStatus.UNPUBLISHED: UNPUBLISHED}
DRAFT_GUIDE = tr("待核指南：已起草并通过校验，尚未经本中心管理员核定发布；办理地点、时间和电话以本中心公布的为准")

TIME_UNIT = {TimeUnit.WORKING_DAY: tr("个工作日"), TimeUnit.CALENDAR_DAY: tr("个自然日")}
NECESSITY = {Necessity.REQUIRED: tr("必要"), Necessity.OPTIONAL: tr("非必要"), Necessity.DEFERRABLE: tr("容缺后补")}
COPY_FORM = {CopyForm.ORIGINAL: tr("原件"), CopyForm.COPY: tr("复印件"), CopyForm.ORIGINAL_AND_COPY: tr("原件和复印件")}
MEDIUM = {Medium.PAPER: tr("纸质"), Medium.ELECTRONIC: tr("电子"), Medium.PAPER_OR_ELECTRONIC: tr("纸质或电子")}
SOURCE = {
    SourceChannel.APPLICANT: tr("申请人自备"),
    SourceChannel.GOVERNMENT: tr("政府部门核发"),
    SourceChannel.OTHER: tr("其他"),
}
ITEM_TYPE = {
    ItemType.LICENSING: tr("行政许可"),
    ItemType.PENALTY: tr("行政处罚"),
    ItemType.COERCION: tr("行政强制"),
    ItemType.LEVY: tr("行政征收"),
    ItemType.BENEFIT: tr("行政给付"),
    ItemType.INSPECTION: tr("行政检查"),
    ItemType.CONFIRMATION: tr("行政确认"),
    ItemType.REWARD: tr("行政奖励"),
    ItemType.ADJUDICATION: tr("行政裁决"),
    ItemType.OTHER_ADMINISTRATIVE: tr("其他行政权力"),
    ItemType.PUBLIC_SERVICE: tr("公共服务"),
}
CASE_KIND = {CaseKind.IMMEDIATE: tr("即办件"), CaseKind.PROMISED: tr("承诺件")}
LEVY = {
    Levy.ASSESS: tr("确认纳税主体、计税依据等"),
    Levy.COLLECT: tr("征收税款、加收滞纳金"),
    Levy.WITHHOLD: tr("代扣代缴、代收代缴、代征"),
}
ADMIN_LEVEL = {
    AdminLevel.REGION: tr("自治区"),
    AdminLevel.LEAGUE: tr("盟市"),
    AdminLevel.COUNTY: tr("旗县市区"),
    AdminLevel.TOWNSHIP: tr("苏木乡镇街道"),
}


def time_limit(limit: TimeLimit | None) -> str:
    if limit is None:
        return tr("未载明")
    if limit.value == 0:
        return tr("即时办结")
    return f"{limit.value}{TIME_UNIT[limit.unit]}"


LEGAL_LIMIT = tr("法定{limit}")
NO_LEGAL_LIMIT = tr("法律法规未规定时限")


def legal_time_limit(item: Item) -> str:
    """An item's statutory limit as a phrase (法定3个工作日), or that no law sets one (counter.catalog.limits)."""
    return NO_LEGAL_LIMIT if item.no_legal_limit else LEGAL_LIMIT.format(limit=time_limit(item.legal_limit))
