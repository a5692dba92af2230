"""A guide as plain text, for ``counter catalog show`` and for support staff."""

from __future__ import annotations

from collections.abc import Mapping

from counter.catalog.model import Bundle, Item, Material
from counter.words.catalog import (
    ADMIN_LEVEL,
    COPY_FORM,
    DRAFT_GUIDE,
    MEDIUM,
    NECESSITY,
    SAMPLE_GUIDE,
    UNPUBLISHED,
    legal_time_limit,
    time_limit,
)
from counter.words.punctuation import CLAUSE_JOIN, LIST_JOIN
from counter.words.translate import tr


def _material_line(m: Material) -> str:
    parts = [m.name]
    if m.copy_form:
        parts.append(COPY_FORM[m.copy_form])
    counts = []
    if m.originals:
        counts.append(tr("原件{originals}份").format(originals=m.originals))
    if m.copies:
        counts.append(tr("复印件{copies}份").format(copies=m.copies))
    parts += counts
    if m.medium:
        parts.append(MEDIUM[m.medium])
    parts.append(NECESSITY[m.necessity])
    if m.deferral_limit:
        parts.append(tr("容缺期限{limit}").format(limit=time_limit(m.deferral_limit)))
    if m.shared:
        parts.append(tr("数据共享获取，免提交"))
    return CLAUSE_JOIN.join(parts)


def _department(item: Item, deciders: Mapping[str, str]) -> str:
    """The deciding department named for this site, its level, and 委托受理 when the window accepts for it."""
    name = deciders.get(item.code) or item.department
    parts = [name]
    if item.level is not None:
        parts.append(tr("{level}级").format(level=ADMIN_LEVEL[item.level]))
    if item.entrusted:
        parts.append(tr("窗口受{department}委托受理").format(department=name))
    return CLAUSE_JOIN.join(parts)


def guide_as_text(bundle: Bundle, version: int | None = None, deciders: Mapping[str, str] | None = None) -> str:
    """The guide in lines; ``deciders`` names each item's department at this site (by 实施编码)."""
    b = bundle
    deciders = deciders or {}
    lines = [
        tr("{number}. {name}（{code}）").format(number=b.number, name=b.name, code=b.code)
        + (tr(" 第{version}版").format(version=version) if version else "")
    ]
    if not b.has_guide:
        lines.append(UNPUBLISHED)
        return "\n".join(lines)
    if not b.published:  # 待核: the whole draft, said to be one
        lines.append(DRAFT_GUIDE)
    if b.sample:
        lines.append(SAMPLE_GUIDE)
    if b.summary:
        lines.append(b.summary)
    if b.service_objects:
        lines.append(tr("服务对象：{objects}").format(objects=LIST_JOIN.join(b.service_objects)))
    if b.address:
        lines.append(tr("办理地点：{address}").format(address=b.address.one_line()))
    for h in b.hours:
        lines.append(
            tr("办理时间：{days} {periods}").format(days=h.days, periods=" ".join(h.periods))
            + (tr("（{note}）").format(note=h.note) if h.note else "")
        )
    if b.consult_phone or b.complaint_phone:  # a draft leaves them to the site (its words say so)
        lines.append(
            tr("咨询电话：{consult_phone}    投诉电话：{complaint_phone}").format(
                consult_phone=b.consult_phone, complaint_phone=b.complaint_phone
            )
        )
    if b.visits is not None:
        lines.append(
            tr("到现场次数：{visits}").format(visits=b.visits)
            + (tr("（{visits_reason}）").format(visits_reason=b.visits_reason) if b.visits_reason else "")
        )
    lines.append(tr("承诺办结时限：{limit}").format(limit=time_limit(b.promised_limit)))
    lines.append(tr("事项："))
    for i in b.items:
        lines.append(
            tr("  - {name}（{department}）{legal}，承诺{promised}；结果：{result}").format(
                name=i.name,
                department=_department(i, deciders),
                legal=legal_time_limit(i),
                promised=time_limit(i.promised_limit),
                result=i.result,
            )
        )
    lines.append(tr("所需材料："))
    for m in b.materials_for({}):  # every material, 免提交 only where the bundle does not make it
        condition = f"  [{LIST_JOIN.join(_condition_labels(b, m))}]" if m.when else ""
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
