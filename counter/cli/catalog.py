"""The catalog commands: ``counter catalog list|show|find|validate|review|import|publish|draft-intake|template``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter.cli import phrases
from counter.cli.arguments import add_bundle, add_json
from counter.cli.catalog_problems import problem_json, report_problems
from counter.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    Reported,
    desk,
    open_service,
    print_json,
)
from counter.cli.item_list import add_pull_command
from counter.words.catalog_problems import problem_text
from counter.words.catalog_review import REVIEW_HELP
from counter.words.files import file_fault
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.catalog.search import SearchEntry, SearchHit
    from counter.cli.common import Commands

CATALOG_PATH_HELP = tr(
    "目录：一件事的 .toml 文件、放这些文件的文件夹，或 .xlsx 工作簿（counter catalog template 生成的格式）"
)


def add_catalog_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    catalog = commands.add_parser(
        "catalog", parents=[common], help=tr("事项目录：列表、查看、校验、导入")
    ).add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    p = catalog.add_parser("list", parents=[common], help=tr("列出全部一件事"))
    add_json(p)
    p.set_defaults(func=cmd_catalog_list)
    p = catalog.add_parser("show", parents=[common], help=tr("显示一件事的办事指南（编码、序号、名称或拼音）"))
    add_bundle(p)
    add_json(p)
    p.set_defaults(func=cmd_catalog_show)
    p = catalog.add_parser(
        "find", parents=[common], help=tr("像窗口的检索框一样查找一件事：汉字、拼音、首字母、别名，容许打错一个字")
    )
    p.add_argument("text", metavar="TEXT", help=tr("检索词：汉字、拼音、拼音首字母或别名，如 小餐馆、xcg"))
    add_json(p)
    p.set_defaults(func=cmd_catalog_find)
    p = catalog.add_parser("validate", parents=[common], help=tr("按第九条、第十条和24项清单校验目录"))
    p.add_argument("path", metavar="PATH", help=CATALOG_PATH_HELP)
    add_json(p)
    p.set_defaults(func=cmd_catalog_validate)
    p = catalog.add_parser("review", parents=[common], help=REVIEW_HELP)
    add_json(p)
    p.set_defaults(func=cmd_catalog_review)
    p = catalog.add_parser(
        "import", parents=[common], help=tr("导入目录文件夹或 .xlsx 工作簿（先校验，全部成功才导入）")
    )
    p.add_argument("path", metavar="PATH", help=CATALOG_PATH_HELP)
    add_json(p)
    p.set_defaults(func=cmd_catalog_import)
    add_pull_command(catalog, common)
    p = catalog.add_parser("publish", parents=[common], help=phrases.CATALOG_PUBLISH_HELP)
    p.add_argument("bundle", metavar="BUNDLE", help=tr("一件事的编码（如 XAM-YJS-063）、序号或完整名称，须完全一致"))
    add_json(p)
    p.set_defaults(func=cmd_catalog_publish)
    p = catalog.add_parser("draft-intake", parents=[common], help=phrases.CATALOG_DRAFT_INTAKE_HELP)
    p.add_argument(
        "allow",
        nargs="?",
        choices=("on", "off"),
        metavar="ON|OFF",
        help=tr("on 允许，off 不允许；不写则只显示现在的设定"),
    )
    add_json(p)
    p.set_defaults(func=cmd_catalog_draft_intake)
    p = catalog.add_parser("template", parents=[common], help=tr("生成 .xlsx 导入模板（含示例行）"))
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help=tr("模板写入的 .xlsx 文件"))
    p.set_defaults(func=cmd_catalog_template)


def cmd_catalog_validate(args: argparse.Namespace) -> int:
    from counter.catalog.check import check_source  # reads the source alone: no database

    result = check_source(Path(args.path))
    if result.problems:
        report_problems(result.problems, args.json)
        return EXIT_PROBLEM
    if args.json:
        warnings = [problem_json(p) for p in result.warnings]
        print_json({"ok": True, "bundles": len(result.bundles), "problems": [], "warnings": warnings})
        return EXIT_OK
    if not result.warnings:
        print(tr("通过：{count} 个一件事，未发现问题。").format(count=len(result.bundles)))
        return EXIT_OK
    print(phrases.CATALOG_VALID_WITH_WARNINGS.format(count=len(result.bundles), warnings=len(result.warnings)))
    for warning in result.warnings:
        print(problem_text(warning))
    return EXIT_OK


def cmd_catalog_review(args: argparse.Namespace) -> int:
    """What the departments must confirm in this site's 待核 guides, one report (:mod:`counter.catalog.review`)."""
    from counter.cli.catalog_review import review_json, review_lines
    from counter.service.catalog import GUIDES_TO_CONFIRM
    from counter.service.requests import SiteCode

    service = open_service(args, catalog=True)
    guides = service.call(GUIDES_TO_CONFIRM, SiteCode(desk().identity.site_code))
    if args.json:
        print_json(review_json(guides))
    else:
        print("\n".join(review_lines(guides)))
    return EXIT_OK


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from counter.service.catalog import IMPORT_SOURCE, ImportSource

    service = open_service(args)
    outcome = service.call(IMPORT_SOURCE, ImportSource(Path(args.path)), desk())
    if outcome.report is None:
        report_problems(outcome.problems, args.json)
        print(tr("未导入任何内容。"), file=sys.stderr)
        return EXIT_PROBLEM
    report = outcome.report
    if args.json:
        print_json(
            {
                "ok": True,
                "import_id": report.import_id,
                "new_versions": list(report.new_versions),
                "unchanged": report.unchanged,
            }
        )
    else:
        print(
            tr("导入完成：{count} 个一件事生成新版本指南，{unchanged} 个未变化。").format(
                count=len(report.new_versions), unchanged=report.unchanged
            )
        )
    return EXIT_OK


