"""The options of ``counter office``: one per office setting printed on the papers, each saying what the setting is
and the form its value takes.

The settings are :class:`counter.documents.data.OfficeSettings`; they are named here so that building the parser (at
every start of the app) does not import the documents package, and ``tests/test_cli.py`` keeps the two equal.  The
window's settings form (F8 → 单位信息) labels the same fields; a technician at the command line has no form around
them, so each help says where the value is printed and how to write it.
"""

from __future__ import annotations

import argparse

from counter.catalog.departments import AdminLevel
from counter.words.translate import tr

OFFICE_FIELDS = (
    "office_name", "office_name_mn", "seal_caption", "consult_phone", "complaint_phone", "address", "hours",
    "review_body", "court", "progress_url_base", "online_portal",
    "county_place", "county_government", "county_court", "league_place", "league_government", "league_court",
    "region_place", "region_government", "region_court", "township_place", "township_government",
    "township_court", "rights_overrides", "office_level", "entrustments", "department_contacts",
    "administrative_organ",
)  # fmt: skip
#: the 司法局's answer whether the office is a 行政机关 that may be entrusted (counter.documents.acceptance.OrganAnswer)
ORGAN_ANSWERS = ("yes", "no")

OFFICE_HELP = {
    "office_name": tr("本单位名称，印在本单位文书的抬头和落款，如 兴安盟政务服务中心"),
    "office_name_mn": tr("本单位名称的蒙古文，印在文书抬头的汉文名称之上；未设则只印汉文"),
    "seal_caption": tr("印章名称，印在落款的盖章处，如 兴安盟政务服务中心政务服务专用章"),
    "consult_phone": tr("咨询电话，印在承办人旁；办事指南未写电话的，也是进度查询的电话，如 0482-8261008"),
    "complaint_phone": tr("投诉电话，如 12345（办事指南写有投诉电话的，印指南的）"),
    "address": tr("本单位地址：申请人办事、取件和邮寄补交材料的地方（乡镇中心的文书一律印它）"),
    "hours": tr("办理时间，如 星期一至星期五 08:30-11:30 14:30-17:30（法定节假日除外）"),
    "review_body": tr("本单位自己作出的决定（如不予受理）的行政复议机关，如 兴安盟行政公署"),
    "court": tr("本单位自己作出的决定的行政诉讼法院，如 乌兰浩特市人民法院"),
    "progress_url_base": tr(
        "进度查询网址的前半部分：文书上的二维码是它后接办件编号，须是本地政务服务网给出的地址；未设定的，文书不印二维码"
    ),
    "online_portal": tr("网上办事平台的名称，印在网上补交材料的说明中，如 兴安盟政务服务网"),
    "rights_overrides": tr(
        "权利告知的例外：部门全称=复议机关|法院，多条用“；”隔开（法院可空，文书则写“有管辖权的人民法院”），"
        "如 乌兰浩特市消防救援大队=兴安盟消防救援支队|乌兰浩特市人民法院"
    ),
    "office_level": tr(
        "本单位的层级：region 自治区，league 盟市（盟中心），county 旗县市区（旗县市区中心），township 苏木乡镇"
    ),
    "entrustments": tr(
        "委托受理协议：部门全称=协议名称、文号及日期，多条用“；”隔开；登记了协议的部门，"
        "文书写明依协议受其委托受理，没有协议的部门本单位只作收件窗口"
    ),
    "department_contacts": tr(
        "部门的承办人和电话：部门全称=承办人|电话，多条用“；”隔开；印在以部门名义出具的不予批准决定书上，"
        "没有登记的部门留空线手写"
    ),
    "administrative_organ": tr(
        "本单位是否为可受委托实施行政许可的行政机关（按司法局意见）：yes 是，可以委托部门的名义出具文书；"
        "no 否，只收件并转送部门受理；未设定前不以委托部门的名义出具行政许可文书"
    ),
}
#: the levels whose place, government and court the site knows, as the helps of their three options name them
LEVEL_NAME = {
    "region": tr("自治区"),
    "league": tr("盟市"),
    "county": tr("旗县市区"),
    "township": tr("苏木乡镇"),
}
#: an example of each level's place and government, as a league hall's settings give them
LEVEL_EXAMPLE = {
    "region": (tr("内蒙古自治区"), tr("内蒙古自治区人民政府")),
    "league": (tr("兴安盟"), tr("兴安盟行政公署")),
    "county": (tr("乌兰浩特市"), tr("乌兰浩特市人民政府")),
    "township": (tr("某某镇"), tr("某某镇人民政府")),
}
GROUP_OFFICE = tr("本单位（印在文书上）")
GROUP_RIGHTS = tr("告知权利的复议机关和法院（按作出决定的部门所在层级）")
GROUP_DEPARTMENTS = tr("以部门名义受理和出具文书")
OFFICE_DESCRIPTION = tr(
    "查看或修改本站点印在文书上的单位信息：不带选项时列出现有设定；给出的选项各改一项，其余不变。"
    "值为空的选项不作改动（清空某项请在窗口的 F8 →“单位信息”中进行）。"
    "必填项为空、例外、委托受理协议或部门联系人有一条写法不对、蒙古文名称无法打印的，逐条指出，一项也不保存。"
)
PLACE_HELP = tr("{level}的地名，如 {place}：补全该级部门名称中的地名；未设则该级未知，部门名称保留占位")
GOVERNMENT_HELP = tr("{level}人民政府的全称：该级部门作出决定的行政复议机关，如 {government}")
COURT_HELP = tr("{level}部门所在地的人民法院（行政诉讼）；未设则文书写“有管辖权的人民法院”")


def office_help(name: str) -> str:
    """What the office setting ``name`` is and how to write it."""
    level, _, part = name.partition("_")
    if level in LEVEL_NAME and part in ("place", "government", "court"):
        place, government = LEVEL_EXAMPLE[level]
        said = {"place": PLACE_HELP, "government": GOVERNMENT_HELP, "court": COURT_HELP}[part]
        return said.format(level=LEVEL_NAME[level], place=place, government=government)
    return OFFICE_HELP[name]


def _group(name: str) -> str:
    """The heading ``-h`` lists the setting ``name`` under, as the window's form groups them."""
    if name.partition("_")[0] in LEVEL_NAME or name in ("review_body", "court", "rights_overrides"):
        return GROUP_RIGHTS
    if name in ("entrustments", "department_contacts", "administrative_organ"):
        return GROUP_DEPARTMENTS
    return GROUP_OFFICE


def add_office_options(p: argparse.ArgumentParser) -> None:
    """An option for each office setting (``--office-name TEXT``…), its value in ``args.<setting>``; not given, the
    setting stays as it is.  ``-h`` lists them under three headings; the usage line keeps the settings' order."""
    groups: dict[str, argparse._ArgumentGroup] = {}
    for name in OFFICE_FIELDS:
        heading = _group(name)
        if heading not in groups:
            groups[heading] = p.add_argument_group(heading)
        group = groups[heading]
        option, helped = f"--{name.replace('_', '-')}", office_help(name)
        if name == "office_level":  # the hall's own level: one of the catalog's levels, as the form offers them
            group.add_argument(option, dest=name, choices=[level.value for level in AdminLevel], help=helped)
        elif name == "administrative_organ":
            group.add_argument(option, dest=name, choices=ORGAN_ANSWERS, help=helped)
        else:
            group.add_argument(option, dest=name, metavar="TEXT", help=helped)
