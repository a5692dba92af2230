"""The 帮您办 papers at the command line (``counter project print``): the reference list and the flow chart for
anyone, a project's forms in the states that allow them, as a PDF file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counter.cli.common import EXIT_OK, Reported, add_today, desk, open_service
from counter.cli.paper_out import paper_out_ready, write_paper
from counter.words.project_papers import FORM_HELP, OUT_HELP, PRINT_HELP, PROJECT_HELP

#: the values of counter.projects.forms.ProjectForm, named here so that building the parser imports no domain
FORMS = ("catalogue", "flowchart", "application", "authorisation", "pledge", "completion", "evaluation", "termination")


def add_project_papers(project: Any, common: argparse.ArgumentParser) -> None:
    """Add the print subcommand to the ``project`` group."""
    p = project.add_parser("print", parents=[common], help=PRINT_HELP)
    p.add_argument("project_no", nargs="?", default="", metavar="PROJECT_NO", help=PROJECT_HELP)
    p.add_argument("--form", required=True, choices=FORMS, metavar="FORM", help=FORM_HELP)
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=OUT_HELP)
    add_today(p)
    p.set_defaults(func=cmd_project_print)


def cmd_project_print(args: argparse.Namespace) -> int:
    from counter.projects.forms import ProjectForm
    from counter.projects.papers import PaperProblem, ProjectPaperNotPossible
    from counter.service.projects import MAKE_PAPER, MakePaper
    from counter.words.project_papers import FORM_NAME, NEEDS_PROJECT, PRINTED, not_now_text

    form = ProjectForm(args.form)
    number = args.project_no.strip().upper() or None
    out = Path(args.out)
    paper_out_ready(out)  # before the paper is made: a paper written nowhere takes no number
    service = open_service(args)
    try:
        made = service.call(MAKE_PAPER, MakePaper(number, form), desk())
    except ProjectPaperNotPossible as err:
        if err.problem is PaperProblem.NO_PROJECT:
            raise Reported(NEEDS_PROJECT.format(form=FORM_NAME[form])) from err
        raise Reported(not_now_text(number or "", form, err.state)) from err
    write_paper(out, made.pdf)
    print(PRINTED.format(what=made.doc_no or form.value, out=out))
    return EXIT_OK
