"""``counter site rules``: the hall's intake rules — the 容缺 margin and the 补正 period — shown or changed.

The same rules as the supervisor's 受理设置 page (:mod:`counter.intake.rules`), kept in the database so every desk
decides alike; a change needs the permission to change settings and goes on the audit trail.  Like ``counter office``,
the command shows the rules and changes those given as options.
"""

from __future__ import annotations

import argparse
from typing import Any

from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, Reported, desk, open_service, print_json
from counter.words.translate import tr


def add_intake_rule_commands(site: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    """Under ``counter site``."""
    p = site.add_parser(
        "rules", parents=[common], help=tr("本中心的受理规则：容缺补交期限后留给部门的工作日数、补正期限（查看或修改）")
    )
    p.add_argument(
        "--deferral-margin",
        type=int,
        metavar="N",
        help=tr("容缺材料补交期限届满后留给部门审查的工作日数（0-10），承诺办结日不足时顺延"),
    )
    p.add_argument("--correction-period", type=int, metavar="N", help=tr("补正期限，工作日（1-60）"))
    add_json(p)
    p.set_defaults(func=cmd_site_rules)


def cmd_site_rules(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from counter.cli.phrases import SITE_RULES_MARGIN, SITE_RULES_PERIOD
    from counter.intake.rules import RulesRefused
    from counter.service.intake import READ_INTAKE_RULES, SAVE_INTAKE_RULES, SaveIntakeRules
    from counter.service.requests import Nothing
    from counter.words.intake import rule_problem_text

    changes = {
        name: value
        for name, value in (
            ("deferral_margin_days", args.deferral_margin),
            ("correction_period_days", args.correction_period),
        )
        if value is not None
    }

    service = open_service(args)
    by = desk()
    rules = service.call(READ_INTAKE_RULES, Nothing(), by)
    try:
        if changes:
            rules = replace(rules, **changes)
            service.call(SAVE_INTAKE_RULES, SaveIntakeRules(rules), by)
    except RulesRefused as err:
        raise Reported("\n".join(rule_problem_text(p) for p in err.problems)) from err
    if args.json:
        print_json(
            {"deferral_margin_days": rules.deferral_margin_days, "correction_period_days": rules.correction_period_days}
        )
        return EXIT_OK
    print(SITE_RULES_MARGIN.format(days=rules.deferral_margin_days))
    print(SITE_RULES_PERIOD.format(days=rules.correction_period_days))
    return EXIT_OK
