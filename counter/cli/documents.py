"""The document commands: ``counter print`` (a case's notices), ``counter notice`` (a guide notice),
``counter form`` (a guide's blank forms and 示范样表) and ``counter office`` (the site's details printed on every
document)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from counter.cli.arguments import PAPER_OUT_HELP, add_bundle, add_case_no, add_json
from counter.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    Reported,
    UsageError,
    add_today,
    desk,
    open_service,
    print_json,
)
from counter.cli.office_options import OFFICE_DESCRIPTION, OFFICE_FIELDS, add_office_options
from counter.cli.paper_out import own_out_folder, paper_out_ready, write_paper
from counter.words.documents import paper_title
from counter.words.punctuation import MARK_JOIN
from counter.words.translate import tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from counter.cli.common import Commands
    from counter.documents.made import MadeDocument
    from counter.service.local import Service

CASE_DOCUMENTS = (
    "application", "receipt", "deferral", "pledge", "correction", "refusal", "denial", "acceptance", "supplement",
    "item_refusal", "service",
)  # fmt: skip
#: the case's papers of the 受理 stage, each named from the one table of paper names by standing (paper_title)
INTAKE_PAPERS = ("application", "receipt", "deferral", "pledge", "correction", "refusal")
DOC_HELP = tr("哪一种文书：{papers}；一个事项的（须 --item）：{items}；service {service}（第几次见 --hand-over）")
DOC_RECEIVED = tr("{kind} {paper}（只负责收件的窗口出具的为{received}）")
DOC_ITEMS = tr(
    "denial {denial}，acceptance 部门的{acceptance}，supplement {supplement}，item_refusal 部门的{item_refusal}"
)


def doc_help() -> str:
    """What --doc takes, each paper named as it heads itself by the hall's standing, from the one table
    (:func:`counter.words.documents.paper_title`): a 收件 hall's 补齐材料告知书 is never called 补齐补正通知书."""
    papers = []
    for kind in INTAKE_PAPERS:
        paper, received = paper_title(kind, False), paper_title(kind, True)
        shown = (
            DOC_RECEIVED.format(kind=kind, paper=paper, received=received) if received != paper else kind + " " + paper
        )
        papers.append(shown)
    items = DOC_ITEMS.format(
        **{kind: paper_title(kind, False) for kind in ("denial", "acceptance", "supplement", "item_refusal")}
    )
    return DOC_HELP.format(papers=MARK_JOIN.join(papers), items=items, service=paper_title("service", False))


PRINTER_HELP = tr("打印机名称；不写名称用默认打印机")
NOWHERE = tr("请用 --out FILE.pdf 保存，或用 --printer NAME 打印（NAME 为空表示默认打印机）")

T = TypeVar("T")


def add_document_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("print", parents=[common], help=tr("出具或重打办件文书：保存为 PDF 或送打印机"))
    add_case_no(p)
    p.add_argument("--doc", required=True, choices=CASE_DOCUMENTS, metavar="KIND", help=doc_help())
    p.add_argument(
        "--item", default="", metavar="CODE", help=tr("不予批准决定书、部门受理通知书：哪一个事项的（事项实施编码）")
    )
    p.add_argument("--hand-over", type=int, default=1, metavar="N", help=tr("送达回证：第几次送达的（默认1）"))
    add_paper_options(p)
    p.add_argument(
        "--ofd", metavar="FILE.ofd", help=tr("同一份文书另存为 OFD 版式文件（GB/T 33190，字体嵌入），内容与 PDF 相同")
    )
    add_today(p)
    p.set_defaults(func=cmd_print)
    p = commands.add_parser("notice", parents=[common], help=tr("一次性告知单：某一件事的办事指南，给只来咨询的群众"))
    add_bundle(p)
    add_paper_options(p)
    add_today(p)
    p.set_defaults(func=cmd_guide_notice)
    p = commands.add_parser("form", parents=[common], help=tr("办事指南中需申请人填写的表格：空白表格或示范样表"))
    add_bundle(p)
    p.add_argument(
        "material", nargs="?", default="", metavar="CODE", help=tr("表格的材料编码；不写则列出该一件事的全部表格")
    )
    p.add_argument("--sample", action="store_true", help=tr("打印示范样表（默认打印空白表格）"))
    p.add_argument("--all", action="store_true", help=tr("把全部表格的空白表格和示范样表写入 --out 目录"))
    p.add_argument("--out", metavar="FILE.pdf|DIR", help=tr("一张表格保存为该 PDF 文件；与 --all 一起为写入的文件夹"))
    add_today(p)
    p.set_defaults(func=cmd_form)
    p = commands.add_parser(
        "office",
        parents=[common],
        help=tr("本站点的单位信息（印在文书上）：查看或修改"),
        description=OFFICE_DESCRIPTION,
    )
    add_office_options(p)
    add_json(p)
    p.set_defaults(func=cmd_office)


