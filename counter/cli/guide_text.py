"""A guide as plain text, for ``counter catalog show`` and for support staff."""

from __future__ import annotations

from counter.catalog.model import Bundle, Material
from counter.words.catalog import COPY_FORM, MEDIUM, NECESSITY, SAMPLE_GUIDE, UNPUBLISHED, time_limit


def _material_line(m: Material) -> str:
    parts = [m.name]
    if m.copy_form:
        parts.append(COPY_FORM[m.copy_form])
    counts = []
    if m.originals:
        counts.append(f"原件{m.originals}份")
    if m.copies:
        counts.append(f"复印件{m.copies}份")
    parts += counts
    if m.medium:
        parts.append(MEDIUM[m.medium])
    parts.append(NECESSITY[m.necessity])
    if m.deferral_limit:
        parts.append(f"容缺期限{time_limit(m.deferral_limit)}")
    if m.shared:
        parts.append("数据共享获取，免提交")
    return "；".join(parts)


def guide_as_text(bundle: Bundle, version: int | None = None) -> str:
    b = bundle
    lines = [f"{b.number}. {b.name}（{b.code}）" + (f" 第{version}版" if version else "")]
    if not b.published:
        lines.append(UNPUBLISHED)
        return "\n".join(lines)
    if b.sample:
        lines.append(SAMPLE_GUIDE)
    if b.summary:
        lines.append(b.summary)
    if b.address:
        lines.append(f"办理地点：{b.address.one_line()}")
    for h in b.hours:
        lines.append(f"办理时间：{h.days} {' '.join(h.periods)}" + (f"（{h.note}）" if h.note else ""))
    lines.append(f"咨询电话：{b.consult_phone}    投诉电话：{b.complaint_phone}")
    if b.visits is not None:
        lines.append(f"到现场次数：{b.visits}" + (f"（{b.visits_reason}）" if b.visits_reason else ""))
    lines.append(f"承诺办结时限：{time_limit(b.promised_limit)}")
    lines.append("事项：")
    for i in b.items:
        lines.append(
            f"  - {i.name}（{i.department}）法定{time_limit(i.legal_limit)}，"
            f"承诺{time_limit(i.promised_limit)}；结果：{i.result}"
        )
    lines.append("所需材料：")
    for m in b.materials:
        condition = f"  [{'、'.join(_condition_labels(b, m))}]" if m.when else ""
        lines.append(f"  {m.code} {_material_line(m)}{condition}")
    return "\n".join(lines)


def _condition_labels(bundle: Bundle, m: Material) -> list[str]:
    labels = []
    for condition in m.when:
        code, _, option_code = condition.partition(".")
        situation = next((s for s in bundle.situations if s.code == code), None)
        option = situation.option(option_code) if situation else None
        labels.append(option.label if option else condition)
    return labels
