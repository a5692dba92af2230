"""The words of the search answer, shown by both faces: the nearest bundle offered, and how a hit matched.

Apart from :mod:`counter.words.catalog` because the window shows them from its first keystroke: that module's tables
need the catalog's model, which a quick start does not otherwise load.
"""

from __future__ import annotations

from counter.catalog.search import Match
from counter.words.translate import tr

# when nothing matches what was typed, both faces offer the nearest bundle in these words
SEARCH_SUGGESTION = tr("您要找的是不是：{name}")
MATCH = {
    Match.NAME: tr("名称"),
    Match.ALIAS: tr("别名"),
    Match.KEYWORD: tr("检索词"),
    Match.ITEM: tr("事项"),
    Match.TYPO: tr("相近"),
}
