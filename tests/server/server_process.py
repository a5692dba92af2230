"""``counter serve`` as processes the tests start, kill (SIGKILL) and start again on one hall's database.

:func:`prepared_hall` makes what a hall's set-up makes once (the hall's CA, the server's certificate, the desks
registered); :class:`ServerProcess` is one server of it on a port of its own, started with the options a test names
(``--hall-work``, ``--work-interval``), killed without a chance to tidy, and started again on the same port, so that
a desk's transport finds it where it was.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from counter.service.remote import Remote
from tests.db.tls_server import SERVER_CERT, SERVER_KEY, make_authority, write_server_certificate
from tests.pg_server import free_port
from tests.server.hall_server import _wait_listening, add_desk
from tests.server.server_logs import watch


@dataclass(frozen=True)
class PreparedHall:
    folder: Path
    url: str
    env: dict[str, str]  # the server's environment: its own home (key folder), never the test's
    ca_file: Path
    desk_keys: dict[str, str]


def prepared_hall(folder: Path, url: str, desks: tuple[str, ...], env: dict[str, str]) -> PreparedHall:
    tls = folder / "tls"
    tls.mkdir(parents=True)
    authority = make_authority("兴安盟政务服务中心 CA")
    write_server_certificate(authority, tls, "localhost")
    ca_file = authority.write(folder / "hall-ca.crt")
    keys = {desk: add_desk(url, desk, env) for desk in desks}
    watch(folder, url, env, once=True)  # its servers run within the test that prepared it: their logs read after it
    return PreparedHall(folder, url, env, ca_file, keys)


@dataclass
class ServerProcess:
    hall: PreparedHall
    name: str  # its log's name: server-a.log
    options: tuple[str, ...] = ()
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    made: list[Remote] = field(default_factory=list)

    @property
    def root(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.hall.folder / f"{self.name}.log"

    def start(self) -> None:
        tls = self.hall.folder / "tls"
        args = ["serve", "--db", self.hall.url, "--cert", str(tls / SERVER_CERT), "--key", str(tls / SERVER_KEY)]
        args += ["--host", "127.0.0.1", "--port", str(self.port), *self.options]
        with self.log.open("a") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "counter", *args], stdout=out, stderr=subprocess.STDOUT, env=self.hall.env
            )
        _wait_listening(self.process, self.port, self.log)

    def kill(self) -> None:
        """SIGKILL: no signal handler runs, nothing is finished or rolled back by the server itself."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        while self.made:
            self.made.pop().close()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def desk(self, desk_no: str, login: str, password: str) -> Remote:
        """A desk machine's transport on this server, signed in."""
        remote = Remote(self.root, self.hall.ca_file)
        self.made.append(remote)
        answer = remote.sign_in(login, password, desk_no, self.hall.desk_keys[desk_no])
        assert answer.result.signed_in, answer
        return remote
