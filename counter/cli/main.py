"""The command line: a face like the window, for scripts, support staff and checks.

This module builds the parser and dispatches; each command group registers its own subcommands from its own
module, and what they share is in :mod:`counter.cli.common`.  ``counter`` alone starts the desk app: that is
decided before this module is imported, by :mod:`counter.__main__`, so the command line never imports the window.
Every command takes ``--db URL``.  Exit status: 0 success, 1 a reported problem (every problem listed), 2 misuse.
Every parser is a :class:`~counter.words.command_parser.CommandParser`, which says argparse's own words (the usage
line, misuse, ``-h``) in Chinese.  JSON output uses English snake_case keys, documented in the README.  Heavy modules
are imported inside the command that needs them, so ``counter catalog list`` never loads Qt.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import signal
import sys
from collections.abc import Sequence

from counter.cli.accounts import add_account_commands
from counter.cli.audit import add_audit_commands
from counter.cli.backup import add_backup_commands
from counter.cli.case import add_case_commands
from counter.cli.catalog import add_catalog_commands
from counter.cli.common import EXIT_MISUSE, EXIT_PROBLEM, Reported, UsageError, close_stores, start_run
from counter.cli.db import add_db_commands
from counter.cli.desk import add_desk_command
from counter.cli.documents import add_document_commands
from counter.cli.figures import add_figures_command
from counter.cli.front_store import add_front_store_commands
from counter.cli.hand_over import add_hand_over_commands
from counter.cli.holidays import add_holiday_commands
from counter.cli.items import add_item_commands
from counter.cli.keys import add_keys_commands
from counter.cli.messages import add_message_commands
from counter.cli.pads import add_pad_commands
from counter.cli.paper import add_paper_commands
from counter.cli.platform import add_platform_commands
from counter.cli.projects import add_project_commands
from counter.cli.ratings import add_ratings_commands
from counter.cli.site import add_site_commands
from counter.cli.sync import add_sync_commands
from counter.host.database.database_choice import NotAnAddress, checked_address
from counter.resources import missing_resources, missing_summary
from counter.words.command_parser import CommandParser
from counter.words.translate import active_language, tr

__all__ = ["build_parser", "main"]

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    # typed as argparse's parser: the command groups take argparse's subparsers (its subparsers are of this class)
    parser: argparse.ArgumentParser = CommandParser(
        prog="counter", description=tr("一件事一次办 综合受理窗口（不带参数启动窗口程序）")
    )
    # the window's options too, so that "counter -h" names them (counter.__main__ starts the window with them)
    parser.add_argument(
        "--db", metavar="URL", type=_database_url, help=tr("数据库地址（默认：环境变量 COUNTER_DB_URL 或本机 SQLite）")
    )
    parser.add_argument("--today", metavar="DATE", help=tr("培训模式：以该日期为今天（YYYY-MM-DD）"))
    parser.add_argument(
        "--user", metavar="LOGIN", help=tr("以该账号登录（已启用账号时必需；密码取自 COUNTER_PASSWORD）")
    )
    parser.add_argument(
        "--exit-when-ready", action="store_true", help=tr("完整启动窗口程序（目录已加载、主窗口已显示）后退出")
    )
    parser.add_argument(
        "--version", action="store_true", help=tr("显示程序版本及 Qt、PySide6、reportlab、SQLAlchemy、数据库结构的版本")
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # --db is accepted after the command too ("counter db upgrade --db URL")
    common = CommandParser(add_help=False)
    common.add_argument("--db", metavar="URL", type=_database_url, default=argparse.SUPPRESS, help=tr("数据库地址"))
    common.add_argument("--user", metavar="LOGIN", default=argparse.SUPPRESS, help=tr("以该账号登录"))
    add_catalog_commands(commands, common)
    add_case_commands(commands, common)
    add_item_commands(commands, common)
    add_hand_over_commands(commands, common)
    add_document_commands(commands, common)
    add_holiday_commands(commands, common)
    add_desk_command(commands, common)
    add_db_commands(commands, common)
    add_ratings_commands(commands, common)
    add_figures_command(commands, common)
    add_audit_commands(commands, common)
    add_account_commands(commands, common)
    add_site_commands(commands, common)
    add_sync_commands(commands, common)
    add_message_commands(commands, common)
    add_platform_commands(commands, common)
    add_front_store_commands(commands, common)
    add_project_commands(commands, common)
    add_backup_commands(commands, common)
    add_keys_commands(commands, common)
    add_pad_commands(commands, common)
    add_paper_commands(commands, common)
    return parser


def _database_url(given: str) -> str:
    """``--db`` as given, when it is a database's address; a file's path is misuse, said with the address it would
    be: the engine, given a path, failed on it as an unexpected error.  ``COUNTER_DB_URL`` has the same check
    (:func:`~counter.host.database.database_choice.checked_address`), said where a command reads it
    (:func:`_dispatch`)."""
    from counter.words.at_command_line import not_an_address_text

    try:
        return checked_address(given)
    except NotAnAddress as err:
        raise argparse.ArgumentTypeError(not_an_address_text(err.given)) from err


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit status.  Without a command it is misuse here (the window is not this module's)."""
    from counter.host.machine.logs import setup_logging

    parser = _parser(active_language())
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    _own_lists(args)
    if args.command is None:
        from counter.cli.phrases import NO_COMMAND

        parser.print_usage(sys.stderr)
        print(NO_COMMAND, file=sys.stderr)
        return EXIT_MISUSE
    setup_logging()
    missing = missing_resources()
    if missing:  # an incomplete installation: no command would give a right answer (0 bundles, boxes for text)
        from counter.words.at_command_line import missing_resources_text

        log.error("installation incomplete: %s", missing_summary(missing))
        print(missing_resources_text(missing), file=sys.stderr)
        return EXIT_PROBLEM
    return _dispatch(args)


