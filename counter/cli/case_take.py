"""``counter case take REQUEST.json [--json]``: an intake from a script, as the window takes it.

The file is read by :mod:`counter.intake.request_file` and taken by the service's ``intake.take_from_file``, through
the window's request and action.  The case is printed as ``counter case show`` prints it; otherwise every problem
is listed at once, each at its place in the file (``materials.M05.medium``, ``applicant.id_no``), exit 1.  A file
that cannot be read is exit 1 too; wrong arguments are argparse's exit 2.

Dates: the real day, or with ``--today`` the training day on the training database.  ``--today`` on the live
database is refused, as the window refuses it: a case there is numbered and dated today or not at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from counter.cli import phrases
from counter.cli.arguments import add_json
from counter.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    Reported,
    add_today,
    desk,
    open_service,
    print_json,
    today,
)
from counter.cli.common import training as is_training
from counter.cli.e_service import add_means_option, agree_at_intake

if TYPE_CHECKING:
    import datetime as dt

    from counter.cli.common import Commands
    from counter.intake.not_possible import IntakeNotPossible
    from counter.intake.parties import PartyProblem
    from counter.intake.request_file import FileProblem, IntakeFile

# where in the file each field of the form stands; the phone is the applicant's or the notification's
PARTY_PATH = {
    "applicant_name": "applicant.name",
    "applicant_id": "applicant.id_no",
    "applicant_address": "applicant.address",
    "legal_rep": "applicant.legal_rep",
    "agent_name": "agent.name",
    "agent_id": "agent.id_no",
    "agent_authorisation": "agent.authorisation",
    "delivery_address": "delivery.address",
}


def add_take_command(case: Commands, common: argparse.ArgumentParser) -> None:
    p = case.add_parser("take", parents=[common], help=phrases.CASE_TAKE_HELP)
    p.add_argument("request", metavar="REQUEST.json", help=phrases.CASE_TAKE_REQUEST_HELP)
    add_today(p, phrases.CASE_TAKE_TODAY_HELP)
    add_json(p)
    add_means_option(p)
    p.set_defaults(func=cmd_case_take)


def _read(name: str) -> str:
    from counter.util.bounded_read import INTAKE_REQUEST_LIMIT, TooLarge, read_bounded, read_stream
    from counter.words.files import file_fault

    try:
        if name == "-":
            data = read_stream(sys.stdin.buffer, INTAKE_REQUEST_LIMIT)
        else:
            data = read_bounded(Path(name), INTAKE_REQUEST_LIMIT)
    except TooLarge as err:
        raise Reported(phrases.FILE_TOO_LARGE.format(path=name, limit=err.limit)) from err
    except OSError as err:
        raise Reported(phrases.CASE_TAKE_NO_FILE.format(path=name, error=file_fault(err))) from err
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise Reported(phrases.CASE_TAKE_NOT_UTF8.format(path=name)) from err


def _refuse_live_training_day(args: argparse.Namespace) -> None:
    """``--today`` with ``--db`` naming the live database: the window refuses that start, and so does this."""
    from counter.host.database.database_choice import database_url, is_live_database

    explicit = getattr(args, "db", None)
    if explicit and is_training(args) and is_live_database(database_url(explicit, True)):
        raise Reported(phrases.CASE_TAKE_ON_LIVE.format(training=database_url(None, training=True)))


def cmd_case_take(args: argparse.Namespace) -> int:
    from counter.case.not_found import CaseNotFound
    from counter.case.number_faults import NumbersBehind, OtherSeries
    from counter.cli.case_text import print_case
    from counter.intake.not_possible import ClerkUnnamed, IntakeNotPossible
    from counter.intake.request_file import FileUnreadable, read_intake_file
    from counter.service.intake import TAKE_FROM_FILE, TakeFromFile
    from counter.words.at_command_line import numbers_behind_text
    from counter.words.sites import OTHER_SERIES

    day = today(args)  # a wrong --today is misuse, before the file is looked at
    text = _read(args.request)
    try:
        file = read_intake_file(text)
    except FileUnreadable as err:
        return _report(_file_lines(err.problems), args.json)
    _refuse_live_training_day(args)
    service = open_service(args, catalog=True)
    by = desk()
    try:
        taken = service.call(TAKE_FROM_FILE, TakeFromFile(file), by)
    except CaseNotFound as err:
        raise Reported(phrases.CASE_TAKE_PREVIOUS_NOT_FOUND.format(case_no=err.case_no)) from err
    except ClerkUnnamed as err:
        raise Reported(phrases.CASE_TAKE_NO_CLERK) from err
    except IntakeNotPossible as err:
        return _report(_intake_lines(err, file, day), args.json)
    except NumbersBehind as err:
        raise Reported(numbers_behind_text(err.last_issued, err.where, err.note)) from err
    except OtherSeries as err:
        raise Reported(OTHER_SERIES.format(desk=err.desk_code, site=err.site_code)) from err
    if args.e_service:  # the applicant's agreement given at intake, on the case just taken
        agree_at_intake(args, service, by, taken.case_no)
    shown = print_case(service, by, taken.case_no, as_json=args.json)
    assert shown  # committed just now
    _flag_unprinted(file)
    return EXIT_OK


def _flag_unprinted(file: IntakeFile) -> None:
    """Each character of a name the papers will print as □, on stderr: the case is taken, the name whole, and the
    clerk is told as the window tells at the field, to write it in by hand (the output on stdout stays the case's)."""
    from counter.documents.fonts import missing_glyphs
    from counter.intake.parties import Parties, unprinted_chars

    parties = Parties(file.applicant, file.agent, file.delivery, file.delivery_address, file.notify_phone)
    for found in unprinted_chars(parties, missing_glyphs):
        where = PARTY_PATH.get(found.field.value, found.field.value)
        print(phrases.CASE_TAKE_UNPRINTED.format(where=where, char=found.char, code=found.code), file=sys.stderr)


# --- every problem, at its place -------------------------------------------------------

Line = dict[str, str]


def _line(source: str, path: str, code: str, message: str, subject: str = "", detail: str = "") -> Line:
    return {"source": source, "path": path, "code": code, "subject": subject, "detail": detail, "message": message}


def _file_problem_text(problem: FileProblem) -> str:
    from counter.intake.checklist import Receipt
    from counter.intake.request_file import FileProblemCode
    from counter.words.intake import RECEIPT
    from counter.words.texts import coded_text_problem

    detail = problem.detail
    if problem.code is FileProblemCode.NOT_JSON and not detail:
        return phrases.CASE_TAKE_NOT_JSON
    if problem.code is FileProblemCode.NOT_JSON and ":" in detail:
        line, column = detail.split(":", 1)
        detail = phrases.CASE_TAKE_JSON_POSITION.format(line=line, column=column)
    elif problem.code is FileProblemCode.WRONG_TYPE:
        detail = phrases.CASE_TAKE_EXPECTED.get(detail, detail)
    elif problem.code is FileProblemCode.NOT_FOR_RECEIPT:
        detail = RECEIPT.get(Receipt(detail), detail)
    elif problem.code is FileProblemCode.BAD_TEXT:
        detail = coded_text_problem(detail)
    return phrases.CASE_TAKE_FILE_PROBLEM[problem.code.value].format(detail=detail)


def _file_lines(problems: tuple[FileProblem, ...]) -> list[Line]:
    return [_line("file", p.path, p.code.value, _file_problem_text(p), detail=p.detail) for p in problems]


def _party_why(problem: PartyProblem, file: IntakeFile, day: dt.date) -> str:
    """What is wrong with the field; for an ID number, each thing wrong with it, as the window says beside it."""
    from counter.intake.parties import ApplicantKind, PartyField, PartyProblemCode
    from counter.parties.identifiers import check_credit_code, check_id_number
    from counter.words.cases import party_problem_why
    from counter.words.identifiers import credit_code_error_text, id_error_text

    why = party_problem_why(problem)
    if problem.code is not PartyProblemCode.INVALID_ID:
        return why
    if problem.field is PartyField.AGENT_ID and file.agent is not None:
        errors = [id_error_text(p.error, p.detail) for p in check_id_number(file.agent.id_no, today=day).problems]
    elif file.applicant.kind is ApplicantKind.PERSON:
        errors = [id_error_text(p.error, p.detail) for p in check_id_number(file.applicant.id_no, today=day).problems]
    else:
        errors = [credit_code_error_text(p.error, p.detail) for p in check_credit_code(file.applicant.id_no).problems]
    return (
        phrases.CASE_TAKE_PARTY_PROBLEM.format(problem=why, why=phrases.CASE_TAKE_ERRORS_JOIN.join(errors))
        if errors
        else why
    )


def _party_path(problem: PartyProblem, file: IntakeFile) -> str:
    if problem.field.value == "phone":
        return "applicant.phone" if problem.detail == file.applicant.phone else "delivery.notify_phone"
    return PARTY_PATH.get(problem.field.value, problem.field.value)


def _intake_lines(err: IntakeNotPossible, file: IntakeFile, day: dt.date) -> list[Line]:
    from counter.intake.file_refused import FileDoesNotFit
    from counter.intake.not_possible import NotPossibleWhy
    from counter.words.cases import subject_problem_why
    from counter.words.intake import intake_reason, not_possible_text

    lines = _file_lines(err.file_problems) if isinstance(err, FileDoesNotFit) else []
    if err.decision is not None and not err.decision.outcome.decided:
        lines += [
            _line("intake", "", r.code.value, intake_reason(r.code, r.subject, r.name), r.subject)
            for r in err.decision.reasons
        ]
    lines += [
        _line("party", _party_path(p, file), p.code.value, _party_why(p, file, day), detail=p.detail)
        for p in err.party_problems
    ]
    lines += [
        _line("subject", f"subject.{p.field}", p.code.value, subject_problem_why(p), detail=p.detail)
        for p in err.subject_problems
    ]
    if err.why is not None:
        path = "previous_case_no" if err.why is NotPossibleWhy.PREVIOUS_OTHER_BUNDLE else ""
        text = not_possible_text(err.why, err.names)
        lines.append(_line("intake", path, err.why.value, text, detail=",".join(err.names)))
    return lines


def _report(lines: list[Line], as_json: bool) -> int:
    """Every problem at once: JSON on stdout, or one line each on stderr under a heading with their count."""
    if as_json:
        print_json({"ok": False, "problems": lines})
        return EXIT_PROBLEM
    print(phrases.CASE_TAKE_NOT_TAKEN.format(count=len(lines)), file=sys.stderr)
    for line in lines:
        where = line["path"] or (phrases.CASE_TAKE_WHOLE_FILE if line["source"] == "file" else "")
        shown = (
            phrases.CASE_TAKE_PROBLEM_LINE.format(where=where, problem=line["message"])
            if where
            else phrases.CASE_TAKE_PROBLEM_PLAIN.format(problem=line["message"])
        )
        print(shown, file=sys.stderr)
    return EXIT_PROBLEM
