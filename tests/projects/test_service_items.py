"""The reference list of agent-service items (附件1): the shipped list reads whole, and a broken list is refused
with every fault named by its line."""

from __future__ import annotations

import pytest

from counter.projects.model import Stage
from counter.projects.service_items import (
    BadServiceList,
    ListFault,
    ListProblem,
    list_text,
    parse_service_list,
    shipped_service_list,
)


def test_the_shipped_list_has_the_annexs_22_items() -> None:
    items = shipped_service_list()
    assert len(items.items) == 22
    assert [i.no for i in items.items] == list(range(1, 23))
    first = items.item(1)
    assert first is not None
    assert (first.department, first.name, first.kind, first.stage) == (
        "发改部门", "企业投资项目核准", "行政许可", Stage.INITIATION)  # fmt: skip
    water = items.item(16)
    assert water is not None
    assert (water.department, water.stage) == ("水务部门", Stage.LAND)
    assert items.item(23) is None
    assert items.departments() == ("发改部门", "自然资源部门", "住建部门", "水务部门", "工信部门", "交通部门", "统战部")
    assert len(items.fingerprint) == 64


def test_the_list_written_back_reads_the_same() -> None:
    items = shipped_service_list()
    again = parse_service_list(list_text(items.items))
    assert again.items == items.items


def test_a_broken_list_names_every_fault_by_its_line() -> None:
    text = "\n".join(
        [
            "# 序号\t承办部门\t事项名称\t事项类型\t阶段",
            "1\t发改部门\t企业投资项目核准\t行政许可\t立项",
            "x\t发改部门\t企业投资项目备案\t其他行政权力\t立项",
            "1\t自然资源部门\t建设项目用地预审\t行政许可\t用地",
            "3\t住建部门\t企业投资项目核准\t行政许可\t施工",
            "4\t\t建筑工程施工许可证核发\t行政许可\t施工",
            "5\t水务部门\t水土保持方案审批\t行政审批\t用地",
            "6\t水务部门\t水利工程建设项目验收\t其他行政权力\t验收",
            "7\t交通部门\t涉路施工许可",
            "",
        ]
    )
    with pytest.raises(BadServiceList) as caught:
        parse_service_list(text)
    assert caught.value.faults == (
        ListFault(3, ListProblem.NUMBER, "x"),
        ListFault(4, ListProblem.DUPLICATE_NUMBER, "1"),
        ListFault(5, ListProblem.DUPLICATE_NAME, "企业投资项目核准"),
        ListFault(6, ListProblem.EMPTY),
        ListFault(7, ListProblem.KIND, "行政审批"),
        ListFault(8, ListProblem.STAGE, "验收"),
        ListFault(9, ListProblem.COLUMNS, "7\t交通部门\t涉路施工许可"),
    )


def test_a_list_without_items_is_refused() -> None:
    with pytest.raises(BadServiceList) as caught:
        parse_service_list("# 只有注释\n\n")
    assert caught.value.faults == (ListFault(0, ListProblem.NO_ITEMS),)


def test_every_list_problem_has_its_words() -> None:
    from counter.words.projects import LIST_PROBLEM, list_fault_text

    assert set(LIST_PROBLEM) == set(ListProblem)
    assert list_fault_text(ListFault(7, ListProblem.KIND, "行政审批")) == (
        "第 7 行：事项类型“行政审批”应为行政许可、行政确认、行政给付、行政裁决、其他行政权力或公共服务之一。"
    )
