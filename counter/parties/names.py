"""The rater's name as the pad shows it: the surname kept, the given name hidden.

The pad faces the hall; the person in front of it recognises their own case by
the surname and the bundle, the people queuing behind learn nothing more.
``王五`` → ``王*``, ``欧阳娜娜`` → ``欧阳**`` (a compound surname is kept whole),
``阿依古丽·买买提`` → ``阿***·***``: separators stay, so the shape of the name
shows, and every other character becomes one ``*``.  Mongolian names written in
hanzi usually have no surname (``巴特尔``); the first character is kept all the
same, which is what the people at the window are used to from paper.
"""

from __future__ import annotations

#: two-character surnames (复姓) met in the halls' registers
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
        "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "澹台", "公冶", "太史", "端木",
        "申屠", "万俟", "闻人", "南宫", "呼延", "独孤", "拓跋", "西门", "东郭", "百里",
        "赫连", "淳于", "单于", "第五", "羊舌", "仲孙", "濮阳", "公羊", "左丘", "司空",
    }
)  # fmt: skip

#: kept as they are: they separate the parts of a name, they are not part of it
SEPARATORS = frozenset("·•・.- 　")

MASK = "*"


def mask_name(name: str) -> str:
    """The name with everything after the surname replaced by ``*`` (one per character)."""
    name = name.strip()
    if len(name) <= 1:
        return name
    kept = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    return name[:kept] + "".join(c if c in SEPARATORS else MASK for c in name[kept:])
