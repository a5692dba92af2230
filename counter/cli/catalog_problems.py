"""A catalog's problems as the command line prints them: a line each in the clerk's words, or JSON for a tool."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from counter.cli.common import print_json
from counter.words.catalog_problems import problem_text
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.catalog.problems import Problem


def problem_json(problem: Problem) -> dict[str, str]:
    return {
        "rule": problem.rule.value,
        "file": problem.file,
        "bundle": problem.bundle,
        "item": problem.item,
        "material": problem.material,
        "field": problem.field,
        "detail": problem.detail,
        "message": problem_text(problem),
    }


def report_problems(problems: Sequence[Problem], as_json: bool) -> None:
    """Every problem at once: one line each (or JSON), and their count."""
    if as_json:
        print_json({"ok": False, "problems": [problem_json(p) for p in problems]})
        return
    for problem in problems:
        print(problem_text(problem))
    print(tr("共 {count} 个问题。").format(count=len(problems)), file=sys.stderr)
