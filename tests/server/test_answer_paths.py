"""No answer of the server names a file by the server's own absolute path: a file it wrote in its files folder is
told by its name in that folder, as the desk named the folder's files when it asked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.case.numbers import DeskIdentity
from counter.server.app import _answer
from counter.service.call import Call
from counter.service.site import BACKUP, BackupMade
from counter.service.sync import EXPORT_PACKAGE
from counter.sync.exchange import ExportedFiles

ADMIN = Desk(DeskIdentity("XAM01", "1"), "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))


class Answering:
    """The service, answering each operation with the answer the test gives it."""

    def __init__(self, answer: Any) -> None:
        self.answer = answer

    def run(self, *_: Any, **__: Any) -> Any:
        return self.answer


def _told(answer: Any, op: Any, files: Path) -> Any:
    call = Call(ADMIN, dt.date(2026, 11, 28), dt.datetime.now(dt.UTC), files)
    response = _answer(Answering(answer), op, None, call, "d1-key", "")  # type: ignore[arg-type]
    return json.loads(bytes(response.body))


def test_a_backup_and_an_export_are_told_by_their_names_in_the_files_folder(tmp_path: Path) -> None:
    files = tmp_path / "srv" / "counter-files"
    made = BackupMade(files / "20261128-0930-ab12-hall.sqlite3", 3)
    assert _told(made, BACKUP, files)["path"] == "20261128-0930-ab12-hall.sqlite3"
    exported = ExportedFiles(7, 2, "XAM01", 40, (files / "out-1.pkg", files / "sub" / "out-2.pkg"))
    told = _told(exported, EXPORT_PACKAGE, files)
    assert told["paths"] == ["out-1.pkg", "sub/out-2.pkg"]
    assert str(tmp_path) not in json.dumps(told)