def cmd_catalog_publish(args: argparse.Namespace) -> int:
    """Publish a 待核 or 样例 guide, named exactly (code, number or whole name): a slip of the keys publishes
    nothing."""
    from counter.catalog.model import GuideStatus
    from counter.catalog.publication import NotADraft, PublishRefused
    from counter.service.catalog import BUNDLE_NAMED, PUBLISH_GUIDE, BundleNamed
    from counter.service.intake import READ_CURRENT_GUIDE
    from counter.service.requests import BundleCode
    from counter.words.catalog_problems import PUBLISH_REFUSED

    service = open_service(args, catalog=True)
    code = service.call(BUNDLE_NAMED, BundleNamed(args.bundle))
    stored = service.call(READ_CURRENT_GUIDE, BundleCode(code)) if code else None
    if code is None or stored is None:
        raise Reported(phrases.CATALOG_PUBLISH_UNKNOWN.format(bundle=args.bundle))
    try:
        done = service.call(PUBLISH_GUIDE, BundleCode(code), desk())
    except NotADraft as err:
        already = err.status is GuideStatus.PUBLISHED
        wording = phrases.CATALOG_PUBLISH_ALREADY if already else phrases.CATALOG_PUBLISH_NO_GUIDE
        raise Reported(wording.format(name=stored.bundle.name)) from err
    except PublishRefused as err:
        if args.json:
            print_json({"code": code, "problems": [problem_json(p) for p in err.problems]})
            return EXIT_PROBLEM
        lines = [PUBLISH_REFUSED.format(name=stored.bundle.name, count=len(err.problems))]
        raise Reported("\n".join([*lines, *(problem_text(p) for p in err.problems)])) from err
    if args.json:
        print_json({"code": code, "version": done.version, "draft_version": done.draft_version})
    else:
        b = stored.bundle
        print(
            phrases.CATALOG_PUBLISHED.format(
                number=b.number, name=b.name, version=done.version, draft=done.draft_version
            )
        )
    return EXIT_OK


def cmd_catalog_draft_intake(args: argparse.Namespace) -> int:
    """The site's setting for intakes on 待核 guides: shown, or set by an administrator (``on`` / ``off``)."""
    from counter.service.catalog import ALLOW_DRAFT_INTAKE, DRAFT_INTAKE, AllowDraftIntake
    from counter.service.requests import Nothing

    service = open_service(args)
    if args.allow is not None:
        service.call(ALLOW_DRAFT_INTAKE, AllowDraftIntake(args.allow == "on"), desk())
    state = service.call(DRAFT_INTAKE, Nothing())
    if args.json:
        print_json({"site_allows": state.site_allows, "training": state.training, "allowed": state.allowed})
        return EXIT_OK
    print(phrases.CATALOG_DRAFT_INTAKE_ON if state.site_allows else phrases.CATALOG_DRAFT_INTAKE_OFF)
    if state.training:
        print(phrases.CATALOG_DRAFT_INTAKE_TRAINING)
    return EXIT_OK


