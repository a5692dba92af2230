"""A Kylin desk's Chinese input, started by a test: an X server, a session bus and fcitx5 with pinyin.

fcitx5 is configured as such a desk has it, in the clerk's own ``~/.config/fcitx5``: US keyboard and 拼音, the
pinyin switched on with Ctrl+Space (fcitx5's trigger key); the session tells programs ``QT_IM_MODULE=fcitx`` and
``XMODIFIERS=@im=fcitx``, as Kylin's does.  :func:`type_applicant_name` then starts the desk's window as a clerk
does, opens an intake, types pinyin into the applicant's name with ``xdotool`` (real key presses on the X server) and
reads back what the field holds from the draft the intake saves of itself (:mod:`counter.ui.intake.draft_keeper`):
the program's own output, no door opened for the test.

Nothing waits a fixed time: Xvfb and the session bus say when they are ready on a pipe, ``gdbus wait`` waits for
fcitx5's name on the bus, ``xdotool search --sync`` for a window, and the draft is read until it holds the name.

The keys go in once the window has caught up with them, as a clerk types into a field once it is there.  Qt hands
each key the X server has queued to the input method as it reads it, before it moves the focus as a key read earlier
(the Tab) or the intake's window taking the keyboard asks: typed while the window was still busy opening, the pinyin
being composed was reset by that move, and the name came out as " " or "名".  So a letter is typed into the name
first, with pinyin still off, and erased once the draft holds it.
"""

from __future__ import annotations

import json
import os
import select
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from counter.db.sealed import unseal
from counter.host.keys.data_key import read_data_keys

T = TypeVar("T")

#: the clerk's fcitx5 profile: US keyboard first (what is typed while the input method is off), then pinyin
PROFILE = """\
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
"""
#: what Kylin's session says of its input method (im-config's fcitx5 setting says the same)
SESSION = {"QT_IM_MODULE": "fcitx", "XMODIFIERS": "@im=fcitx", "GTK_IM_MODULE": "fcitx"}
WAIT = 60  # seconds any one step may take on a busy machine before the test gives up
MAIN_WINDOW = "综合受理窗口"
INTAKE_WINDOW = "^(受理|收件)："  # the act the hall's papers name: 收件 where it only receives the items
CLERK = "乌兰"


@dataclass(frozen=True)
class Desktop:
    display: str
    bus: str
    home: Path
    fcitx_log: str  # what fcitx5 said while it started

    def env(self) -> dict[str, str]:
        return {"DISPLAY": self.display, "DBUS_SESSION_BUS_ADDRESS": self.bus, **SESSION}


def _started(stack: ExitStack, args: list[str], **kwargs: object) -> subprocess.Popen[str]:
    process = subprocess.Popen(args, text=True, **kwargs)  # type: ignore[call-overload]  # kwargs are Popen's own

    def stop() -> None:
        process.terminate()
        try:
            process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()

    stack.callback(stop)
    return process  # type: ignore[no-any-return]  # Popen[str] by text=True


