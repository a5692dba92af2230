"""The logs of every ``counter serve`` the tests start, read after each test of the server for a password.

A server's output and its ``counter.log`` must never hold an account's password or the database URL's: each server
started (:func:`tests.server.hall_server.hall_server`, :func:`tests.server.server_process.prepared_hall`) is watched
from its start, with the secrets it was given (the URL's password, those its desks signed in with), and after every
test of ``tests/server`` (its ``conftest``) the logs of every server watched are read for those and for the test
module's own (every module constant named ``…PASSWORD…``).  A server that has stopped is read a last time, then no
more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from sqlalchemy.engine import make_url


@dataclass(eq=False)
class Watch:
    folders: tuple[Path, ...]  # where the server's output and its counter.log are written
    secrets: set[str] = field(default_factory=set)
    running: bool = True

    def logs(self) -> list[Path]:
        found = {p for folder in self.folders if folder.is_dir() for p in folder.rglob("*.log*") if p.is_file()}
        return sorted(found)

    def check(self, extra: Iterable[str] = ()) -> None:
        """AssertionError naming the log and the kind of secret when one holds any."""
        secrets = {s for s in (*self.secrets, *extra) if s}
        for log in self.logs():
            text = log.read_text(encoding="utf-8", errors="replace")
            held = sorted(s for s in secrets if s in text)
            assert not held, f"{log} holds {len(held)} password(s) of the test's accounts or database URL"


#: the servers started and not yet read after their stop
WATCHED: list[Watch] = []


def watch(folder: Path, url: str, env: Mapping[str, str], *, once: bool = False) -> Watch:
    """Watch a server started with ``folder`` for its output, on ``url``, in ``env`` (its ``COUNTER_HOME`` and
    ``COUNTER_STATE`` hold its counter.log).  ``once``: servers started and stopped within one test, read after it."""
    folders = [folder, *(Path(env[name]) for name in ("COUNTER_HOME", "COUNTER_STATE") if env.get(name))]
    one = Watch(tuple(folders), {make_url(url).password or ""}, running=not once)
    WATCHED.append(one)
    return one


def module_passwords(module: ModuleType | None) -> set[str]:
    """The test module's passwords: its constants named ``…PASSWORD…``."""
    if module is None:
        return set()
    return {v for k, v in vars(module).items() if "PASSWORD" in k and k.isupper() and isinstance(v, str)}


def check_watched(extra: Iterable[str]) -> None:
    """Read every watched server's logs; forget those that stopped."""
    extra = set(extra)
    for one in list(WATCHED):
        if not one.running:
            WATCHED.remove(one)
        one.check(extra)