@functools.cache
def _parser(language: str) -> argparse.ArgumentParser:
    """The parser, built once per language for the process: a process that runs several commands (a script of its
    own, a test run) would otherwise build the forty commands' parser, tens of milliseconds, at every one.

    Its help is made in ``language`` (:func:`tr`), hence one per language.  Reusing it is safe: every parse makes a
    namespace of its own, and :func:`_own_lists` keeps a command from changing a default the next parse hands out.
    """
    return build_parser()


def _own_lists(args: argparse.Namespace) -> None:
    """A list in ``args`` that is an option's default (``action="append", default=[]``) replaced by a copy: the
    parser hands out the same default list at every parse, and a command that added to it would add to the next
    command's default."""
    for name, value in vars(args).items():
        if isinstance(value, list):
            setattr(args, name, list(value))


#: a command whose reader stopped reading (``| head -1``): the status a shell gives a program its pipe ended, so
#: that a script with ``pipefail`` reads it as it reads any other program's
EXIT_PIPE_CLOSED = 128 + signal.SIGPIPE


def output_closed() -> int:
    """Standard output sent nowhere from now on, and :data:`EXIT_PIPE_CLOSED`.

    What the command had still to write is dropped rather than written at the interpreter's exit, where the write
    fails again and Python prints an English "Exception ignored … BrokenPipeError" and ends 120.  Standard error is
    left open: a warning or a failure after this still reaches the terminal.
    """
    nowhere = os.open(os.devnull, os.O_WRONLY)
    os.dup2(nowhere, sys.stdout.fileno())
    os.close(nowhere)
    return EXIT_PIPE_CLOSED


def _dispatch(args: argparse.Namespace) -> int:
    """Run the command; every failure becomes a message and an exit status, never a traceback.

    Nobody acts until the command opens its database, where ``--user`` signs in
    (:func:`counter.cli.common.open_service`).
    """
    run = start_run()
    try:
        return int(args.func(args))
    except UsageError as err:
        print(str(err), file=sys.stderr)
        return EXIT_MISUSE
    except NotAnAddress as err:  # COUNTER_DB_URL holding a file's path (--db's was refused as the command was read)
        from counter.words.at_command_line import not_an_address_text

        print(not_an_address_text(err.given, err.variable), file=sys.stderr)
        return EXIT_MISUSE
    except Reported as err:
        print(str(err), file=sys.stderr)
        return EXIT_PROBLEM
    except BrokenPipeError:  # output piped into head or less, which stopped reading
        return output_closed()
    except Exception as err:  # a traceback never reaches the user; the log keeps it
        from counter.cli.common import failure_text

        print(failure_text(err), file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        close_stores()
        run.var.reset(run)
