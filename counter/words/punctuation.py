"""How both faces put words together: the list comma, the clause semicolon, a label's colon, an aside in brackets.

Chinese writes 、 between the items of a list, ； between clauses and full-width brackets around an aside; another
language has its own marks, so these are words like any other, chosen by the translator.  A stored format (the
material codes a history line records, say) is not punctuation of a sentence and never comes from here: see
:mod:`counter.case.status`.
"""

from __future__ import annotations

from counter.words.translate import tr

LIST_JOIN = tr("、")  # between the items of a list: 食品经营许可、营业执照
CLAUSE_JOIN = tr("；")  # between whole clauses: one problem；another
MARK_JOIN = tr("，")  # between short marks inside an aside
FIELD_LABEL = tr("{label}：")  # the label before a value in a form
ASIDE = tr("{text}（{aside}）")  # a name with a note after it
GAP = tr("{first}　{second}")  # two parts of one heading, a wide space between
SENTENCES = tr("{first}。{second}")  # one sentence after another
#: the marks a clause typed whole may end with: stripped where the sentence goes on after it ("不符。；")
CLAUSE_ENDS = tr("。；，") + ";., "
