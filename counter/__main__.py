"""``counter`` and ``python -m counter``: the window, or a command.

No arguments, or only a window start's options (``--db``, ``--today``, ``--user``, ``--exit-when-ready``,
``--server`` and ``--ca``), start
the desk app (:mod:`counter.ui.start.app`); ``serve`` the hall server (:mod:`counter.server.main`); anything else is a
command (:mod:`counter.cli.main`).  It is decided here, with a parser of six options, so that the desk's
every-morning start does not build the forty commands' parser, and so that the command line never imports the
window.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from typing import NoReturn

EXIT_MISUSE = 2  # as the command line's: misuse the user can fix by changing the command


def window_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options of a window start, or None when ``argv`` names a command (or asks for help)."""
    parser = _QuietParser(prog="counter", add_help=False)
    parser.add_argument("--db")
    parser.add_argument("--today")
    parser.add_argument("--user")
    parser.add_argument("--exit-when-ready", action="store_true")
    parser.add_argument("--server")  # a hall's desk: its server, over the desk's settings (counter.ui.door.hall_desk)
    parser.add_argument("--ca")
    try:
        args, rest = parser.parse_known_args(list(argv))
    except _NotAWindowStart:
        return None  # an option without its value: the full parser says so, once
    return None if rest else args


class _NotAWindowStart(Exception):
    pass


class _QuietParser(argparse.ArgumentParser):
    """A parser that leaves every complaint to the full one."""

    def error(self, message: str) -> NoReturn:
        raise _NotAWindowStart(message)


def main(argv: Sequence[str] | None = None) -> int:
    """The window or the command ``argv`` asks for; the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    return _run(args_list, window_args(args_list))


def version_lines() -> list[str]:
    """What support asks first: this program's version and the versions of what draws, prints and stores.

    Read from the modules themselves rather than from package metadata, which a frozen build does not carry.
    Answered here, above both faces, because Qt's version is the window's and the command line never imports Qt.
    """
    import platform

    import reportlab
    import sqlalchemy
    from PySide6 import QtCore
    from PySide6 import __version__ as pyside_version

    from counter import __version__
    from counter.db.revision import HEAD  # the schema revision: a constant, no storage code loaded

    return [
        f"counter {__version__}",
        f"Python {platform.python_version()} ({platform.system()} {platform.machine()})",
        f"Qt {QtCore.qVersion()}",
        f"PySide6 {pyside_version}",
        f"reportlab {reportlab.Version}",
        f"SQLAlchemy {sqlalchemy.__version__}",
        f"schema {HEAD}",
    ]


def _run(args_list: list[str], window: argparse.Namespace | None) -> int:
    from counter.host.machine.private_files import keep_files_private

    keep_files_private()  # before anything is written: the database, logs, exports, PDFs are 0600 in 0700 folders
    if args_list == ["--version"]:
        try:
            print("\n".join(version_lines()), flush=True)
        except BrokenPipeError:  # piped into a reader that stopped reading: ended as a command's output is
            from counter.cli.main import output_closed

            return output_closed()
        return 0
    from counter.words.translate import language_from_environment, set_language

    # The language is chosen here, before either face is imported: every words module makes its sentences when it
    # is first imported (NAME = tr("…")), so a language chosen after that would leave them in the old one.
    set_language(language_from_environment())
    if args_list[:1] == ["serve"]:
        from counter.server.main import main as serve

        return serve(args_list[1:])
    if args_list[:2] == ["pad", "start"]:  # the pad device's program: a window of its own, on no database
        return _start_pad(args_list[2:])
    if window is None:
        from counter.cli.main import main as command

        return command(args_list)
    return _start_window(window)


def _start_pad(argv: list[str]) -> int:
    """``counter pad start``: its options read by the command line's own parser, then the pad device's window."""
    from counter.cli.common import EXIT_MISUSE, UsageError
    from counter.cli.pads import pad_start_settings

    try:
        start = pad_start_settings(argv)
    except UsageError as err:
        print(str(err), file=sys.stderr)
        return EXIT_MISUSE
    except SystemExit as ended:  # -h, or options argparse refused (said on stderr)
        return int(ended.code or 0)
    from counter.ui.start.pad_device import run_pad_device

    return run_pad_device(start.server, start.ca, start.key, start.language, start.windowed)


def _start_window(window: argparse.Namespace) -> int:
    from counter.host.machine.logs import setup_logging

    setup_logging()
    today = None
    if window.today:
        from counter.cli.common import UsageError
        from counter.cli.common import today as today_of

        try:
            today = today_of(window)
        except UsageError as err:
            print(str(err), file=sys.stderr)
            return EXIT_MISUSE
    from counter.ui.start.app import run

    return run(window.db, window.exit_when_ready, [], today, server=window.server, ca=window.ca)


def entry() -> None:
    """The ``counter`` program: :func:`main`, and after a window the process ends at once.

    Once the window has closed, the database is closed and the log written; the
    interpreter's own teardown (every module, every Qt wrapper) would then take
    longer than the desk's start-up work itself and save nothing.  Commands end the
    usual way: their database connections close politely.
    """
    # a window collects on its own thread (counter.ui.door.collector), never automatically: off from the start, before
    # the window's modules load, whose classes, enums and dataclasses would otherwise be walked some fifty times
    # before the first paint (the collector's first turn, a second after the start, takes them once); a command
    # collects as Python does
    gc.disable()
    argv = sys.argv[1:]
    window = window_args(argv)
    if window is None:
        gc.enable()
    code = _run(argv, window)
    if window is not None:
        from counter.host.machine.quick_exit import quick_exit

        quick_exit(code)
    raise SystemExit(code)


if __name__ == "__main__":
    entry()
