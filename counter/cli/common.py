"""What every command group shares: the database, who acts, output, dates, exit codes.

A command opens the database with :func:`open_service` (which migrates it and signs in ``--user`` once per run) and
asks the service's operations (``service.call(OPERATION, Request(...), desk())``); it never sees a session's type
nor SQLAlchemy.  A
database that refuses the work (:class:`StoreFault`) or was written by a newer program (:class:`SchemaTooNew`) is
put into words here, by :func:`failure_text`, and nowhere else.  The group modules import this module and never
:mod:`counter.cli.main`, so the command line has no import circle.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import logging
import os
import sys
import warnings
from collections.abc import Callable, Iterable
from contextvars import ContextVar, Token
from typing import TYPE_CHECKING, Any

from counter.access.roles import SINGLE_DESK, Actor
from counter.parties.text import TextField, check_text
from counter.words.translate import tr

if TYPE_CHECKING:
    from typing import TypeAlias

    from counter.access.desk import Desk
    from counter.case.decisions import Validity
    from counter.case.entered_for import Entered
    from counter.cli.hall_desk import HallCommands
    from counter.host.database.migration_step import Step
    from counter.outbox.rules import SendRound
    from counter.service.local import InProcess
    from counter.service.operation import Operation
    from counter.service.outbox import RetryRow

    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = [
    "EXIT_MISUSE",
    "EXIT_OK",
    "EXIT_PROBLEM",
    "PASSWORD_ENV",
    "Reported",
    "UsageError",
    "add_today",
    "ask",
    "desk",
    "failure_text",
    "on_hall",
    "open_service",
    "parse_date",
    "print_json",
    "run_actor",
    "sign_in_for_run",
    "start_run",
    "store_url",
    "today",
    "training",
]

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PROBLEM, EXIT_MISUSE = 0, 1, 2

PASSWORD_ENV = "COUNTER_PASSWORD"


class UsageError(Exception):
    """Misuse the user can fix by changing the command: exit 2 with the message."""


class Reported(Exception):
    """A problem already put into words for the user: exit 1 with the message."""


def moment_json(at: dt.datetime | None) -> str | None:
    """A stored moment as ``--json`` gives it: ISO text with its zone (UTC where the store gave none back, as
    :func:`counter.case.moments.stored_utc` reads it), since a script takes a time without one for its own clock's."""
    from counter.case.moments import stored_utc

    return None if at is None else stored_utc(at).isoformat()