def cmd_catalog_template(args: argparse.Namespace) -> int:
    from counter.catalog.workbook_writer import write_template

    out = Path(args.out)
    try:
        write_template(out)
    except OSError as err:
        raise Reported(phrases.WRITE_FAILED.format(path=out, error=file_fault(err))) from err
    print(tr("已生成导入模板：{out}").format(out=out))
    return EXIT_OK


def cmd_catalog_list(args: argparse.Namespace) -> int:
    from counter.service.catalog import SEARCH_ENTRIES
    from counter.service.requests import Nothing
    from counter.words.catalog import STATUS_TAG

    service = open_service(args, catalog=True)
    entries = service.call(SEARCH_ENTRIES, Nothing())
    if args.json:
        print_json([_bundle_json(e) for e in entries])
    else:
        for e in entries:
            tag = STATUS_TAG[e.status]
            mark = phrases.CATALOG_FIND_UNPUBLISHED.format(unpublished=tag) if tag else ""
            print(f"{e.number:>3}  {e.bundle_code}  {e.name}{mark}")
    return EXIT_OK


def _bundle_json(e: SearchEntry | SearchHit) -> dict[str, Any]:
    """A bundle as ``catalog list`` and ``catalog find`` print it."""
    return {"code": e.bundle_code, "number": e.number, "name": e.name, "published": e.published,
            "status": e.status.value}  # fmt: skip


def cmd_catalog_find(args: argparse.Namespace) -> int:
    """The window's search for ``text``; exit 1 when nothing matches (the suggestion, if any, is still printed)."""
    from counter.catalog.search import Match
    from counter.cli import phrases
    from counter.service.catalog import FIND_BUNDLES, FindBundles
    from counter.words.catalog import STATUS_TAG
    from counter.words.search import MATCH, SEARCH_SUGGESTION

    service = open_service(args, catalog=True)
    answer = service.call(FIND_BUNDLES, FindBundles(args.text))
    tip = answer.suggestion
    if args.json:
        print_json(
            {
                "query": answer.query,
                "exact": answer.exact,
                "suggestion": None if tip is None else _bundle_json(tip),
                "hits": [{**_bundle_json(h), "match": h.match.value} for h in answer.hits],
            }
        )  # fmt: skip
    else:
        if tip is not None:
            print(SEARCH_SUGGESTION.format(name=tip.name))
        for h in answer.hits:
            tag = STATUS_TAG[h.status]
            unpublished = phrases.CATALOG_FIND_UNPUBLISHED.format(unpublished=tag) if tag else ""
            match = "" if h.match is Match.NAME else phrases.CATALOG_FIND_MATCH.format(match=MATCH[h.match])
            print(phrases.CATALOG_FIND_LINE.format(number=h.number, code=h.bundle_code, name=h.name,
                                                   unpublished=unpublished, match=match))  # fmt: skip
        if not answer.hits:
            print(phrases.CATALOG_FIND_NONE.format(text=args.text), file=sys.stderr)
    return EXIT_OK if answer.hits else EXIT_PROBLEM


def cmd_catalog_show(args: argparse.Namespace) -> int:
    from counter.catalog.document import to_document
    from counter.service.catalog import READ_GUIDE, GuideAsked

    service = open_service(args, catalog=True)
    wanted = args.bundle.strip()
    shown = service.call(READ_GUIDE, GuideAsked(wanted, desk().identity.site_code, found=True))
    if shown is None:
        print(tr("未找到一件事：{wanted}").format(wanted=wanted), file=sys.stderr)
        return EXIT_PROBLEM
    stored, deciders = shown.stored, shown.deciders
    if args.json:
        # aliases always, an empty list included: a script reads one shape (the stored document omits them when none)
        document = {"version_id": stored.version_id, "version": stored.version, "aliases": [],
                    **to_document(stored.bundle)}  # fmt: skip
        for item in document.get("items", []):
            item["decider_name"] = deciders.get(item.get("code", ""), item.get("department", ""))
        print_json(document)
    else:
        from counter.cli.guide_text import guide_as_text

        print(guide_as_text(stored.bundle, stored.version, deciders))
    return EXIT_OK
