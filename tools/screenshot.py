"""Pictures of the real desk window, drawn by X under Xvfb, for the README and for review.

    .venv/bin/python tools/screenshot.py [--out docs/screenshots]

Starts Xvfb on a free display (1280×800, or ``--size 1366x768``), runs the app in this process on the xcb
platform against a throw-away data folder and the shipped catalog (its text at ``--text`` per cent, as a desk set to
that size draws it; 100 by default), types "xcg" and
opens the guide as a clerk would, and saves what the X server shows.  Every window is placed as the desk places it
(:mod:`counter.ui.look.geometry`); with no window manager under Xvfb, one too large for the screen keeps the size it was
given rather than being maximised, so the pictures show it with room for a title bar around it.

- ``start.png``: the window as it opens, every bundle listed;
- ``main-window.png``: the guide of 我要开小餐馆 just opened;
- ``materials.png``: its material list after answering a situation;
- ``unpublished.png``: a bundle whose guide is not published;
- ``message-box.png``, ``printer-chooser.png``: a message box and the printer chooser, Qt's buttons in Chinese;
- ``banner.png``: the warning bar when a bundled catalog file is broken;
- ``sign-in.png``, ``screen-lock.png``: hall mode, a wrong password, then the lock after idle time;
- ``sync.png``: a township's sync page after sending its cases, with one record held at the hall shown;
- ``pad-one-screen.png``: a township laptop's whole screen (1366×768, drawn by a second run of this tool with
  ``--size 1366x768 --pad-only``) after F9: the review pad in the part the intake leaves free;
- ``pad-mn-faces.png``, ``pad-mn-reasons.png``, ``pad-mn-thanks.png`` (``--pad-only --pad-language mn``): the same
  screen with the pad in Mongolian, set in vertical columns: the faces, the reasons after 非常不满意, the thanks.
- with ``--intake-only``, the intake's pictures and ``draft-bar.png`` alone (:func:`window_shots.intake_and_drafts`);
- the intake, the case page, the lists, the preview, the supervisor's pages and the text size (:mod:`window_shots`);
- the case page at the departments' desks (a department's 不予受理, a 告知承诺 along a promise found false, a receipt
  per body) and the intake at a hall that only receives (:mod:`case_state_shots`; ``--case-states`` takes only these).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from counter.actions.site.store import Store
    from counter.ui.intake import IntakePanel
    from counter.ui.mainwindow.main_window import MainWindow
    from counter.ui.pad.pad_window import PadWindow

REPO = Path(__file__).resolve().parent.parent
SIZE = (1280, 800)
LAPTOP = "1366x768"  # the screen of the pad's one-screen picture: the narrowest with room beside an intake
HALL_HOME = "home-hall-sync"  # the sync pictures' hall, a machine apart from the township
CLERK = "乌兰"  # the clerk named at the pictures' desk
BROKEN_FILE = "104.toml"
BROKEN_TEXT = 'format = 1\ncode = "XAM-YJS-104"\nnumber = 104\nname = "我要开书店"\nstatus = "publish\n'


def free_display() -> int:
    for number in range(90, 200):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    raise RuntimeError("no free X display number between :90 and :199")


def write_png(image: Image.Image, path: Path) -> None:
    """A window's picture in 256 colours: flat fills and anti-aliased text look the same, at under half the bytes.

    Four sizes of every window are kept in the repository (``make screenshots``); full colour would make each set
    weigh about 4 MB.  No dithering, so a flat fill stays flat.
    """
    image.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        path, optimize=True
    )


@contextmanager
def xvfb() -> Iterator[str]:
    number = free_display()
    display = f":{number}"
    width, height = SIZE
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 10
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Xvfb did not start on {display}")
            time.sleep(0.05)
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def resources_with(folder: Path, broken: bool) -> Path:
    root = folder / "resources"
    shutil.copytree(REPO / "counter" / "resources" / "catalog", root / "catalog")
    (root / "fonts").symlink_to(REPO / "counter" / "resources" / "fonts", target_is_directory=True)
    (root / "translations").symlink_to(REPO / "counter" / "resources" / "translations", target_is_directory=True)
    (root / "platform").symlink_to(REPO / "counter" / "resources" / "platform", target_is_directory=True)
    if broken:
        (root / "catalog" / BROKEN_FILE).write_text(BROKEN_TEXT, encoding="utf-8")
    return root


class Driver:
    """Drives the window like a clerk and saves what X shows."""

    def __init__(self, display: str, out: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from counter.host.machine.logs import setup_logging
        from counter.ui.look.fonts import install_fonts
        from counter.ui.start.qt_language import install_qt_language

        setup_logging()
        self.display = display
        self.out = out
        self.app = QApplication(["counter"])
        install_qt_language(self.app)  # as the desk app does: Qt's own buttons in the desk's language
        install_fonts(self.app, REPO / "counter" / "resources" / "fonts")

    def open(self) -> tuple[MainWindow, Store]:
        """The desk as a clerk uses it: its clerk named (a desk without one takes no intake), its catalog in."""
        from dataclasses import replace

        from PySide6.QtCore import QEventLoop, QTimer

        from counter.host.machine.desk_config import load_desk_config, save_desk_config
        from counter.ui.look.geometry import fit_to_screen
        from counter.ui.start.app import open_window
        from counter.ui.start.start_window import WINDOW_SIZE

        config = load_desk_config()
        if not config.clerk:
            save_desk_config(replace(config, clerk=CLERK))
        window, db = open_window(None)
        fit_to_screen(window, WINDOW_SIZE)  # as the desk places it
        window.show()
        window.activateWindow()  # no window manager under Xvfb: shortcuts need an active window
        loop = QEventLoop()
        window.catalog_ready.connect(lambda _ok: loop.quit())
        QTimer.singleShot(0, window.start_sync)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        self.settle()
        return window, db.store  # the tools arrange what is stored through the store itself

    def settle(self) -> None:
        """Let X draw everything asked so far: a few rounds of events and a short pause."""
        for _ in range(5):
            self.app.processEvents()
            time.sleep(0.05)

    def search(self, window: MainWindow, text: str, down: int = 1) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        box = window.search_panel.box
        QTest.keyClicks(box, text)
        for _ in range(down):
            QTest.keyClick(box, Qt.Key.Key_Down)
        QTest.keyClick(box, Qt.Key.Key_Return)
        self.settle()

    def press_escape(self, window: MainWindow) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(window.search_panel.box, Qt.Key.Key_Escape)

    def save(self, window: QWidget, name: str) -> None:
        from PIL import ImageGrab

        geometry = window.frameGeometry()
        box = (geometry.x(), geometry.y(), geometry.x() + geometry.width(), geometry.y() + geometry.height())
        write_png(ImageGrab.grab(bbox=box, xdisplay=self.display), self.out / name)

    def save_screen(self, name: str) -> None:
        """The whole screen, every window on it, as the clerk sees it."""
        from PIL import ImageGrab

        write_png(ImageGrab.grab(bbox=(0, 0, *SIZE), xdisplay=self.display), self.out / name)

    def guide_shots(self) -> None:
        window, db = self.open()
        self.save(window, "start.png")
        self.search(window, "xcg")
        self.save(window, "main-window.png")
        panel = window.guide_view.situations
        panel.option_button("operator", "individual").click()
        panel.option_button("agent", "self").click()
        self.settle()
        view = window.guide_view
        view.verticalScrollBar().setValue(view.materials_heading.y() - 12)
        self.settle()
        self.save(window, "materials.png")
        self.press_escape(window)
        self.search(window, "chaoshi")
        self.save(window, "unpublished.png")
        window.close()
        db.dispose()

    def dialog_shots(self) -> None:
        """Qt's own buttons in Chinese: the message box of a case number not found, and the printer chooser."""
        from PySide6.QtCore import QEventLoop, QTimer

        from counter.ui.cases.opening import show_not_found
        from counter.ui.printing.printer_chooser import PrinterChooser

        window, db = self.open()
        box = show_not_found(window, "XAM01-20261122-01-0009")
        self.settle()
        self.save(box, "message-box.png")
        box.close()
        chooser = PrinterChooser("", window)
        loop = QEventLoop()
        chooser.loaded.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        chooser.show()
        loop.exec()
        self.settle()
        self.save(chooser, "printer-chooser.png")
        chooser.close()
        window.close()
        db.dispose()

    def banner_shot(self) -> None:
        window, db = self.open()
        self.search(window, "xcg")
        self.save(window, "banner.png")
        window.close()
        db.dispose()

    def sign_in_shots(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from counter.access.account_views import NewAccount
        from counter.access.roles import Role
        from counter.actions.admin.accounts import add_account
        from counter.host.machine.desk_at import desk_at
        from counter.host.machine.desk_config import load_desk_config
        from counter.ui.start.start_window import start_sign_in

        window, db = self.open()
        config = load_desk_config()
        desk = desk_at(config)
        with db.sessions().begin() as session:
            add_account(session, desk, NewAccount("admin01", "王敏", frozenset({Role.ADMIN}), "guanli2026"))
        window.hide()
        with db.sessions().begin() as session:
            from counter.access.roles import Actor

            admin = Actor("admin01", "王敏", frozenset({Role.ADMIN}))
            clerk = NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), "chuangkou2026", staff_no="1508")
            add_account(session, desk_at(config, admin), clerk)
        sign_in = start_sign_in(window, window.runner.service, begin_work=False)
        form = sign_in.window
        form.login.setText("wulan")
        form.password.setText("chuangkou")
        QTest.keyClick(form.password, Qt.Key.Key_Return)
        self.settle()
        self.save(form, "sign-in.png")
        form.password.setText("chuangkou2026")
        QTest.keyClick(form.password, Qt.Key.Key_Return)
        self.settle()
        sign_in.lock()
        self.settle()
        self.save(form, "screen-lock.png")
        form.close()
        window.close()
        db.dispose()

    def pad_shot(self, language: str = "zh") -> None:
        """One screen: an intake on the left as the clerk keeps it, F9, and the pad comes up in the free part, in
        the desk's pad language."""
        import dataclasses
        import datetime as dt

        from PIL import ImageGrab
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from counter.actions.site.demo import run_demo
        from counter.host.machine.desk_at import desk_at
        from counter.host.machine.desk_config import load_desk_config, save_desk_config

        save_desk_config(dataclasses.replace(load_desk_config(), pad_language=language))
        window, db = self.open()
        run_demo(db.sessions(), desk_at(load_desk_config()), dt.date.today())  # the desk's day so far
        window.start_pad()
        self.search(window, "xcg")
        window.desk_actions.start_intake(window.current_bundle)
        intake = window.desk_actions.intake
        assert intake is not None
        intake.setGeometry(0, 0, intake.minimumSizeHint().width(), SIZE[1])  # as narrow as it goes, on the left
        self.take(intake)  # F9 rates the case on screen: the intake, once taken
        intake.activateWindow()
        self.settle()
        QTest.keyClick(intake, Qt.Key.Key_F9)
        self.settle()
        pad = window.desk_actions.pad
        if pad is None or not pad.pad.isVisible():  # a picture of the desk without the pad would say nothing
            raise RuntimeError("F9 did not bring the pad up: pad-one-screen.png not written")
        write_png(ImageGrab.grab(bbox=(0, 0, *SIZE), xdisplay=self.display), self.out / "pad-one-screen.png")
        if language != "zh":  # the applicant's three pages in her script: the faces, the reasons, the thanks
            self.pad_pages(pad.pad, language)
        QTest.keyClick(pad.pad, Qt.Key.Key_Escape)
        intake.close()
        window.close()
        db.dispose()

    def take(self, intake: IntakePanel) -> None:
        """The intake filled, its materials handed in and committed, as the clerk's Ctrl+Enter does (from the window's
        loop), the case's number on it."""
        from PySide6.QtCore import QEventLoop, QTimer
        from window_shots import fill_intake, hand_in  # beside this file: on the path when run as a script

        fill_intake(intake)
        hand_in(intake)
        loop = QEventLoop()
        intake.case_taken.connect(lambda _case_no: loop.quit())
        QTimer.singleShot(30_000, loop.quit)
        QTimer.singleShot(0, intake.commit_button.click)
        loop.exec()
        if intake.taken is None:
            raise RuntimeError("the intake was not taken: pad-one-screen.png not written")

    def pad_pages(self, pad: PadWindow, language: str) -> None:
        """The pad's faces, then 非常不满意 tapped (its reasons), then a reason and 提交 (the thanks), as the applicant
        taps them; each saved as ``pad-LANGUAGE-PAGE.png``."""
        from PIL import ImageGrab
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from counter.ratings.levels import Level

        def grab(page: str) -> None:
            self.settle()
            image = ImageGrab.grab(bbox=(0, 0, *SIZE), xdisplay=self.display)
            write_png(image, self.out / f"pad-{language}-{page}.png")

        grab("faces")
        QTest.mouseClick(pad.face_buttons[Level.VERY_DISSATISFIED], Qt.MouseButton.LeftButton)
        grab("reasons")
        QTest.mouseClick(pad.reason_buttons[0], Qt.MouseButton.LeftButton)
        QTest.mouseClick(pad.submit_button, Qt.MouseButton.LeftButton)
        grab("thanks")

    def sync_shot(self, folder: Path) -> None:
        """A township that sent its demo cases; the hall lacked one guide version, so one case waits for review."""
        import datetime as dt

        from counter.access.desk import Desk
        from counter.actions.admin.site import init_site, register_peer
        from counter.actions.site.demo import run_demo
        from counter.actions.sync.packages import export_package, import_package
        from counter.case.numbers import DeskIdentity
        from counter.sync.sites import SiteKind

        window, db = self.open()
        township = db.sessions()
        desk = Desk(DeskIdentity("XAMT01", "1"), "其其格")
        with township.begin() as session:
            mine = init_site(session, "XAMT01", "和平街道便民服务中心", SiteKind.TOWNSHIP, desk=desk)
        township_home = os.environ["COUNTER_HOME"]
        # the hall is another machine: its own home, its own key files (the township's would be taken for the hall's)
        os.environ["COUNTER_HOME"] = str(folder / HALL_HOME)
        from counter.host.machine.paths import site_key_path

        hall_key = site_key_path()
        os.environ["COUNTER_HOME"] = township_home
        from counter.db.engine import make_engine, make_sessions
        from counter.db.migrate import upgrade

        hall_engine = make_engine(f"sqlite:///{folder / 'hall.sqlite3'}")
        upgrade(hall_engine)
        hall = make_sessions(hall_engine)
        hall_desk = Desk(DeskIdentity("XAM01", "1"), "宝音")
        with hall.begin() as session:
            theirs = init_site(session, "XAM01", "兴安盟政务服务中心", SiteKind.HALL, desk=hall_desk, key_path=hall_key)
            register_peer(
                session, mine.code, mine.name, mine.kind, mine.public_key, desk=hall_desk,
                encryption_key=mine.encryption_key,
            )  # fmt: skip
        with township.begin() as session:
            register_peer(
                session, theirs.code, theirs.name, theirs.kind, theirs.public_key, desk=desk,
                encryption_key=theirs.encryption_key,
            )  # fmt: skip
        run_demo(township, desk, dt.date.today())
        now = dt.datetime.now(dt.UTC)
        with township.begin() as session:
            sent = export_package(session, desk, now)
        with hall.begin() as session:  # a hall without the catalog: every case waits for its guide
            import_package(session, hall_desk, sent.data, now, key_path=hall_key)
        from counter.actions.site.store import Store

        hall_store = Store(f"sqlite:///{folder / 'hall.sqlite3'}", create=True)
        self.sync_pages(folder, (db, desk), (hall_store, hall_desk))
        hall_store.dispose()
        window.close()
        hall_engine.dispose()
        db.dispose()

    def sync_pages(self, folder: Path, township: tuple[Any, Any], hall: tuple[Any, Any]) -> None:
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        from counter.service.local import InProcess
        from counter.ui.door.runner import Runner
        from counter.ui.look.geometry import fit_to_screen
        from counter.ui.mainwindow.desk_actions import SYNC_SIZE
        from counter.ui.sync.sync_page import SyncPage

        page = SyncPage(Runner(InProcess(township[0])), township[1])
        fit_to_screen(page, SYNC_SIZE)
        page.refresh()
        page.show()
        package = folder / "XAMT01.sync"
        page.export_to(package)
        while page.working:  # its answer comes on this thread
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        self.settle()
        self.save(page, "sync.png")
        os.environ["COUNTER_HOME"] = str(folder / HALL_HOME)  # the hall's page reads the hall's key files
        hall_page = SyncPage(Runner(InProcess(hall[0])), hall[1])
        fit_to_screen(hall_page, SYNC_SIZE)
        hall_page.refresh()
        hall_page.show()
        self.settle()
        self.save(hall_page, "sync-hall.png")
        page.close()
        hall_page.close()


