"""A 帮您办 project to serve in tests: a food factory at 乌兰浩特, planned over three stages with four approvals, the
two of the land stage in parallel (用地预审 at 自然资源, 水土保持 at 水务)."""

from __future__ import annotations

import datetime as dt

from counter.projects.model import PlanStep, ProjectClass, ProjectFacts, Stage

APPLIED = dt.date(2026, 9, 1)

FACTS = ProjectFacts(
    name="兴安盟绿色食品加工产业园一期",
    investor="兴安盟草原绿源食品有限公司",
    location="乌兰浩特市经济技术开发区纬十路",
    county="乌兰浩特市",
    investment=38_000,
    investor_address="乌兰浩特市兴安北大路88号",
    investor_head="包满都拉",
    postcode="137400",
    phone="0482-8123456",
    contact="王春雨",
    code="2026-152201-14-03-046812",
    funding="企业自筹",
    land="国有建设用地（出让）",
    key_project=True,
    purpose="年加工牛羊肉制品2万吨，建设生产车间、冷库及配套用房，总建筑面积3.2万平方米",
    progress="已完成企业投资项目备案前期准备",
    industry="农副食品加工业",
    classes=frozenset({ProjectClass.KEY, ProjectClass.INVESTMENT}),
    requested=(2, 7, 16, 10),
)

OTHER = ProjectFacts(
    name="科尔沁右翼前旗风光储一体化项目",
    investor="兴安新能源科技有限公司",
    location="科尔沁右翼前旗索伦镇",
    county="科尔沁右翼前旗",
    investment=120_000,
    contact="李娜",
    classes=frozenset({ProjectClass.INNOVATION}),
    requested=(1, 7),
)


def plan(start: dt.date) -> tuple[PlanStep, ...]:
    """Three stages, four approvals; the land stage's two run in parallel."""
    return (
        PlanStep(1, "企业投资项目备案", "发改部门", Stage.INITIATION, start + dt.timedelta(days=5), item_no=2),
        PlanStep(2, "建设项目用地预审与选址意见书核发", "自然资源部门", Stage.LAND, start + dt.timedelta(days=25),
                 item_no=7),
        PlanStep(3, "生产建设项目水土保持方案审批", "水务部门", Stage.LAND, start + dt.timedelta(days=30),
                 item_no=16, joint="多评合一"),
        PlanStep(4, "建筑工程施工许可证核发", "住建部门", Stage.CONSTRUCTION, start + dt.timedelta(days=60),
                 item_no=10),
    )  # fmt: skip
