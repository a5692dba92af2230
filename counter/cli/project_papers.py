"""The 帮您办 papers at the command line (``counter project print``)."""

from __future__ import annotations

import argparse
from typing import Any


def add_project_papers(project: Any, common: argparse.ArgumentParser) -> None:
    """Add the print subcommand to the ``project`` group."""
