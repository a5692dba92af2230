"""The materials of a guide as HTML, narrowed by the situation answers given so far.

Materials asked in every case come first, then one group per distinct set of
conditions, in the order the guide asks its questions; numbering runs through
all groups so the clerk can say "第 7 项" and be understood.
"""

from __future__ import annotations

from collections.abc import Sequence

from counter.catalog.model import Bundle, Material, Necessity, Situation
from counter.ui import words
from counter.ui.guide.html_parts import TABLE, e, heading, lines, note, unbroken
from counter.words.catalog import COPY_FORM, MEDIUM, NECESSITY, SOURCE, time_limit
from counter.words.punctuation import ASIDE


def condition_order(situations: Sequence[Situation]) -> dict[str, int]:
    """Position of every "situation.option" in the guide, for ordering groups."""
    order: dict[str, int] = {}
    for situation in situations:
        for option in situation.options:
            order[f"{situation.code}.{option.code}"] = len(order)
    return order


def group_label(when: Sequence[str], situations: Sequence[Situation]) -> str:
    """ "以什么形式经营？个体工商户" for a material's conditions, situations joined by "；"."""
    chosen: dict[str, list[str]] = {}
    for condition in when:
        code, _, option = condition.partition(".")
        chosen.setdefault(code, []).append(option)
    parts = []
    for code, options in chosen.items():
        situation = next((s for s in situations if s.code == code), None)
        if situation is None:
            parts.append(code + words.DESK_OPTION_OR.join(options))
            continue
        labels = [o.label if (o := situation.option(c)) else c for c in options]
        parts.append(
            words.DESK_SITUATION_GROUP.format(question=situation.question, options=words.DESK_OPTION_OR.join(labels))
        )
    return words.DESK_CONDITION_AND.join(parts)


def material_groups(bundle: Bundle, materials: Sequence[Material]) -> list[tuple[str, list[Material]]]:
    """Materials for every case first, then one group per distinct set of conditions."""
    order = condition_order(bundle.situations)
    common = [m for m in materials if not m.when]
    keyed: dict[tuple[str, ...], list[Material]] = {}
    for m in materials:
        if m.when:
            key = tuple(sorted(set(m.when), key=lambda c: (order.get(c, len(order)), c)))
            keyed.setdefault(key, []).append(m)
    groups = [(words.DESK_ALL_SITUATIONS, common)] if common else []
    for key in sorted(keyed, key=lambda k: [order.get(c, len(order)) for c in k]):
        groups.append((group_label(key, bundle.situations), keyed[key]))
    return groups


def _copies(m: Material) -> str:
    counts = []
    if m.originals:
        counts.append(words.DESK_COPIES_ORIGINAL.format(count=m.originals))
    if m.copies:
        counts.append(words.DESK_COPIES_COPY.format(count=m.copies))
    form = COPY_FORM[m.copy_form] if m.copy_form else ""
    medium = MEDIUM[m.medium] if m.medium else ""
    if m.paper_size and medium:
        medium = ASIDE.format(text=medium, aside=m.paper_size)
    return lines([*(e(c) for c in counts or [form]), note(e(medium))])


def _necessity(m: Material) -> str:
    css = m.necessity.value
    label = e(NECESSITY[m.necessity])
    parts = [f'<span class="{css}">{label}</span>']
    if m.necessity is Necessity.DEFERRABLE and m.deferral_limit is not None:
        deferral = words.DESK_DEFERRAL.format(limit=time_limit(m.deferral_limit))
        parts.append(f'<span class="deferrable">{unbroken(deferral)}</span>')
    if m.shared:
        parts.append(f'<span class="shared">{unbroken(words.DESK_SHARED)}</span>')
    return lines(parts)


def _material_row(number: int, m: Material) -> str:
    notes = [
        e(words.DESK_REQUIREMENT.format(text=m.requirement)) if m.requirement else "",
        e(words.DESK_ISSUER_INTERMEDIARY.format(text=m.intermediary)) if m.intermediary else "",
        e(words.DESK_FORM_FILES) if m.blank_form and m.sample_form else "",
        e(words.DESK_BASIS.format(text=m.legal_basis)) if m.legal_basis else "",
    ]
    name = lines([f"<b>{e(m.name)}</b>", *(note(n) for n in notes)])
    source = lines([e(SOURCE[m.source]) if m.source else "", note(e(m.issuer))])
    cells = [str(number), name, _copies(m), source, _necessity(m)]
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def materials_html(bundle: Bundle, answers: dict[str, str]) -> str:
    """The materials the answers call for, grouped by situation, numbered throughout."""
    chosen = bundle.materials_for(answers)
    if not bundle.materials:
        return f"<p>{e(words.DESK_NO_MATERIALS)}</p>"
    if answers:
        count = words.DESK_MATERIAL_COUNT_FILTERED.format(count=len(chosen), total=len(bundle.materials))
    else:
        count = words.DESK_MATERIAL_COUNT.format(count=len(chosen))
    head = (
        f'<tr><th width="6%">{e(words.DESK_COL_NO)}</th><th>{e(words.DESK_COL_MATERIAL)}</th>'
        f'<th width="17%">{e(words.DESK_COL_COPIES)}</th><th width="17%">{e(words.DESK_COL_SOURCE)}</th>'
        f'<th width="17%">{e(words.DESK_COL_NECESSITY)}</th></tr>'
    )
    parts = [f'<p class="count">{e(count)}</p>']
    number = 0
    for label, group in material_groups(bundle, chosen):
        rows = []
        for m in group:
            number += 1
            rows.append(_material_row(number, m))
        parts += [heading(3, label), TABLE, head, *rows, "</table>"]
    return "".join(parts)