def _said(process: subprocess.Popen[str], name: str, wanted: str) -> str:
    """What ``process`` wrote on its output up to ``wanted``, read as it comes (for :data:`WAIT` at most)."""
    assert process.stdout is not None
    pipe, seen = process.stdout.fileno(), b""
    deadline = time.monotonic() + WAIT
    while wanted.encode() not in seen:
        ready, _, _ = select.select([pipe], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(pipe, 65536) if ready else b""
        assert chunk, f"{name} did not say {wanted!r}: {seen.decode()}"
        seen += chunk
    return seen.decode()


def _first_line(process: subprocess.Popen[str], what: str) -> str:
    assert process.stdout is not None
    line = process.stdout.readline().strip()  # the program writes it once ready, or ends (an empty read)
    assert line, f"{what} did not start"
    return line


@contextmanager
def fcitx_desktop(home: Path) -> Iterator[Desktop]:
    """An X server, a session bus and fcitx5 with pinyin for the clerk whose home is ``home``."""
    config = home / ".config" / "fcitx5"
    config.mkdir(parents=True, exist_ok=True)
    (config / "profile").write_text(PROFILE, encoding="utf-8")
    with ExitStack() as stack:
        xvfb = ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"]
        display = ":" + _first_line(_started(stack, xvfb, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL), "Xvfb")
        bus_daemon = ["dbus-daemon", "--session", "--nofork", "--print-address=1"]
        bus = _first_line(_started(stack, bus_daemon, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL), "dbus-daemon")
        env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "DISPLAY": display, "DBUS_SESSION_BUS_ADDRESS": bus}
        # the Wayland addons only complain in an X session
        fcitx = _started(
            stack, ["fcitx5", "--disable=wayland,waylandim"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        seen = _said(fcitx, "fcitx5", "Loaded addon pinyin")  # its dictionaries read: pinyin typed now gets hanzi
        # and its IBus frontend's portal is on the bus
        subprocess.run(
            ["gdbus", "wait", "--session", "--timeout", str(WAIT), "org.freedesktop.portal.IBus"],
            env=env,
            check=True,
            timeout=WAIT + 10,
        )
        yield Desktop(display, bus, home, seen)


def _xdotool(desktop: Desktop, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={"PATH": "/usr/bin:/bin", "DISPLAY": desktop.display},
        capture_output=True,
        text=True,
        timeout=WAIT,
        check=True,
    )
    return done.stdout.strip()


def _window(desktop: Desktop, name: str) -> str:
    """The window whose title matches ``name``, waited for until it is shown."""
    return _xdotool(desktop, "search", "--sync", "--onlyvisible", "--name", name).splitlines()[0]


def draft_name(database: Path) -> str | None:
    """The applicant's name in the desk's saved draft, None while there is none."""
    if not database.exists():
        return None
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        row = db.execute("SELECT content FROM intake_draft ORDER BY saved_at DESC").fetchone()  # the newest
    if row is None:
        return None
    keys = read_data_keys(database.parent / "keys" / "site.key")  # the desk's, in its own data folder: stored sealed
    return str(json.loads(unseal(row[0], keys))["applicant"]["name"])


def _looked_at_until(look: Callable[[], T], done: Callable[[T], bool]) -> T:
    """What ``look`` sees once ``done`` holds of it, or when :data:`WAIT` has passed: a file the window writes, looked
    at again and again (the condition waited on is the file's content)."""
    deadline = time.monotonic() + WAIT
    while True:
        seen = look()
        if done(seen) or time.monotonic() > deadline:
            return seen
        time.sleep(0.1)  # the next look at the file


def read_until(database: Path, wanted: str) -> str | None:
    """The draft's name once it is ``wanted``, or what it holds when :data:`WAIT` has passed.

    The intake saves its draft a moment after the last key (DRAFT_DELAY_MS): read until it is there.
    """
    return _looked_at_until(lambda: draft_name(database), lambda name: name == wanted)


def wait_for_line(log: Path, wanted: str) -> None:
    """Until the desk's log holds a line with ``wanted``, for at most :data:`WAIT`."""
    text = _looked_at_until(lambda: log.read_text(encoding="utf-8") if log.exists() else "", lambda t: wanted in t)
    if wanted not in text:
        raise AssertionError(f"the desk's log never said {wanted!r}")


def set_up_desk(program: list[str], env: dict[str, str]) -> None:
    """The desk as a hall sets it up: its site and its clerk (a desk without them opens the site form, takes no
    intake)."""
    for args in (
        ["site", "init", "--code", "XAM01", "--name", "兴安盟政务服务中心", "--kind", "hall"],
        ["desk", "--clerk", CLERK],
    ):
        done = subprocess.run([*program, *args], env=env, capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr


#: the pinyin input method switched on (fcitx5's trigger key), a name typed in pinyin, its first candidate taken
HANZI = (("key", "ctrl+space"), ("type", "wangxiaoming"), ("key", "space"))
#: typed into the name with pinyin off, and erased once the draft holds it: the window has the name field and has
#: caught up with the keys, so no move of the focus is still to come while pinyin is being composed
PROBE = "x"


def type_applicant_name(
    desktop: Desktop,
    program: list[str],
    env: dict[str, str],
    database: Path,
    wanted: str,
    keys: tuple[tuple[str, ...], ...] = HANZI,
) -> str | None:
    """Start the window, open an intake of 我要开小餐馆 as a clerk does (search ``xcg``, Enter, F5), go to the
    applicant's name, press ``keys`` (xdotool commands) and give back the name the draft holds: ``wanted`` when it
    arrived, or whatever the field got instead."""
    stderr = desktop.home / "window-stderr.txt"
    with stderr.open("w", encoding="utf-8") as errors:
        window = subprocess.Popen(program, env=env | desktop.env(), stdout=subprocess.DEVNULL, stderr=errors)
    try:
        main = _window(desktop, MAIN_WINDOW)
        # the desk's start ends with the review pad's (after its database has warmed up); typing into an intake
        # opened before that may lose the pinyin being composed, which the manual tells the clerk (retype it): the
        # typing here starts once the start is over
        wait_for_line(database.parent / "logs" / "counter.log", "review pad started")
        # no window manager under Xvfb: the X focus is given as a click on the window would
        _xdotool(desktop, "windowfocus", "--sync", main)
        _xdotool(desktop, "type", "xcg")
        _xdotool(desktop, "key", "Return", "F5")
        intake = _window(desktop, INTAKE_WINDOW)
        _xdotool(desktop, "windowfocus", "--sync", intake)
        _xdotool(desktop, "key", "Tab")  # the intake opens in the ID number; the name is the next field
        _xdotool(desktop, "type", PROBE)
        if read_until(database, PROBE) != PROBE:
            raise AssertionError("the intake's name field never took the keys typed into it")
        _xdotool(desktop, "key", "BackSpace")
        for command in keys:
            _xdotool(desktop, *command)
        return read_until(database, wanted)
    finally:
        window.terminate()
        window.wait(timeout=WAIT)
        if window.returncode not in (0, -15):
            raise AssertionError(f"the window ended with {window.returncode}: {stderr.read_text(encoding='utf-8')}")


def fcitx_env() -> dict[str, str]:
    """This process's environment without a Qt platform, an input method or a display of its own."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("QT_", "XDG_", "IBUS_"))
        and key not in {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XMODIFIERS", "GTK_IM_MODULE"}
    }
