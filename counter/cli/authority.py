"""``counter site authority``: which items this site decides itself, and which a department entrusted to its window.

Without either, the window decides no item (:mod:`counter.access.authority`): the departments do, at their own
desks.  The administrator records a department's written 授权 (``--entrust CODE=文书``, the 文书 naming its 文号 and
date, with ``--acts`` naming the acts it covers: 许可法 第二十四条 entrusts "在委托范围内") or the site's own power
(``--hold CODE``), and takes either back (``--release CODE``); with no option the command shows the setting.
Codes are the catalog's, whole (``152201-YJS008-02``) or without the area (``YJS008-02``): the command says which
items each matched, and refuses a code the catalog lacks, naming it.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from counter.case.site_authority import (
    ACT_NAMES,
    AuthorityProblem,
    AuthorityRefused,
    EntrustedAct,
    SiteAuthority,
    act_list,
    acts_named,
)
from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, Reported, desk, open_service, print_json
from counter.parties.text import TextField, check_text
from counter.words.translate import tr

_PROBLEM = {
    AuthorityProblem.UNKNOWN_CODE: tr("事项目录中没有实施编码为“{code}”的事项，未作任何更改"),
    AuthorityProblem.VERTICAL_HELD: tr(
        "“{code}”是实行垂直领导的部门（税务、海关等）的事项，本中心不能自行决定，未作任何更改"
    ),
    AuthorityProblem.VERTICAL_ENTRUSTED: tr(
        "“{code}”是实行垂直领导的部门（税务、海关等）的事项，不能委托本中心以其名义办理，未作任何更改"
    ),
    AuthorityProblem.LICENCE_ORGAN_UNANSWERED: tr(
        "“{code}”是行政许可事项，只有行政机关才能以自己的名义实施；司法局确认本中心为行政机关前（“单位信息”中的"
        "“本单位是否为行政机关”设为“是”），本中心对它只负责收件，未作任何更改"
    ),
    AuthorityProblem.NO_AGREEMENT: tr(
        "“{code}”的授权文书须写明文号和日期（如：兴市监授〔2026〕3号，2026年3月2日），未作任何更改"
    ),
    AuthorityProblem.NO_ACTS: tr(
        "“{code}”的委托须写明委托协议所列的行为（--acts，可写：{acts}，以逗号分隔），未作任何更改"
    ),
}
_ACT_UNKNOWN = tr("--acts 中的“{name}”不是可以委托的行为，可写：{acts}，未作任何更改")


def _acts(given: list[str]) -> tuple[EntrustedAct, ...]:
    """The acts ``--acts`` names (the legal terms, as the agreement lists them), each once in the law's order; a name
    that is none refused, named (held to a note's rules first: a name written back is shown, never a control)."""
    from counter.words.texts import text_problem_text

    for value in given:
        checked = check_text(value, TextField.NOTE)
        if checked.problem is not None:
            problem = text_problem_text(checked.problem, checked.detail)
            raise Reported(tr("--acts：{problem}，未作任何更改").format(problem=problem))
    found, unknown = acts_named(given)
    if unknown:
        raise Reported(_ACT_UNKNOWN.format(name=unknown[0], acts=act_list(EntrustedAct)))
    return tuple(act for act in ACT_NAMES if act in found)


#: an item held or entrusted whose department sits at another level than the site (counter.case.site_authority)
_CROSS_LEVEL = tr(
    "注意：{code} 的实施主体{department}是{level}部门，与本中心不在同一层级。《兴安盟政务服务标准化管理办法》"
    "第三十二条所说的是部门委托同级政务服务部门；跨层级的，只能以该部门书面委托本中心的文书为据，"
    "请核对所登记的授权文书确由该部门作出、载明委托本中心及所委托的事项。"
)
_LEVEL = {"region": tr("自治区级"), "league": tr("盟级"), "county": tr("旗县市区级"), "township": tr("苏木乡镇级")}
_FORM = tr("--entrust 应写作“实施编码=授权文书”，{missing}，未作任何更改")


def _missing_part(sep: str, code: str, text: str) -> str:
    """Which part of an ``--entrust`` value is not there, in words."""
    if not sep:
        return tr("缺少“=”")
    return tr("缺少实施编码") if not code.strip() else tr("缺少授权文书")


def _check_code(code: str) -> None:
    """A code holding a character no catalog code has (a control character, an invisible one) refused, the character
    named: the catalog's refusal of an unknown code writes the code back, and a terminal would act on it."""
    from counter.words.texts import text_problem_text

    checked = check_text(code, TextField.NOTE)
    if checked.problem is not None:
        problem = text_problem_text(checked.problem, checked.detail)
        raise Reported(tr("实施编码：{problem}，未作任何更改").format(problem=problem))


def add_authority_command(site: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    """Under ``counter site``."""
    p = site.add_parser(
        "authority", parents=[common], help=tr("本中心自行决定的事项，及部门书面授权窗口代为录入的事项（系统管理员）")
    )
    p.add_argument(
        "--hold", action="append", default=[], metavar="CODE", help=tr("本中心自行作出决定的事项实施编码，可重复")
    )
    p.add_argument(
        "--entrust",
        action="append",
        default=[],
        metavar="CODE=TEXT",
        help=tr("部门书面授权窗口代为录入的事项：实施编码=授权文书（文号、日期），可重复；须同时写 --acts"),
    )
    p.add_argument(
        "--acts",
        action="append",
        default=[],
        metavar="ACTS",
        help=tr(
            "本次 --entrust 的委托协议所列的行为，以逗号分隔：受理、补正、不予受理、决定、核查、撤销；"
            "未列的行为由部门自行作出"
        ),
    )
    p.add_argument("--release", action="append", default=[], metavar="CODE", help=tr("取消以上两项，可重复"))
    add_json(p)
    p.set_defaults(func=cmd_site_authority)


def cmd_site_authority(args: argparse.Namespace) -> int:
    from counter.service.department_items import CHANGE_AUTHORITY, SITE_AUTHORITY, ChangeAuthority
    from counter.service.requests import SiteCode
    from counter.words.texts import text_problem_text

    service, by = open_service(args), desk()
    site = by.identity.site_code
    for code in (*args.hold, *args.release):
        _check_code(code)
    entrusted = []
    for line in args.entrust:
        code, sep, text = line.partition("=")
        if not sep or not code.strip() or not text.strip():  # what is missing is named; the line, control
            # characters and all, is not echoed back (a bell or an escape pasted in would act on the terminal)
            raise Reported(_FORM.format(missing=_missing_part(sep, code, text)))
        _check_code(code)
        checked = check_text(text, TextField.NOTE)
        if checked.problem is not None:  # named as the window names it; the text itself, control characters and
            # all, is not echoed back
            problem = text_problem_text(checked.problem, checked.detail)
            raise Reported(tr("授权文书（{code}）：{problem}").format(code=code.strip(), problem=problem))
        entrusted.append((code.strip(), checked.value))
    acts = _acts(args.acts)
    if acts and not entrusted:
        raise Reported(tr("--acts 写的是委托协议所列的行为，须与 --entrust 一起使用，未作任何更改"))

    if args.hold or entrusted or args.release:
        hold, release = tuple(c.strip() for c in args.hold), tuple(c.strip() for c in args.release)
        change = ChangeAuthority(site, hold, tuple(entrusted), release, acts)
        try:
            held = service.call(CHANGE_AUTHORITY, change, by)
        except AuthorityRefused as err:
            every = act_list(EntrustedAct)
            lines = (_PROBLEM[AuthorityProblem(why)].format(code=code, acts=every) for code, why in err.problems)
            raise Reported("\n".join(lines)) from err
    else:
        held = service.call(SITE_AUTHORITY, SiteCode(site), by)
    return _show(args, site, held)


def _show(args: argparse.Namespace, site: str, held: SiteAuthority) -> int:
    """The setting after the change (or as it is), and the items each typed code matched."""
    matched = [
        {"typed": m.typed, "code": m.code, "name": m.name, "bundle": m.bundle, "department": m.department}
        for m in held.matched
    ]
    crossing = [{"code": c.code, "department": c.department, "level": c.level} for c in held.cross_level]
    if args.json:
        entrusted = sorted(held.entrusted)
        acts_json = {code: [ACT_NAMES[a] for a in ACT_NAMES if a in held.acts_of(code)] for code in entrusted}
        found = {"site": site, "site_items": sorted(held.site_items), "entrusted": held.entrusted}
        print_json({**found, "acts": acts_json, "matched": matched, "cross_level": crossing})
        return EXIT_OK
    _print_setting(held, matched, crossing)
    return EXIT_OK


def _print_setting(held: SiteAuthority, matched: list[dict[str, str]], crossing: list[dict[str, str]]) -> None:
    """The setting as lines: the codes matched, the items held and entrusted, and each cross-level one noted."""
    for row in matched:
        print(tr("{typed} 对应事项：{code} {name}（{bundle}；实施主体：{department}）").format(**row))
    for code in sorted(held.site_items):
        print(tr("{code}  本中心自行决定").format(code=code))
    for code, text in sorted(held.entrusted.items()):
        acts = act_list(held.acts_of(code))
        print(tr("{code}  部门授权窗口代为录入：{text}（委托的行为：{acts}）").format(code=code, text=text, acts=acts))
    for row in crossing:  # said when it is set, not left to be found on a paper (counter.case.site_authority)
        level = _LEVEL.get(row["level"], row["level"])
        print(_CROSS_LEVEL.format(code=row["code"], department=row["department"], level=level), file=sys.stderr)
    if not held.site_items and not held.entrusted:
        print(tr("本中心没有自行决定或受部门授权代为录入的事项：各事项均由实施部门在本系统作出决定。"))
