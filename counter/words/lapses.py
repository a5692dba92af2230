"""The words of a lapse found early: the case page's line, and the correction path the deciding body is shown."""

from __future__ import annotations

from collections.abc import Mapping

from counter.case.dates_moved import CORRECTION
from counter.case.early_lapses import read_early
from counter.words.punctuation import CLAUSE_JOIN
from counter.words.translate import tr

EARLY_LAPSE = tr("{what}按公布的安排为{due}，{lapsed}作出的逾期处理早于{first}")
EARLY_WHAT_CORRECTION = tr("补正期限")
EARLY_WHAT_MATERIAL = tr("“{name}”补交期限")
#: what the deciding body is to do with a lapse found early (自行纠正), beside the list of such lapses
CORRECTION_PATH = tr(
    "逾期处理作出时期限尚未届满，应由作出决定的机关依法自行纠正：撤销逾期处理（及据此作出的不予批准决定），"
    "恢复办理，按公布的安排重新告知申请人期限，并将纠正结果书面告知申请人。"
)


def early_lapse_text(note: str, names: Mapping[str, str]) -> str:
    """The note of a LAPSE_EARLY line in words, a material by its name (``names``: by code)."""
    found = read_early(note)
    if not found:
        return note  # not a note this program wrote: as it stands
    return CLAUSE_JOIN.join(
        EARLY_LAPSE.format(
            what=EARLY_WHAT_CORRECTION
            if f.what == CORRECTION
            else EARLY_WHAT_MATERIAL.format(name=names.get(f.what, f.what)),
            due=f.due.isoformat(),
            lapsed=f.lapsed_on.isoformat(),
            first=f.first_day.isoformat(),
        )
        for f in found
    )
