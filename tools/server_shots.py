"""Pictures of a hall desk whose server goes away in the middle of an intake, and comes back, at 1366×768.

    .venv/bin/python tools/server_shots.py [--out docs/screenshots]

Makes a hall in a throw-away folder as its technician would (``counter db upgrade``, the first accounts, the hall's
CA and the server's certificate made with ``openssl``, ``counter serve add-desk``, ``counter desk --server --ca
--desk-key-file``), starts ``counter serve`` on it, and drives the desk's window on Xvfb (:mod:`screenshot`) as a
clerk would: sign in, 我要开小餐馆, the form filled, Ctrl+Enter with the server stopped, then the server started again.

- ``server-away.png``: the intake kept, the clerk told that the hall server is away and that it commits by itself;
- ``outage-offer.png``: the server still away, the clerk offered outage mode (断网应急收件), nothing imposed;
- ``server-back.png``: the clerk chose to wait: the same intake taken once the server answers again, its number
  shown.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import screenshot  # beside this file: on the path when run as a script
from window_shots import fill_intake, hand_in

PASSWORD = "Xam01desk2026"
SERVER_START_S = 60.0


def _counter(*args: str, env: dict[str, str]) -> str:
    command = [sys.executable, "-m", "counter", *args]
    done = subprocess.run(command, check=False, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"counter {' '.join(args[:2])} failed:\n{done.stderr}")
    return done.stdout


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """The hall's CA, and the server's certificate and key from it for 127.0.0.1, made as a technician makes them."""

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True)

    ca_key, ca, key, request, cert = (
        folder / n for n in ("ca.key", "hall-ca.crt", "server.key", "req.csr", "server.crt")
    )
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "30",
            "-subj", "/CN=兴安盟政务服务中心 CA", "-utf8", "-keyout", str(ca_key), "-out", str(ca),
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign")  # fmt: skip
    openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=localhost",
            "-keyout", str(key), "-out", str(request))  # fmt: skip
    alt = folder / "names.ext"
    alt.write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    openssl("x509", "-req", "-in", str(request), "-CA", str(ca), "-CAkey", str(ca_key), "-CAcreateserial",
            "-days", "30", "-extfile", str(alt), "-out", str(cert))  # fmt: skip
    return ca, cert, key


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, url: str, cert: Path, key: Path, port: int, env: dict[str, str], log: Path) -> None:
        self.args = ["serve", "--db", url, "--cert", str(cert), "--key", str(key), "--host", "127.0.0.1"]
        self.port, self.env, self.log = port, env, log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("a") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "counter", *self.args, "--port", str(self.port)],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=self.env,
            )
        deadline = time.monotonic() + SERVER_START_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"counter serve ended:\n{self.log.read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)  # a process's start: nothing to wait on but its port
        raise RuntimeError("counter serve did not listen")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None


def _hall(folder: Path) -> tuple[Server, Path, str]:
    """The hall's database with its accounts, the server answering on it; its CA and desk 8's key."""
    env = dict(os.environ, COUNTER_HOME=str(folder / "server-home"), COUNTER_STATE=str(folder / "server-state"))
    url = f"sqlite:///{folder / 'hall.sqlite3'}"
    _counter("db", "upgrade", "--db", url, env=env)
    _counter("catalog", "list", "--db", url, env=env)  # the bundled catalog comes in with the first command
    for login, name, role in (("admin", "管理员", "admin"), ("wulan", "乌兰", "clerk")):
        as_admin = [] if login == "admin" else ["--user", "admin"]
        done = subprocess.run(
            [sys.executable, "-m", "counter", *as_admin, "user", "add", login, "--name", name, "--role", role,
             "--password-stdin", "--db", url],
            input=PASSWORD + "\n", capture_output=True, text=True, env=env | {"COUNTER_PASSWORD": PASSWORD},
            check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"user add {login}:\n{done.stderr}")
    ca, cert, key = _certificates(folder)
    desk_key = _counter("serve", "add-desk", "--db", url, "--desk", "8", env=env).strip().splitlines()[-1]
    server = Server(url, cert, key, _free_port(), env, folder / "server.log")
    server.start()
    return server, ca, desk_key


def _wait(app: object, until: object, seconds: float) -> None:
    """Turn the event loop until ``until()`` holds."""
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    deadline = time.monotonic() + seconds
    while not until():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise RuntimeError("the window did not get there")
        app.processEvents()
        time.sleep(0.02)


def _outage(driver: screenshot.Driver, intake: Any, server: Server, window: Any) -> None:
    """The server still away: outage mode offered (the picture), the clerk chooses to wait; then the server back
    and the intake taken at the hall as before (outage mode itself: tests/server/test_desk_window.py)."""
    from counter.ui.door.outage_mode import OutageMode
    from counter.ui.door.server_words import OUTAGE_WAIT

    mode = window.findChild(OutageMode)
    assert mode is not None
    _wait(driver.app, lambda: mode.offer_box is not None and mode.offer_box.isVisible(), 60)
    driver.settle()
    assert mode.offer_box is not None
    driver.save(mode.offer_box, "outage-offer.png")
    (wait,) = [b for b in mode.offer_box.buttons() if b.text() == OUTAGE_WAIT]
    wait.click()
    server.start()
    _wait(driver.app, lambda: intake.finished, 60)
    driver.settle()
    driver.save(intake, "server-back.png")


def shots(driver: screenshot.Driver, folder: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from counter.cli.main import main as command
    from counter.service.remote import Remote
    from counter.ui.look.geometry import fit_to_screen
    from counter.ui.start.hall_start import open_hall_window
    from counter.ui.start.start_window import WINDOW_SIZE

    server, ca, desk_key = _hall(folder)
    try:
        (folder / "desk.key").write_text(desk_key + "\n")
        command(["desk", "--desk", "8", "--clerk", "乌兰"])
        root = f"https://127.0.0.1:{server.port}"
        command(["desk", "--server", root, "--ca", str(ca), "--desk-key-file", str(folder / "desk.key")])
        window, _ = open_hall_window(Remote(root, ca))
        fit_to_screen(window, WINDOW_SIZE)
        sign_in = window.sign_in
        assert sign_in is not None
        sign_in.window.login.setText("wulan")
        sign_in.window.password.setText(PASSWORD)
        QTest.keyClick(sign_in.window.password, Qt.Key.Key_Return)
        _wait(driver.app, window.isVisible, 60)
        window.activateWindow()
        driver.settle()
        driver.search(window, "xcg")
        window.on_intake_requested()
        intake = window.desk_actions.intake
        assert intake is not None
        intake.reconnector.timer.setInterval(1000)
        fill_intake(intake)
        hand_in(intake)
        driver.settle()
        server.stop()
        intake.commit_button.click()  # the transport's own retries first (some seven seconds), then the intake waits
        _wait(driver.app, lambda: intake.reconnector.attempts >= 1, 60)
        driver.settle()
        driver.save(intake, "server-away.png")
        _outage(driver, intake, server, window)
        intake.close()
        window.close()
        sign_in.window.close()
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=screenshot.REPO / "docs" / "screenshots")
    args = parser.parse_args()
    screenshot.SIZE = (1366, 768)  # a hall desk's usual screen
    args.out.mkdir(parents=True, exist_ok=True)
    with screenshot.xvfb() as display, tempfile.TemporaryDirectory(prefix="counter-server-shots-") as tmp:
        os.environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        os.environ.pop("WAYLAND_DISPLAY", None)
        os.environ["COUNTER_HOME"] = str(Path(tmp) / "desk-home")
        os.environ["COUNTER_STATE"] = str(Path(tmp) / "desk-state")
        driver = screenshot.Driver(display, args.out)
        shots(driver, Path(tmp))
    for name in ("server-away.png", "outage-offer.png", "server-back.png"):
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(screenshot.REPO))
    raise SystemExit(main())
