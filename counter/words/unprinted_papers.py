"""The words of a case whose papers did not all go out: the desk's flag, F6's line, and the waiver in the history."""

from __future__ import annotations

from collections.abc import Sequence

from counter.documents.kinds import DocumentKind
from counter.documents.outcome_papers import UnprintedCase, read_waiver_note
from counter.words.documents import paper_title
from counter.words.punctuation import LIST_JOIN
from counter.words.translate import tr

#: the status bar's short line while cases of this desk have papers not printed
UNPRINTED_FLAG = tr("未打印文书 {count} 件")
#: F6's line above the lists: the newest cases by number with their papers still to print, the rest counted
UNPRINTED_LIST = tr("未打印文书 {count} 件：{cases}（在办件页打印，或关闭受理时说明原因）")
UNPRINTED_MORE = tr("等")
#: how many cases F6's line names: the newest, those whose applicant may still be at the window
LIST_NAMED = 5
UNPRINTED_CASE = tr("{case_no}（{papers}）")
#: the waiver could not be written: the intake stays open
WAIVER_NOT_KEPT = tr("未能记录未打印的原因，受理窗口保持打开，请稍后再关闭")
#: the history line's note of a waiver
WAIVER_NOTE = tr("未打印：{papers}；原因：{reason}")


def papers_text(kinds: Sequence[DocumentKind], received: bool = False) -> str:
    """The papers by their names at the hall's standing: its 收件 papers' where it only received (``received``)."""
    return LIST_JOIN.join(paper_title(kind.value, received) for kind in kinds)


def unprinted_list_text(cases: Sequence[UnprintedCase]) -> str:
    """F6's line: every flagged case of the desk, "" when none."""
    if not cases:
        return ""
    named = cases[-LIST_NAMED:][::-1]
    lines = (UNPRINTED_CASE.format(case_no=c.case_no, papers=papers_text(c.kinds, c.only_received)) for c in named)
    each = LIST_JOIN.join(lines)
    return UNPRINTED_LIST.format(count=len(cases), cases=each + (UNPRINTED_MORE if len(cases) > len(named) else ""))


def waiver_text(note: str) -> str:
    """A waiver's history note in words: which papers, and the clerk's reason."""
    kinds, reason = read_waiver_note(note)
    return WAIVER_NOTE.format(papers=papers_text(kinds), reason=reason)
