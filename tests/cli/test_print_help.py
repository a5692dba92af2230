"""``counter print --doc``'s help names each paper from the one table of paper names by standing.

The help said 补齐补正通知书 in words of its own; a hall that only receives prints a 补齐材料告知书 (and a 收件凭证, a
容缺后补材料告知书, a 申请事项告知书): each kind is named here as :func:`counter.words.documents.paper_title` names
it, under both standings.
"""

from __future__ import annotations

from counter.cli.documents import INTAKE_PAPERS, doc_help
from counter.words.documents import RECEIVED_DOC_TITLE, paper_title


def test_each_paper_of_the_intake_is_named_by_the_table_under_both_standings() -> None:
    said = doc_help()
    for kind in INTAKE_PAPERS:
        assert f"{kind} {paper_title(kind, False)}" in said
        assert paper_title(kind, True) in said
    assert "correction 补齐补正通知书（只负责收件的窗口出具的为补齐材料告知书）" in said


def test_every_paper_a_receiving_hall_prints_is_in_the_help() -> None:
    said = doc_help()
    assert all(name in said for name in RECEIVED_DOC_TITLE.values())