def add_paper_options(
    p: argparse.ArgumentParser, out_help: str = PAPER_OUT_HELP, printer_help: str = PRINTER_HELP
) -> None:
    """``--out FILE.pdf`` and ``--printer [NAME]``: where :func:`deliver` sends the paper (NAME left out: the default
    printer), the one pair of options wherever a command makes a paper."""
    p.add_argument("--out", metavar="FILE.pdf", help=out_help)
    p.add_argument("--printer", metavar="NAME", nargs="?", const="", help=printer_help)


def paper_wanted(args: argparse.Namespace, nowhere: str = NOWHERE) -> None:
    """Misuse unless ``--out`` or ``--printer`` says where the paper goes, and refused if ``--out`` cannot take it
    (:func:`counter.cli.paper_out.paper_out_ready`): a paper made takes its number and is recorded as issued, so it is
    never made to go nowhere."""
    package = getattr(args, "ofd", None)  # `print` alone takes an OFD as well
    if not args.out and args.printer is None and not package:
        raise UsageError(nowhere)
    paper_out_ready(args.out)
    if package:
        paper_out_ready(package)


def paper_faults(run: Callable[[], T], case_no: str = "", item: str = "") -> T:
    """Make a paper; the numbers behind those issued, or a paper the case (its ``item``) cannot have, as the
    sentences the window shows too."""
    from counter.case.number_faults import NumbersBehind
    from counter.documents.model import DocumentNotPossible
    from counter.words.at_command_line import document_numbers_behind_text
    from counter.words.documents import document_problems_text

    try:
        return run()
    except NumbersBehind as err:
        raise Reported(document_numbers_behind_text(err.last_issued, err.where, err.note)) from err
    except DocumentNotPossible as err:
        reasons = document_problems_text(err.problems, err.unnamed)
        if item:
            said = tr("办件 {case_no} 事项 {item} 不能出具这种文书：{reasons}")
        else:
            said = tr("办件 {case_no} 不能出具这种文书：{reasons}")
        raise Reported(said.format(case_no=case_no, item=item, reasons=reasons)) from err


def deliver(args: argparse.Namespace, made: MadeDocument, service: Service) -> int:
    """Write the PDF to --out and/or send it to --printer; every print is recorded (a hand-over's 送达回证 too)."""
    from dataclasses import replace

    from counter.printing.cups import PrintFailed, submit
    from counter.service.documents import RECORD_PRINT, RecordPrint
    from counter.words.printing import print_problem_text

    by = desk()

    def record(target: str, ok: bool, error: str = "") -> None:
        service.call(RECORD_PRINT, RecordPrint(replace(made, pdf=b"", ofd=b""), target, ok, error), by)

    outcome = EXIT_OK
    if args.out:
        out = Path(args.out)
        write_paper(out, made.pdf)
        record(f"file:{out}", ok=True)
        print(f"{made.doc_no}\t{out}")
    if getattr(args, "ofd", None) and made.ofd:  # the same paper as an OFD package (counter.documents.ofd)
        package = Path(args.ofd)
        write_paper(package, made.ofd)
        record(f"file:{package}", ok=True)
        print(f"{made.doc_no}\t{package}")
        from counter.words.paper_seals import province_unsealed_text, sealed_ofd_text, unsealed_ofd_text

        if made.ofd_sealed_by:
            print(sealed_ofd_text(made.ofd_sealed_by), file=sys.stderr)
        elif made.ofd_seal_fault:  # the province's system did not seal it: said why, the paper printed as ever
            print(province_unsealed_text(made.ofd_seal_fault, made.ofd_seal_missing), file=sys.stderr)
        elif made.ofd_seal_missing:  # made unsealed, and said: it cannot stand for the sealed paper
            print(unsealed_ofd_text(made.ofd_seal_missing), file=sys.stderr)
    if args.printer is not None:
        try:
            job = submit(made.pdf, args.printer, made.title)
        except PrintFailed as err:
            record(f"printer:{err.printer or args.printer}", ok=False, error=str(err))
            print(print_problem_text(err.problem, err.printer or args.printer, err.detail), file=sys.stderr)
            outcome = EXIT_PROBLEM
        else:
            record(f"printer:{args.printer or 'default'}", ok=True)
            print(f"{made.doc_no}\t{job}")
    if made.check_dates:
        provisional = tr("注意：文书上的日期为暂定日期，按法定节假日推算，已注明以国务院办公厅公布的安排为准。")
        print(provisional, file=sys.stderr)
    return outcome