def _json_default(value: object) -> object:
    """What JSON has no type for: a moment with its zone (:func:`moment_json`), a day as ISO text, else its text."""
    if isinstance(value, dt.datetime):
        return moment_json(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def json_text(value: Any) -> str:
    """``value`` as the command line writes JSON, to the screen or to a file: its moments with their zone."""
    return json.dumps(value, ensure_ascii=False, indent=2, default=_json_default)


def print_json(value: Any) -> None:
    sys.stdout.write(json_text(value) + "\n")


def print_json_items(items: Iterable[Any]) -> int:
    """A JSON list written item by item as ``items`` come, the same text :func:`print_json` writes for the whole
    list; how many there were.  A list of hundreds of thousands of rows is never held whole to be written."""
    count = 0
    for item in items:
        text = json_text(item).replace("\n", "\n  ")
        sys.stdout.write(("[\n  " if count == 0 else ",\n  ") + text)
        count += 1
    sys.stdout.write("\n]\n" if count else "[]\n")
    return count


# --- the database and who acts -------------------------------------------------------

# Who acts: the single desk outside a command run (a test, the window); within a run, None until the database is
# opened and --user signed in (open_store), so that a desk asked for before that is an error, not the single desk.
_run_actor: ContextVar[Actor | None] = ContextVar("counter_run_actor", default=SINGLE_DESK)
# Whether the run works in training (``counter demo``, ``--today`` on the training file): a desk whose clerk nobody
# named acts there as a trainee (counter.host.machine.desk_at.desk_at), so training works on a new desk
_run_training: ContextVar[bool] = ContextVar("counter_run_training", default=False)


class DeskBeforeSignIn(RuntimeError):
    """A command asked who acts before it opened the database, where ``--user`` signs in: a programming error."""


def start_run() -> Token[Actor | None]:
    """A command run begins: nobody has signed in yet (the dispatcher calls this before every command).

    The token puts back who acted before the run once it has ended (``token.var.reset(token)``).
    """
    _run_training.set(False)  # until the run opens the training database
    return _run_actor.set(None)


# The databases this run opened: a command ends by closing them (close_stores), so its connections close politely
# instead of being left to the garbage collector (Python 3.13 warns of every SQLite connection left open).
_opened: list[InProcess | HallCommands] = []


def close_stores() -> None:
    """Close every database the command opened; called once the command has finished, however it ended."""
    while _opened:
        _opened.pop().close()
    _run_training.set(False)  # the run's training ends with its databases


def training(args: argparse.Namespace) -> bool:
    """Whether the command is training: ``counter demo``, or any command given ``--today``."""
    return bool(getattr(args, "training", False) or getattr(args, "today", None))


def store_url(args: argparse.Namespace) -> str:
    """The database the command works on: ``--db``; else, training, the training file; else the live database.

    ``--db`` is the technician's choice and is followed, except that ``counter demo`` never writes its sample
    people into the live database (on a township they would go to the hall with the next package); another
    command given ``--today`` on the live database (a deadline across a holiday, checked on real cases) is warned.
    """
    from counter.cli.phrases import TRAINING_DEMO_ON_LIVE, TRAINING_ON_LIVE
    from counter.host.database.database_choice import database_url, is_live_database

    explicit = getattr(args, "db", None)
    url = database_url(explicit, training(args))
    if explicit and training(args) and is_live_database(url):
        if getattr(args, "training", False):
            raise UsageError(TRAINING_DEMO_ON_LIVE.format(training=database_url(None, training=True)))
        if not getattr(args, "warned_live", False):  # once, however often the command opens the database
            print(TRAINING_ON_LIVE.format(today=today(args).isoformat()), file=sys.stderr)
            args.warned_live = True
    return url


def open_service(
    args: argparse.Namespace,
    create: bool = False,
    lock_timeout_s: float | None = None,
    on_step: Callable[[Step], None] | None = None,
    catalog: bool = False,
) -> InProcess | HallCommands:
    """The service in process on the database of :func:`store_url`, migrated, ``--user`` signed in; the training
    file marked as such.  On a hall's desk (:func:`on_hall`) the hall server's operations instead, signed in there
    (:func:`_open_hall_service`): no database is opened or made on the desk.

    ``create``: the command is the set-up step (``counter db upgrade``) and makes a missing SQLite file.  Otherwise
    only training and the first start of this machine's default file make one (:func:`may_create`).
    ``lock_timeout_s`` and ``on_step``: the migration's wait for a lock (None: the usual one) and its report of
    each step (:func:`counter.service.local.serve`).  ``catalog``: the command reads the catalog, and the bundled
    one is loaded on first use, as the window does at start-up (``catalog.sync_bundled``); on a hall's desk the
    catalog is the server's, as for its window.

    Raises :class:`SchemaTooNew`, :class:`DatabaseMissing`, :class:`DatabaseReadOnly` or :class:`StoreFault`,
    worded by :func:`failure_text`.
    """
    from counter.host.database.database_choice import is_training_database, may_create
    from counter.service.local import serve

    if on_hall(args):
        return _open_hall_service(args, create)
    url = store_url(args)
    training_file = training(args) and is_training_database(url)
    demo = bool(getattr(args, "training", False))  # counter demo: sample people, in whatever file it was given
    make = create or may_create(getattr(args, "db", None), training_file or demo)
    day = today(args) if getattr(args, "today", None) else None  # the clock every operation of the run is asked on
    service = serve(url, training=training_file, create=make, lock_timeout_s=lock_timeout_s, on_step=on_step, today=day)
    _opened.append(service)
    _run_training.set(training_file or demo)
    service.open()  # opens and migrates now, so that a command learns of a too-new database before it acts
    sign_in_for_run(args, service)  # as --user, once per run; the single desk without it
    if catalog:
        _load_bundled_catalog(service)
    return service


def on_hall(args: argparse.Namespace) -> bool:
    """Whether the command asks the hall server: the desk is set for one, and neither ``--db`` nor training names a
    database of the desk's own (as the window chooses its transport, :func:`counter.ui.start.app.run`)."""
    from counter.host.machine.desk_config import load_desk_config

    return bool(load_desk_config().server) and not getattr(args, "db", None) and not training(args)


def _open_hall_service(args: argparse.Namespace, create: bool = False) -> HallCommands:
    """The hall server's operations, signed in as ``--user`` once per run (:mod:`counter.cli.hall_desk`).

    ``create`` (the set-up's ``counter db upgrade``) is refused: the desk has no database to make or migrate.  Without
    ``--user`` the run is refused too: the server acts for an account, never for a desk alone.
    """
    from counter.cli.hall_desk import HALL_NEEDS_USER, HALL_NO_UPGRADE, HallRefused, open_hall
    from counter.cli.phrases import ACCOUNT_PASSWORD_PROMPT

    if create:
        raise Reported(HALL_NO_UPGRADE)
    earlier: HallCommands | None = getattr(args, "hall_service", None)
    if earlier is not None and earlier.remote.signed_in:
        return earlier  # the server asked a second time in this run: the same session
    login = getattr(args, "user", None)
    if not login:
        raise UsageError(HALL_NEEDS_USER)
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = ask(ACCOUNT_PASSWORD_PROMPT.format(login=login))
    try:
        service = open_hall(login, password)
    except HallRefused as err:
        raise Reported(str(err)) from err
    _opened.append(service)
    _run_training.set(False)
    args.hall_service, args.signed_in_as = service, service.actor
    _run_actor.set(service.actor)
    return service


def failure_text(err: Exception) -> str:
    """What a command says when an action failed in a way no command words itself (exit 1).

    The account refused, the database refused the work or is newer than this program, a hall desk's server away or
    refusing, no such case or project, a key file that cannot serve — each worded here, once; anything else is
    unexpected: a report is saved for support and the log keeps it.
    """
    from counter.cli.hall_desk import hall_failure_text

    # a hall desk's server first: away, not the hall's
    return hall_failure_text(err) or _not_found_text(err) or _store_failure_text(err)


def _not_found_text(err: Exception) -> str | None:
    """What many commands ask for and may not find: the case or project named, this site's key file."""
    from counter.case.not_found import CaseNotFound
    from counter.projects.not_found import NoSuchProject
    from counter.sync.keys import KeyUnreadable
    from counter.words.at_command_line import key_problem_at_command_line
    from counter.words.cases import CASE_NOT_FOUND
    from counter.words.projects import NO_SUCH_PROJECT

    if isinstance(err, CaseNotFound):
        return CASE_NOT_FOUND.format(case_no=err.case_no)
    if isinstance(err, NoSuchProject):
        return NO_SUCH_PROJECT.format(project_no=err.number)
    if isinstance(err, KeyUnreadable):
        return key_problem_at_command_line(err.reason, err.path, err.encryption)
    return None


def _store_failure_text(err: Exception) -> str:
    from counter.access.not_permitted import NotPermitted
    from counter.host.database.database_faults import (
        DatabaseMissing,
        DatabaseReadOnly,
        DbFault,
        SchemaPreRelease,
        SchemaTooNew,
        StoreFault,
    )
    from counter.host.machine.errors import report_unexpected
    from counter.words.access import refused_for
    from counter.words.at_command_line import database_missing_text, database_read_only_text, fault_text
    from counter.words.host import unexpected_text

    if isinstance(err, DatabaseMissing):
        return database_missing_text(str(err.path), err.folder_missing, err.made_at)
    if isinstance(err, DatabaseReadOnly):
        return database_read_only_text(str(err.path))
    if isinstance(err, NotPermitted):  # the action refused the signed-in account, or nobody signed in
        from counter.cli.phrases import ACCOUNT_CLI_SIGN_IN_HINT

        # nobody signed in, where accounts exist: how a command signs in (on a desk without any, none can)
        hint = "" if err.signed_in or err.single_desk else f"\n{ACCOUNT_CLI_SIGN_IN_HINT}"
        return refused_for(err) + hint
    if isinstance(err, SchemaTooNew):  # one from before the first release: the upgrade logged its revision
        from counter.words.database import SCHEMA_PRE_RELEASE

        too_new = tr("数据库由更新版本的程序写入（结构版本 {revision}），本程序不能打开，请升级程序。")
        return SCHEMA_PRE_RELEASE if isinstance(err, SchemaPreRelease) else too_new.format(revision=err.revision)
    if isinstance(err, StoreFault) and err.fault is not DbFault.OTHER:
        log.error("database fault %s: %s", err.fault.value, err.detail)
        return fault_text(err.fault.value, err.server)
    # nothing known to say (a StoreFault of no known cause included): a report for support
    saved = report_unexpected((err.__cause__ or err) if isinstance(err, StoreFault) else err)
    return unexpected_text(saved.report)


def run_actor() -> Actor:
    """The account this run signed in as; the single desk where it signed in as none.

    Raises :class:`DeskBeforeSignIn` in a run that has not opened its database yet: until then nobody is known.
    """
    actor = _run_actor.get()
    if actor is None:
        raise DeskBeforeSignIn("the desk was asked for before the database was opened and --user signed in")
    return actor


def sign_in_for_run(args: argparse.Namespace, service: InProcess) -> None:
    """Sign in as ``--user`` once per run; a refusal is reported (exit 1) after the attempt is committed.

    Once a database has accounts, a command acts as the account named by the global ``--user LOGIN``: the password
    comes from ``COUNTER_PASSWORD`` or a prompt, and the sign-in goes through the same operation as the window's
    (``admin.sign_in``), so a wrong password counts towards the lock and is audited.  Without ``--user`` the run
    acts as the single desk, which the actions refuse once accounts exist.
    """
    from counter.access.lockout import POLICY
    from counter.cli.phrases import ACCOUNT_PASSWORD_PROMPT
    from counter.service.admin import SIGN_IN, SignIn
    from counter.words.access import sign_in_refusal_text

    login = getattr(args, "user", None)
    earlier = getattr(args, "signed_in_as", None)
    if not login or isinstance(earlier, Actor):
        _run_actor.set(earlier if isinstance(earlier, Actor) else SINGLE_DESK)
        return  # nobody to sign in, or the database opened a second time in this run
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = ask(ACCOUNT_PASSWORD_PROMPT.format(login=login))
    from counter.host.machine.desk_at import desk_at
    from counter.host.machine.desk_config import load_desk_config

    where = desk_at(load_desk_config(), SINGLE_DESK)  # nobody, until signed in
    result = service.call(SIGN_IN, SignIn(login, password), where).result
    if result.actor is None:
        minutes = int(POLICY.lock_for.total_seconds() // 60)
        raise Reported(sign_in_refusal_text(result.outcome, result.attempts_left, result.locked_until, minutes))
    args.signed_in_as = result.actor
    _run_actor.set(result.actor)


def ask(prompt: str) -> str:
    """A password typed at the terminal, not echoed; with no terminal, the line given on standard input.

    Without a terminal (a script, a service, the manual's commands piped) ``getpass`` warned in English that the
    input may be echoed, and read that line; the line is read here as it was, and nothing English is said (a pipe
    echoes nothing).  No line at all is misuse.
    """
    from counter.cli.phrases import ACCOUNT_NO_PASSWORD

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", getpass.GetPassWarning)  # raised before anything is read
            try:
                return getpass.getpass(prompt)
            except getpass.GetPassWarning:
                print(prompt, end="", file=sys.stderr, flush=True)
                line = sys.stdin.readline()
                if not line:
                    raise EOFError from None
                return line.removesuffix("\n")
    except (EOFError, KeyboardInterrupt) as err:
        raise UsageError(ACCOUNT_NO_PASSWORD) from err


def desk() -> Desk:
    """This machine's desk, acting as the account ``--user`` signed in as (its name is the clerk's on every record)."""
    from counter.host.machine.desk_at import desk_at
    from counter.host.machine.desk_config import load_desk_config

    return desk_at(load_desk_config(), run_actor(), training=_run_training.get())


def _load_bundled_catalog(service: InProcess) -> None:
    from counter.resources import bundled_catalog_dir
    from counter.service.catalog import SYNC_BUNDLED, SyncBundled
    from counter.words.catalog_problems import problem_text

    result = service.call(SYNC_BUNDLED, SyncBundled(bundled_catalog_dir()), desk())
    for problem in result.problems:
        print(tr("警告：{problem}").format(problem=problem_text(problem)), file=sys.stderr)


# --- the senders: messages, platform, front-store --------------------------------------


def send_passes(args: argparse.Namespace, one_pass: Callable[[], SendRound], stopping: str) -> SendRound:
    """One pass (``--once``) or passes every ``--interval`` seconds until stopped, each pass an operation of the
    service: a stop (SIGTERM) is seen between passes, said (``stopping``), and what was sent until then counted."""
    from counter.outbox.service_loop import run_until_stopped

    if args.once:
        return one_pass()
    done = run_until_stopped(args.interval, one_pass)
    print(stopping)
    return done


def retry_failed(args: argparse.Namespace, retry: Operation[RetryRow, bool], not_failed: str, retried: str) -> int:
    """``retry ID``: the failed row ``ID`` queued again; one that has not failed is refused (exit 1)."""
    from counter.service.outbox import RetryRow

    if not open_service(args).call(retry, RetryRow(args.id), desk()):
        raise Reported(not_failed.format(id=args.id))
    print(retried.format(id=args.id))
    return EXIT_OK


# --- dates ---------------------------------------------------------------------------


def on_the_real_day(args: argparse.Namespace) -> None:
    """A sender's pass reaches real people and the region's platform: it runs on the real day alone.

    ``--today`` pretends a day, for training or for checking deadlines.  A training database has no gateway nor
    platform (what it holds of them is read back as none), so a sender given a pretend day could only be working on
    another database, and would text real applicants their reminders, or report to the platform, as of a day that is
    not today.
    """
    from counter.cli.phrases import SEND_ON_A_PRETEND_DAY

    if getattr(args, "today", None):
        raise Reported(SEND_ON_A_PRETEND_DAY)


#: ``--today`` after a command, the same words on every command that takes it
TODAY_HELP = tr("以该日期为今天（培训、核对期限）")


def add_today(p: argparse.ArgumentParser, help_text: str = TODAY_HELP) -> None:
    """``--today DATE`` after the command too, as before it: a training run's day, or the day deadlines are checked
    on (:func:`today`).  Not given after the command, the day given before it stands (hence no default here)."""
    p.add_argument("--today", metavar="DATE", default=argparse.SUPPRESS, help=help_text)


def today(args: argparse.Namespace) -> dt.date:
    """``--today DATE`` (training, checking deadlines), else the real date."""
    raw = getattr(args, "today", None)
    if not raw:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError as err:
        raise UsageError(tr("--today 应为 YYYY-MM-DD 格式的日期，收到：{raw}").format(raw=raw)) from err
    return _supported(day)


def moment(args: argparse.Namespace) -> dt.datetime:
    """The moment a command records: the real one; in training, the training day at the real time of day."""
    from counter.case.moments import moment_on

    real = dt.datetime.now(dt.UTC)
    return moment_on(today(args), real) if getattr(args, "today", None) else real


def free_text(kind: TextField) -> Callable[[str], str]:
    """An argparse ``type`` for a free text: kept as the desk keeps it (counter.parties.text), or misuse naming what
    is wrong, as the window names it beside its field.  A reason or note typed here is printed and synced as one
    typed at the window, so it is held to the same rules and the same length."""

    def convert(raw: str) -> str:
        from counter.words.texts import text_problem_text

        check = check_text(raw, kind)
        if check.problem is not None:
            raise argparse.ArgumentTypeError(text_problem_text(check.problem, check.detail))
        return check.value

    convert.__name__ = kind.value  # argparse names a failed type by it
    return convert


def parse_date(raw: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError as err:
        raise UsageError(tr("日期应为 YYYY-MM-DD 格式，收到：{raw}").format(raw=raw)) from err
    return _supported(day)


#: what ``--valid-until`` takes for a licence that does not lapse (长期有效)
LONG_TERM_WORDS = frozenset({tr("长期"), tr("长期有效")})
VALID_UNTIL_HELP = tr("准予：证照有效期至（YYYY-MM-DD），长期有效的写“长期有效”；不写为证照未载明")


ENTRY_HELP = tr("窗口代为录入部门的决定时必填（部门自行办理的不填）：")


def add_entry_options(p: argparse.ArgumentParser) -> None:
    """``--dept-no`` and ``--officer``: the department's 文号 and its officer, where the window enters the
    department's decision for it (代为录入, :mod:`counter.case.entered_for`); the action refuses the step without them
    there, and asks neither of the department's own desk."""
    p.add_argument(
        "--dept-no",
        default="",
        type=free_text(TextField.NOTE),
        metavar="NO",
        help=ENTRY_HELP + tr("部门决定的文号，例如 兴市监准字〔2026〕15号"),
    )
    p.add_argument(
        "--officer",
        default="",
        type=free_text(TextField.PERSON_NAME),
        metavar="NAME",
        help=ENTRY_HELP + tr("部门作出决定的承办人"),
    )


def entered_of(args: argparse.Namespace) -> Entered | None:
    """What ``--dept-no`` and ``--officer`` gave; None when neither was."""
    from counter.case.entered_for import Entered

    if not args.dept_no.strip() and not args.officer.strip():
        return None
    return Entered(args.dept_no.strip(), args.officer.strip())


def validity_of(raw: str) -> Validity | None:
    """``--valid-until``: a licence's 有效期限 (YYYY-MM-DD, or 长期有效), None when not given.  Not held to the desk's
    supported days: a licence may run decades; whether it ends before its 准予 is the action's to say."""
    from counter.case.decisions import Validity

    text = raw.strip()
    if not text:
        return None
    if text in LONG_TERM_WORDS:
        return Validity(None)
    try:
        return Validity(dt.date.fromisoformat(text))
    except ValueError as err:
        raise UsageError(
            tr("--valid-until 应为 YYYY-MM-DD 格式的日期或“长期有效”，收到：{raw}").format(raw=raw)
        ) from err


def _supported(day: dt.date) -> dt.date:
    """``day``, when the desk can count working days and number notices on it (misuse otherwise)."""
    from counter.case.numbers import FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY, supported_day

    if not supported_day(day):
        raise UsageError(
            tr("日期 {day} 超出本程序支持的范围（{first} 至 {last}）。").format(
                day=day.isoformat(), first=FIRST_SUPPORTED_DAY.isoformat(), last=LAST_SUPPORTED_DAY.isoformat()
            )
        )
    return day
