"""The database command: ``counter db upgrade`` migrates the schema to this program's revision.

Opening the database migrates it (:func:`counter.cli.common.open_store`); the command says where it now stands.
It is also the explicit step that makes a new SQLite database: no other command makes one where a configured file
is missing (:mod:`counter.actions.database_file`).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from counter.cli.common import EXIT_OK, open_store
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.cli.common import Commands


def add_db_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    db = commands.add_parser("db", parents=[common], help=tr("数据库")).add_subparsers(
        dest="db_command", metavar="ACTION", required=True
    )
    p = db.add_parser("upgrade", parents=[common], help=tr("升级数据库结构"))
    p.set_defaults(func=cmd_db_upgrade)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from counter.actions.schema import HEAD

    open_store(args, create=True)  # the set-up step: the one command that makes a missing database
    print(tr("数据库结构已是最新（{revision}）。").format(revision=HEAD))
    return EXIT_OK
