"""The 帮您办 project's moves and reads at the command line (``counter project register|accept|…``)."""

from __future__ import annotations

import argparse
from typing import Any


def add_project_steps(project: Any, common: argparse.ArgumentParser) -> None:
    """Add the project's move and read subcommands to the ``project`` group."""
