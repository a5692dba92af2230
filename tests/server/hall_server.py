"""``counter serve`` started as its own process for the tests: the hall's CA, the server's certificate from it, a free
port on 127.0.0.1, the desks registered with ``counter serve add-desk``, and the server stopped at the end; its logs
read for a password after each test and at its stop (:mod:`tests.server.server_logs`)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from counter.service.remote import Remote
from tests.db.tls_server import SERVER_CERT, SERVER_KEY, make_authority, write_server_certificate
from tests.pg_server import free_port
from tests.server.server_logs import Watch, watch

#: the password of the administrator and the clerk wulan of ``clerks_hall`` (tests/server/conftest.py)
HALL_PASSWORD = "Xam01desk2026"

#: how long a start may take: the program's imports and the database's check, on a loaded machine
START_S = 60.0


@dataclass(frozen=True)
class HallServer:
    root: str  # https://127.0.0.1:PORT
    port: int
    ca_file: Path  # the hall's CA certificate, as a desk's set-up gives it
    desk_keys: dict[str, str]  # desk number → the key add-desk printed
    log: Path
    made: list[Remote] = field(default_factory=list)  # closed after each test (close_remotes)
    watch: Watch = field(default_factory=lambda: Watch(()))  # its logs, and the passwords they must never hold

    def remote(self, **options: tuple[float, ...]) -> Remote:
        remote = Remote(self.root, self.ca_file, **options)
        self.made.append(remote)
        return remote

    def close_remotes(self) -> None:
        while self.made:
            self.made.pop().close()

    def desk(self, desk_no: str, login: str, password: str) -> Remote:
        """A desk machine's transport, signed in: the test fails if the sign-in does not succeed."""
        remote = self.remote()
        self.watch.secrets.add(password)
        answer = remote.sign_in(login, password, desk_no, self.desk_keys[desk_no])
        assert answer.result.signed_in, answer
        return remote


def counter(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counter", *args], capture_output=True, text=True, env=env, check=False
    )


def add_desk(url: str, desk_no: str, env: dict[str, str]) -> str:
    """``counter serve add-desk``: the key it printed (its last line)."""
    done = counter("serve", "add-desk", "--db", url, "--desk", desk_no, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def add_pad(url: str, name: str, env: dict[str, str]) -> str:
    """``counter serve add-pad``: the pad's key it printed (its last line)."""
    done = counter("serve", "add-pad", "--db", url, name, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


@contextmanager
def hall_server(
    folder: Path, url: str, desks: tuple[str, ...], env: dict[str, str] | None = None, options: tuple[str, ...] = ()
) -> Iterator[HallServer]:
    """The server on ``url`` with ``desks`` registered, answering until the block ends; ``options`` added to
    ``counter serve``'s."""
    env = dict(os.environ if env is None else env)
    tls = folder / "tls"
    tls.mkdir(parents=True)
    authority = make_authority("兴安盟政务服务中心 CA")
    write_server_certificate(authority, tls, "localhost")
    ca_file = authority.write(folder / "hall-ca.crt")
    keys = {desk: add_desk(url, desk, env) for desk in desks}
    port = free_port()
    log = folder / "server.log"
    args = ["serve", "--db", url, "--cert", str(tls / SERVER_CERT), "--key", str(tls / SERVER_KEY), *options]
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "counter", *args, "--host", "127.0.0.1", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    watched = watch(folder, url, env)
    try:
        _wait_listening(process, port, log)
        yield HallServer(f"https://127.0.0.1:{port}", port, ca_file, keys, log, watch=watched)
    finally:
        process.terminate()
        process.wait(timeout=30)
        watched.running = False
    watched.check()


def _wait_listening(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + START_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"counter serve ended ({process.returncode}):\n{log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)  # a process's start: nothing to wait on but its port
    raise AssertionError(f"counter serve did not listen within {START_S} s:\n{log.read_text()}")
