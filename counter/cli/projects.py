"""The 帮您办 commands: ``counter project …`` — a project's moves (:mod:`counter.cli.project_moves`), its reads, lists
and report (:mod:`counter.cli.project_views`), and its papers (:mod:`counter.cli.project_papers`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from counter.cli.project_moves import add_project_moves
from counter.cli.project_papers import add_project_papers
from counter.cli.project_views import add_project_views
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.cli.common import Commands


def add_project_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    project = commands.add_parser(
        "project", parents=[common], help=tr("帮您办：投资项目代办帮办的登记、计划、协调、办结和月报")
    ).add_subparsers(dest="project_command", metavar="ACTION", required=True)
    add_project_moves(project, common)
    add_project_views(project, common)
    add_project_papers(project, common)