def main() -> int:
    global SIZE  # noqa: PLW0603 -- the one screen size of this run, read by the X server and every window
    from case_state_shots import case_state_shots  # beside this file: on the path when run as a script
    from window_shots import intake_and_drafts, working_window_shots

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--size", default="x".join(map(str, SIZE)), help="the screen, e.g. 1366x768 or 1024x768")
    parser.add_argument("--pad-only", action="store_true", help="only pad-one-screen.png")
    parser.add_argument(
        "--pad-language", choices=("zh", "mn"), help="the pad's words (pad_language), with --pad-only; zh by default"
    )
    parser.add_argument("--case-states", action="store_true", help="only the case page's states (case_state_shots)")
    parser.add_argument("--intake-only", action="store_true", help="only the intake's pictures and the draft bar")
    parser.add_argument("--text", type=int, default=100, choices=(100, 125, 150), help="the text size, per cent")
    args = parser.parse_args()
    if args.pad_language and not args.pad_only:  # the other pictures never show the pad: it would do nothing
        parser.error("--pad-language draws pad-one-screen.png alone: give --pad-only with it")
    width, height = (int(part) for part in args.size.split("x"))
    SIZE = (width, height)
    from counter.ui.look.text_size import set_text_percent

    set_text_percent(args.text)  # before the font and every window, as the desk's start applies it
    args.out.mkdir(parents=True, exist_ok=True)
    with xvfb() as display, tempfile.TemporaryDirectory(prefix="counter-shots-") as tmp:
        os.environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        os.environ.pop("WAYLAND_DISPLAY", None)
        driver = Driver(display, args.out)
        os.environ["COUNTER_HOME"] = str(Path(tmp) / "home")
        os.environ["COUNTER_RESOURCES"] = str(resources_with(Path(tmp) / "good", broken=False))
        if args.pad_only:
            driver.pad_shot(args.pad_language or "zh")
            return 0
        if args.case_states or args.intake_only:
            (case_state_shots if args.case_states else intake_and_drafts)(driver)
            return 0
        driver.guide_shots()
        driver.dialog_shots()
        os.environ["COUNTER_HOME"] = str(Path(tmp) / "home-work")
        working_window_shots(driver)
        os.environ["COUNTER_HOME"] = str(Path(tmp) / "home-broken")
        os.environ["COUNTER_RESOURCES"] = str(resources_with(Path(tmp) / "broken", broken=True))
        driver.banner_shot()
        os.environ["COUNTER_HOME"] = str(Path(tmp) / "home-hall")
        os.environ["COUNTER_RESOURCES"] = str(resources_with(Path(tmp) / "hall", broken=False))
        driver.sign_in_shots()
        os.environ["COUNTER_HOME"] = str(Path(tmp) / "home-township")
        os.environ["COUNTER_RESOURCES"] = str(resources_with(Path(tmp) / "township", broken=False))
        driver.sync_shot(Path(tmp))
        os.environ["COUNTER_HOME"] = str(Path(tmp) / "home-departments")
        os.environ["COUNTER_RESOURCES"] = str(resources_with(Path(tmp) / "departments", broken=False))
        case_state_shots(driver)
    # the pad's picture wants a laptop's screen: an X server of its own
    if not (args.pad_only or args.case_states or args.intake_only):
        command = [sys.executable, __file__, "--out", str(args.out), "--size", LAPTOP, "--pad-only"]
        command += ["--text", str(args.text)]
        subprocess.run(command, check=True)
    for name in sorted(p.name for p in args.out.glob("*.png")):
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    raise SystemExit(main())
