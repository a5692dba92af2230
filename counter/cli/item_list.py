"""``counter catalog pull``: the region's 实施清单 fetched from its 事项库 and imported as 待核 guides.

What publishing each would change is printed, for the administrator to read before ``counter catalog publish``.
The 事项库's address, account and secret are those of the machine that runs the pull (its environment:
``COUNTER_ITEM_LIST_URL``, ``COUNTER_ITEM_LIST_ACCOUNT``, ``COUNTER_ITEM_LIST_SECRET``; the secret kept out of the
shell's history and the process list); an address and account given here are this process's own, for a township
that pulls itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from counter.cli.arguments import add_json
from counter.cli.catalog_problems import report_problems
from counter.cli.common import EXIT_OK, EXIT_PROBLEM, Reported, desk, open_service, print_json
from counter.words.punctuation import LIST_JOIN
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.catalog.import_result import PullFailure
    from counter.catalog.publication import PublicationPreview

CHANGES = {
    "materials_added": tr("  新增材料：{names}"),
    "materials_removed": tr("  删去材料：{names}"),
    "materials_changed": tr("  内容有改动的材料：{names}"),
    "items_added": tr("  新增事项：{names}"),
    "items_removed": tr("  删去事项：{names}"),
    "items_changed": tr("  内容有改动的事项：{names}"),
}


def add_pull_command(catalog: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    """Under ``counter catalog``."""
    p = catalog.add_parser(
        "pull", parents=[common], help=tr("从自治区事项库取实施清单，导入为待核指南，并列出发布后的变化")
    )
    p.add_argument(
        "url", nargs="?", metavar="URL", help=tr("事项库地址（只接受 https://；默认取环境变量 COUNTER_ITEM_LIST_URL）")
    )
    p.add_argument(
        "--account",
        help=tr("事项库账号（默认取环境变量 COUNTER_ITEM_LIST_ACCOUNT）；密钥取自环境变量 COUNTER_ITEM_LIST_SECRET"),
    )
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help=tr("超时秒数（默认 30）"))
    add_json(p)
    p.set_defaults(func=cmd_pull)


def cmd_pull(args: argparse.Namespace) -> int:
    from counter.host.outward.item_list import SOURCE_ENV
    from counter.service.catalog import PULL_ITEM_LIST, PullItemList

    url_env, account_env, _ = SOURCE_ENV
    for name, given in ((url_env, args.url), (account_env, args.account)):
        if given is not None:
            os.environ[name] = given  # this process runs the pull: its own settings, as a server's are its own
    service = open_service(args)
    pulled = service.call(PULL_ITEM_LIST, PullItemList(args.timeout), desk())
    if pulled.failure is not None:
        raise Reported(
            tr("没有取到实施清单（{why}）：目录未作任何改动。").format(
                why=_failure_text(pulled.failure, pulled.status, args.timeout)
            )
        )
    assert pulled.outcome is not None  # fetched: imported, or refused with its problems
    if pulled.outcome.report is None:
        report_problems(pulled.outcome.problems, args.json)
        print(tr("实施清单未通过校验，未导入任何内容。"), file=sys.stderr)
        return EXIT_PROBLEM
    report = pulled.outcome.report
    if args.json:
        print_json(
            {
                "ok": True,
                "new_versions": list(report.new_versions),
                "unchanged": report.unchanged,
                "changes": {code: _changes_json(preview) for code, preview in pulled.previews},
            }
        )
        return EXIT_OK
    print(
        tr("已从事项库导入：{count} 个一件事生成待核指南，{unchanged} 个未变化。").format(
            count=len(report.new_versions), unchanged=report.unchanged
        )
    )
    for _code, preview in pulled.previews:
        print("\n".join(_change_lines(preview)))
    return EXIT_OK


def _failure_text(failure: PullFailure, status: int, timeout: float) -> str:
    """Why no list came, in words: the log has what exactly went wrong, for support."""
    from counter.catalog.import_result import PullFailure

    return {
        PullFailure.NOT_HTTPS: tr("事项库地址须以 https:// 开头，未发出请求"),
        PullFailure.REFUSED: tr("事项库拒绝了请求，答复码 {status}").format(status=status),
        PullFailure.UNTRUSTED: tr("对方的证书不是事项库的，未发出请求"),
        PullFailure.UNREACHABLE: tr("连不上事项库，或 {timeout:g} 秒内没有答复").format(timeout=timeout),
        PullFailure.TOO_LARGE: tr("事项库的答复过大，不是一份实施清单"),
        PullFailure.NOT_WORKBOOK: tr("事项库的答复不是实施清单工作簿"),
    }[failure]


def _change_lines(preview: PublicationPreview) -> list[str]:
    head = tr("{name}：待核第{draft}版").format(name=preview.name, draft=preview.draft_version)
    if preview.changes is None:
        return [head + tr("，此前没有发布过，没有可对照的版本")]
    lines = [head + tr("，与已发布的第{version}版相比：").format(version=preview.published_version)]
    for key, sentence in CHANGES.items():
        names = getattr(preview.changes, key)
        if names:
            lines.append(sentence.format(names=LIST_JOIN.join(names)))
    if len(lines) == 1:
        lines.append(tr("  材料和事项没有变化"))
    return lines


def _changes_json(preview: PublicationPreview) -> dict[str, Any]:
    changes = preview.changes
    return {
        "name": preview.name,
        "draft_version": preview.draft_version,
        "published_version": preview.published_version,
        **({key: list(getattr(changes, key)) for key in CHANGES} if changes is not None else {}),
    }