def cmd_print(args: argparse.Namespace) -> int:
    from counter.documents.kinds import DocumentKind
    from counter.service.documents import MAKE_CASE_PAPERS, CasePapers

    paper_wanted(args)
    service, by = open_service(args), desk()
    kind = DocumentKind(args.doc)
    numbered = kind in (DocumentKind.SERVICE_RECEIPT, DocumentKind.DATE_NOTICE)  # which hand-over, which change
    papers = CasePapers(args.case_no, (kind,), args.item.strip(), args.hand_over if numbered else 0, bool(args.ofd))
    # a receipt of several issuing bodies: one each
    made_all = paper_faults(lambda: service.call(MAKE_CASE_PAPERS, papers, by), args.case_no, papers.item_code)
    outcome = EXIT_OK
    for n, made in enumerate(made_all):  # the second body's paper to FILE-2.pdf, and so on
        out, package = (Path(args.out) if args.out else None), (Path(args.ofd) if args.ofd else None)
        each = argparse.Namespace(
            **{
                **vars(args),
                "out": str(out.with_stem(f"{out.stem}-{n + 1}")) if out and n else args.out,
                "ofd": str(package.with_stem(f"{package.stem}-{n + 1}")) if package and n else args.ofd,
            }
        )
        outcome = max(outcome, deliver(each, made, service))
    return outcome


def cmd_guide_notice(args: argparse.Namespace) -> int:
    from counter.documents.made import GuideNotFound
    from counter.service.documents import MAKE_GUIDE_NOTICE, GuideOf

    paper_wanted(args)
    service = open_service(args, catalog=True)
    # the bundle named as ``catalog show`` takes it: code, number, name or pinyin initials
    notice = GuideOf(args.bundle.strip(), find=True)
    try:
        made = paper_faults(lambda: service.call(MAKE_GUIDE_NOTICE, notice, desk()))
    except GuideNotFound as err:
        raise Reported(
            tr("一件事 {bundle_code} 不存在或指南未发布，不能出具一次性告知单").format(bundle_code=err.bundle_code)
        ) from err
    return deliver(args, made, service)


def cmd_form(args: argparse.Namespace) -> int:
    """One form to --out, every form of the bundle (blank and sample) into the folder --out, or the list of forms."""
    from counter.documents.form_paper import FormNotFound
    from counter.documents.made import GuideNotFound
    from counter.service.documents import GUIDE_FORMS, MAKE_FORMS, GuideOf, MakeForms

    if (args.material or args.all) and not args.out:
        raise UsageError(tr("请用 --out 指定保存的文件（--all 时为目录）"))
    if args.material and args.all:
        raise UsageError(tr("--all 打印全部表格，不再写材料编码"))
    if args.material:
        paper_out_ready(args.out)  # one form's file, checked first as every paper's
    service = open_service(args, catalog=True)
    by = desk()
    try:  # the bundle named as ``catalog show`` takes it: code, number, name or pinyin initials
        found = service.call(GUIDE_FORMS, GuideOf(args.bundle.strip(), find=True), by)
        code, listed = found.bundle_code, found.forms
        if not args.material and not args.all:
            for material_code, name in listed:
                print(f"{material_code}\t{name}")
            return EXIT_OK
        chosen = tuple(m for m, _ in listed) if args.all else (args.material.strip(),)
        samples = (False, True) if args.all else (args.sample,)
        made = service.call(MAKE_FORMS, MakeForms(code, chosen, samples), by)
    except GuideNotFound as err:
        raise Reported(
            tr("一件事 {bundle_code} 不存在或没有办事指南，不能打印表格").format(bundle_code=err.bundle_code)
        ) from err
    except FormNotFound as err:
        raise Reported(
            tr("一件事 {bundle_code} 的办事指南中没有需填写的表格 {material}").format(
                bundle_code=err.bundle_code, material=err.material_code
            )
        ) from err
    if args.all:
        own_out_folder(Path(args.out))
    for paper in made:
        if args.all:
            out = Path(args.out) / f"{paper.bundle_code}-{paper.material_code}-{paper.kind.value}.pdf"
        else:
            out = Path(args.out)
        write_paper(out, paper.pdf)
        print(f"{paper.material_code}\t{paper.kind.value}\t{out}")
    return EXIT_OK


def cmd_office(args: argparse.Namespace) -> int:
    from dataclasses import asdict, replace

    from counter.documents.office_check import OfficeRefused
    from counter.service.documents import READ_OFFICE, SAVE_OFFICE, SaveOffice
    from counter.service.requests import SiteCode
    from counter.words.office import office_refused_text, paper_blanks_lines

    service, by = open_service(args), desk()
    site = by.identity.site_code
    changes = {name: getattr(args, name) for name in OFFICE_FIELDS if getattr(args, name)}  # "" changes nothing
    settings = service.call(READ_OFFICE, SiteCode(site), by)
    if changes:
        settings = replace(settings, **changes)
        try:
            blanks = service.call(SAVE_OFFICE, SaveOffice(site, settings), by)
        except OfficeRefused as err:  # every problem named, as the window's 单位信息 page names them; nothing saved
            raise Reported(office_refused_text(err)) from err
        for line in paper_blanks_lines(blanks):  # saved; what the papers would still print blank, by name
            print(line, file=sys.stderr)
        settings = service.call(READ_OFFICE, SiteCode(site), by)  # as kept
    if args.json:
        print_json({"site_code": site, **asdict(settings)})
    else:
        for key, value in asdict(settings).items():
            print(f"{key}: {value}")
    return EXIT_OK
