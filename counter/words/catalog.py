"""The words of the catalog's codes: necessity, units, copy forms, media, item types, case kinds, time limits."""

from __future__ import annotations

from counter.catalog.model import (
    CaseKind,
    CopyForm,
    ItemType,
    MaterialKind,
    Medium,
    Necessity,
    SourceChannel,
    TimeLimit,
    TimeUnit,
)

UNPUBLISHED = "指南未发布"
SAMPLE_GUIDE = "样例指南：内容为示例，待官方实施清单发布后替换"

TIME_UNIT = {TimeUnit.WORKING_DAY: "个工作日", TimeUnit.CALENDAR_DAY: "个自然日"}
NECESSITY = {Necessity.REQUIRED: "必要", Necessity.OPTIONAL: "非必要", Necessity.DEFERRABLE: "容缺后补"}
MATERIAL_KIND = {
    MaterialKind.CERTIFICATE: "证件证书证明",
    MaterialKind.FORM: "申请表格文书",
    MaterialKind.OTHER: "其他",
}
COPY_FORM = {CopyForm.ORIGINAL: "原件", CopyForm.COPY: "复印件", CopyForm.ORIGINAL_AND_COPY: "原件和复印件"}
MEDIUM = {Medium.PAPER: "纸质", Medium.ELECTRONIC: "电子", Medium.PAPER_OR_ELECTRONIC: "纸质或电子"}
SOURCE = {
    SourceChannel.APPLICANT: "申请人自备",
    SourceChannel.GOVERNMENT: "政府部门核发",
    SourceChannel.OTHER: "其他",
}
ITEM_TYPE = {
    ItemType.LICENSING: "行政许可",
    ItemType.PENALTY: "行政处罚",
    ItemType.COERCION: "行政强制",
    ItemType.LEVY: "行政征收",
    ItemType.BENEFIT: "行政给付",
    ItemType.INSPECTION: "行政检查",
    ItemType.CONFIRMATION: "行政确认",
    ItemType.REWARD: "行政奖励",
    ItemType.ADJUDICATION: "行政裁决",
    ItemType.OTHER_ADMINISTRATIVE: "其他行政权力",
    ItemType.PUBLIC_SERVICE: "公共服务",
}
CASE_KIND = {CaseKind.IMMEDIATE: "即办件", CaseKind.PROMISED: "承诺件"}


def time_limit(limit: TimeLimit | None) -> str:
    if limit is None:
        return "未载明"
    if limit.value == 0:
        return "即时办结"
    return f"{limit.value}{TIME_UNIT[limit.unit]}"
