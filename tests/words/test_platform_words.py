"""Why a report failed, as the supervisor reads it in ``counter platform list`` and on the pad's 平台上报 page: the
sender stores the refusal of the mapping as its exception's text (counter.actions.outbox.platform), and the words
turn each back into Chinese with its details; the platform's own answer is shown as it came, after the refusal.
"""

from __future__ import annotations

from counter.platform.code_lists import CodeList, NoCode, Unchosen
from counter.platform.mapping import MissingElement
from counter.words.platform import report_problem


def test_a_report_missing_required_elements_names_them_in_chinese() -> None:
    stored = str(MissingElement(["申请人证件号码", "办结时间"]))
    assert report_problem(stored) == "缺少必填数据项：申请人证件号码、办结时间"


def test_a_value_without_a_code_in_the_chosen_coding_names_the_list_the_coding_and_the_value() -> None:
    stored = str(NoCode("channel", "hcp", "电话"))
    assert report_problem(stored) == "代码表 channel（hcp）没有“电话”的代码，不上报"


def test_a_channel_without_a_code_is_named_as_the_supervisor_knows_it() -> None:
    """A 书面评价 under a numbered 评价渠道 coding is held back by design: its reason names the channel, not the
    program's stored value ``written``."""
    stored = str(NoCode("channel", "hcp", "written"))
    assert report_problem(stored) == "代码表 channel（hcp）没有“书面评价”的代码，不上报"


def test_lists_without_a_chosen_coding_are_named() -> None:
    lists = tuple(CodeList(name, name, "", {}) for name in ("level", "channel"))
    assert report_problem(str(Unchosen(lists))) == "代码表尚未选定编码：level、channel"


def test_the_platforms_own_answer_is_shown_as_it_came_after_its_refusal() -> None:
    assert report_problem("HTTP 422 projid 重复") == "对方拒绝（HTTP 422）：projid 重复"
