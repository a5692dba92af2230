"""A channel's settings at the command line (the SMS gateway, the 证照库, the province's platform): what a command
gives to change, its secret from the environment only, and how ``--json`` prints them with the secret as set or not.

The three channels' commands (:mod:`counter.cli.messages`, :mod:`counter.cli.licences`, :mod:`counter.cli.platform`)
set and show their settings the same way; apart from :mod:`counter.cli.common`, which every command needs.
"""

from __future__ import annotations

import argparse
import os
from typing import Any


def given_settings(args: argparse.Namespace, names: tuple[str, ...], secret_env: str) -> dict[str, Any]:
    """The settings ``args`` gives among ``names`` (one not given keeps what is stored), and the secret read from
    the variable ``secret_env`` when ``--secret-from-env`` asks for it: a secret never stands on the command line,
    where the shell's history and the process list would show it."""
    changes = {name: getattr(args, name) for name in names if getattr(args, name) is not None}
    if args.secret_from_env:
        changes["secret"] = os.environ.get(secret_env, "")
    return changes


def settings_json(settings: Any, *first: str) -> dict[str, Any]:
    """A channel's ``settings`` (a dataclass with a ``secret``) as ``--json`` prints them: the attributes named
    ``first`` (what the settings work out, such as ``configured``) ahead of every field, the secret only as set or
    not.  A field named in ``first`` keeps that place."""
    from dataclasses import asdict

    from counter.outbox.secret_shown import shown

    return {name: getattr(settings, name) for name in first} | asdict(shown(settings))
