"""The next applicant one key away, counted: 40 applicants served at the real desk with the keyboard only.

The real main window on a real SQLite database with the shipped catalog, one 1366×768 screen (offscreen
platform), and nothing but key events sent to the widget that has the focus — no method calls on widgets, no
clicks.  Each applicant's bundle is 我要开小餐馆 (``xcg``): ID number, name, phone, address, the three situations,
the materials, then one of 受理 / 容缺受理 / 补正 / 不予受理, some with an agent (委托代理人办理), some by post or
electronic delivery.  Every character of the applicant's data counts as data; every other key (F5, Tab, Space,
arrows, digits on a material row, Ctrl+Enter, Alt+Y, Esc) counts as overhead.  Printing is skipped with Esc,
which the panel takes as "no paper", and that key is counted.

The goal, 25 keys of overhead per applicant on average: a form of 4 to 7 fields, 3 situations, a checklist
and a decision cannot take much fewer than 20 deliberate keys (one to reach and one to set each of them), and a
clerk who needs a quarter as many again is walking the Tab chain past things the applicant never touches.  A
refusal as needing no licence (行政许可法 第三十二条第一款第一项) is found of each licence applied for, one box
ticked for each: two deliberate keys more per licence, added to the floor and to the goal alike (the 不予受理
applicant here ticks 设立登记 and 食品经营许可: 4 keys, so 1 key on the mean of the four outcomes).

Exits 1 when the mean overhead is over the goal, 2 when an applicant could not be served with the keyboard
(it prints where the focus got stuck), 0 otherwise.

The floor printed beside the mean is those 20 keys.  ``--smoke`` serves one applicant of each outcome.

Then the same applicants again (other people: new ID numbers, so that 一证办理 fills nothing from the first round)
with the desk's 二代证 reader: a pseudo-terminal plays each applicant's card, F2 (one key, counted) reads it, and the
card gives the ID number, the name and the address, which are then not typed.  The mean of all keys per applicant
(data and overhead) is printed for both rounds; the goal is a drop of at least 30 keys.

    .venv/bin/python benchmarks/bench_keystrokes.py [--applicants 40] [--goal 25] [--smoke]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from counter.service.call import Clock
from counter.service.local import InProcess
from tests.entrusted import restaurant_held
from tests.ui.runners import store_of

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QEventLoop, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from benchmarks.goals import Verdicts, arguments
from counter.actions.cases.case_reads import case_view
from counter.actions.site.store import Store
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.intake.outcome import RefusalGround
from counter.intake.parties import Delivery
from counter.parties.id_card import IdCard
from counter.parties.identifiers import make_id_number
from counter.resources import bundled_catalog_dir
from counter.ui.intake import IntakePanel
from counter.ui.look.geometry import fit_to_screen
from counter.ui.mainwindow.main_window import MainWindow
from tests.id_card_player import CardPlayer, good_read
from tests.ui.shown_text import outcome_text

TODAY = dt.date(2026, 11, 20)
SCREEN = (1366, 768)
CARD_DROP_GOAL = 30  # keys per applicant the card reader must save, on average
FLOOR_KEYS = 20  # one key to reach and one to set each field, situation and the decision (the docstring)
FINDING_KEYS = 2  # one key to reach and one to tick each licence a 第一项 refusal is found of (the docstring)
TAB_LIMIT = 60  # a control further than this along the Tab chain counts as out of the keyboard's reach
OPTIONS = {"operator": ("individual", "company"), "agent": ("self", "agent"), "signboard": ("yes", "no")}


class Stuck(Exception):
    """The keyboard could not reach what the clerk needed next."""


@dataclass
class Applicant:
    number: int
    outcome: str  # accept / defer / correct / refuse
    agent: bool
    delivery: str  # pickup / post / electronic
    id_no: str
    name: str
    phone: str
    address: str
    agent_id: str = ""
    agent_name: str = ""
    authorisation: str = ""
    post_address: str = ""
    defect_note: str = ""


@dataclass
class Count:
    data: int = 0
    overhead: int = 0
    keys: list[str] = field(default_factory=list)
    findings: int = 0  # licences ticked as needing none: each a decision of its own (FINDING_KEYS)


def applicants(count: int, others: int = 0) -> list[Applicant]:
    """``count`` applicants; ``others`` shifts the ID numbers' order so that a second round brings other people."""

    outcomes = ("accept", "defer", "correct", "refuse")
    deliveries = ("pickup", "post", "electronic")
    surnames = "张王李赵刘陈杨黄吴周"
    people = []
    for n in range(count):
        born = dt.date(1960 + n % 40, 1 + n % 12, 1 + n % 28)
        agent = n % 3 == 1
        delivery = deliveries[n % 3 if n % 2 else 0]
        people.append(
            Applicant(
                number=n + 1,
                outcome=outcomes[n % 4],
                agent=agent,
                delivery=delivery,
                id_no=make_id_number("152201", born, 10 + n + others),
                name=surnames[n % 10] + "海军",
                phone=f"139048{n:05d}",
                address=f"乌兰浩特市和平街道民主路{n + 1}号",
                agent_id=make_id_number("150702", dt.date(1990, 6, 15), 20 + n + others) if agent else "",
                agent_name=(surnames[(n + 3) % 10] + "代办") if agent else "",
                authorisation=f"授权委托书第{n + 1}号" if agent else "",
                post_address=f"乌兰浩特市兴安北大路{n + 2}号" if delivery == "post" else "",
                defect_note="租赁合同已过期" if outcomes[n % 4] == "correct" else "",
            )
        )
    return people


def one_screen(folder: Path) -> None:
    """Before the QApplication: one 1366×768 screen, and a data folder of the run's own with the desk's clerk."""
    screen = {"name": "Desk", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1], "logicalDpi": 96}
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["COUNTER_HOME"] = str(folder / "home")
    save_desk_config(DeskConfig(clerk="乌兰"))  # a desk takes intakes once its clerk is named


class Keyboard:
    """Keys to whatever has the focus, counted; waits use the event loop, never sleep."""

    def __init__(self) -> None:
        self.count = Count()

    def current(self) -> QWidget | None:
        """The focus widget, or None while no window is active (a wait goes on until one is)."""
        return QApplication.focusWidget()

    def focus(self) -> QWidget:
        widget = self.current()
        if widget is None:
            raise Stuck(f"the keyboard is nowhere: {describe(None)}")
        return widget

    def key(self, key: Qt.Key, label: str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.focus(), key, modifier)
        self.count.overhead += 1
        self.count.keys.append(label)
        QCoreApplication.processEvents()

    def type(self, text: str) -> None:
        """Each character as a key press and release to the focused widget (hanzi as the input method gives them)."""
        for character in text:
            if character.isascii():
                QTest.keyClicks(self.focus(), character)
            else:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(
                        self.focus(), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character)
                    )
            self.count.data += 1
        QCoreApplication.processEvents()

    def wait_until(self, done: Callable[[], bool], what: str, timeout_ms: int = 10_000) -> None:
        deadline = QDeadlineTimer(timeout_ms)
        while not done():
            if deadline.hasExpired():
                raise Stuck(f"waited in vain for {what}; the keyboard is on {describe(self.current())}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def wait_for_focus(self, widget: QWidget, what: str) -> None:
        self.wait_until(lambda: self.current() is widget, what)

    def tab_into(self, targets: Sequence[QWidget], what: str) -> None:
        """Tab (and only Tab) until one of ``targets`` has the focus."""
        seen: list[str] = []
        for _ in range(TAB_LIMIT):
            if self.focus() in targets:
                return
            seen.append(describe(self.focus()))
            self.key(Qt.Key.Key_Tab, "Tab")
        if self.focus() not in targets:
            raise Stuck(f"{what} not reached with {TAB_LIMIT} Tabs; the Tab chain went: " + " → ".join(seen[:25]))

    def tab_to(self, target: QWidget, what: str) -> None:
        self.tab_into([target], what)

    def arrow_to(self, items: Sequence[QWidget], target: QWidget, what: str, forward: Qt.Key, back: Qt.Key) -> None:
        """From one of ``items`` (which has the focus) to ``target`` with the arrow keys."""
        step = forward if items.index(target) >= items.index(self.focus()) else back
        for _ in range(len(items)):
            if self.focus() is target:
                return
            self.key(step, step.name.removeprefix("Key_"))
        if self.focus() is not target:
            raise Stuck(f"the arrows did not reach {what}; the keyboard is on {describe(self.focus())}")

    def choose(self, buttons: Sequence[QAbstractButton], target: QAbstractButton, what: str) -> None:
        """One of an exclusive group: Tab into the group (it is one stop), arrows to ``target``, Space."""
        self.tab_into(buttons, what)
        self.arrow_to(buttons, target, what, Qt.Key.Key_Right, Qt.Key.Key_Left)
        if not target.isChecked():
            self.key(Qt.Key.Key_Space, "Space")

    def to_row(self, rows: Sequence[QWidget], target: QWidget, what: str) -> None:
        """A material row: Tab into the list (one stop, its first row), then Down to ``target``."""
        self.tab_to(rows[0], "the material list")
        self.arrow_to(rows, target, what, Qt.Key.Key_Down, Qt.Key.Key_Up)


def describe(widget: QWidget | None) -> str:
    if widget is None:
        active = QApplication.activeWindow()
        return f"nothing (active window: {active.windowTitle() if active else None})"
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    name = widget.accessibleName() or widget.objectName()
    return f"{type(widget).__name__}({text or name})"


def card_of(person: Applicant) -> IdCard:
    born = dt.date(int(person.id_no[6:10]), int(person.id_no[10:12]), int(person.id_no[12:14]))
    return IdCard(person.name, "1", "蒙古", born, person.address, person.id_no, "乌兰浩特市公安局",
                  dt.date(2020, 1, 2), dt.date(2040, 1, 2), bytes(1024))  # fmt: skip


def fill_parties(panel: IntakePanel, keys: Keyboard, person: Applicant, reader: CardPlayer | None = None) -> None:
    """Who applies, the agent if any, how the result reaches them: Tab from field to field, typing; with a
    reader, F2 and the card on it give the ID number, the name and the address."""
    form = panel.applicant_form
    if reader is None:
        keys.type(person.id_no)
    else:
        reader.answers = good_read(card_of(person))
        keys.key(Qt.Key.Key_F2, "F2")
        keys.wait_until(lambda: form.id_field.text() == person.id_no, "the card read")
    for edit, text in ((form.name, person.name), (form.phone, person.phone), (form.address, person.address)):
        if reader is not None and edit is not form.phone:
            continue  # the card gave it
        keys.tab_to(edit, "applicant field")
        if not edit.text():  # 一证办理 may have filled it from an earlier case
            keys.type(text)
    if person.agent:
        agent = panel.agent_form
        keys.tab_to(agent, "the agent box")
        keys.key(Qt.Key.Key_Space, "Space")
        for edit, text in ((agent.id_field.edit, person.agent_id), (agent.name, person.agent_name),
                           (agent.authorisation, person.authorisation)):  # fmt: skip
            keys.tab_to(edit, "agent field")
            if not edit.text():
                keys.type(text)
    delivery = panel.delivery_form
    if person.delivery != Delivery.PICKUP:
        ways = [delivery.buttons[d.value] for d in Delivery]
        keys.choose(ways, delivery.buttons[person.delivery], f"the delivery {person.delivery}")
        if person.delivery == Delivery.POST:
            keys.tab_to(delivery.address, "the postal address")
            keys.type(person.post_address)


def answer_and_decide(panel: IntakePanel, keys: Keyboard, person: Applicant) -> None:
    """The situations, the materials, and what the outcome needs beyond them."""
    answers = {"operator": "individual", "agent": "agent" if person.agent else "self", "signboard": "no"}
    for situation, option in answers.items():
        group = [panel.situations.option_button(situation, o) for o in OPTIONS[situation]]
        keys.choose(group, panel.situations.option_button(situation, option), f"the answer {situation}={option}")
    rows = list(panel.checklist_view.rows.values())
    keys.tab_to(rows[0], "the material list")  # Tab from the last situation lands on the first row
    keys.key(Qt.Key.Key_A, "Alt+A", Qt.KeyboardModifier.AltModifier)  # 全部已收取; the keyboard stays on the list
    if person.outcome == "defer":
        # M08 not handed over (3, and the keyboard moves on to M09); M09 容缺后补 (6: the request is ticked and the
        # keyboard goes to the conditions still to confirm)
        keys.to_row(rows, panel.checklist_view.row("M08"), "material M08")
        keys.key(Qt.Key.Key_3, "3")
        keys.wait_for_focus(panel.checklist_view.row("M09"), "material M09")
        keys.key(Qt.Key.Key_6, "6")
        for box in (panel.deferral.no_bad_credit, panel.deferral.pledge_signed):
            keys.tab_to(box, box.text())
            keys.key(Qt.Key.Key_Space, "Space")
    elif person.outcome == "correct":
        row = panel.checklist_view.row("M05")
        keys.to_row(rows, row, "material M05")
        keys.key(Qt.Key.Key_2, "2")
        keys.wait_for_focus(row.note, "the defect note")
        keys.type(person.defect_note)
    elif person.outcome == "refuse":
        keys.tab_to(panel.refusal, "不予受理")
        keys.key(Qt.Key.Key_Space, "Space")
        keys.tab_to(panel.refusal.grounds[RefusalGround.NO_LICENCE_NEEDED], "the refusal ground")
        keys.key(Qt.Key.Key_Space, "Space")
        # 第一项 is found of each licence applied for: its box ticked (设立登记 and 食品经营许可; no 户外招牌 asked)
        for box in panel.refusal.no_licence_boxes.values():
            if box.isVisible():
                keys.tab_to(box, f"the box of {box.text()}")
                keys.key(Qt.Key.Key_Space, "Space")
                keys.count.findings += 1


def serve(window: MainWindow, keys: Keyboard, person: Applicant, reader: CardPlayer | None = None) -> str:
    """One applicant, F5 to Esc; the case number taken."""
    keys.key(Qt.Key.Key_F5, "F5")
    panel = window.desk_actions.intake
    if panel is None or panel.committed:
        raise Stuck("F5 opened no new intake")
    keys.wait_for_focus(panel.applicant_form.id_field.edit, "the keyboard in the ID field")
    fill_parties(panel, keys, person, reader)
    answer_and_decide(panel, keys, person)
    taken: list[str] = []
    panel.case_taken.connect(taken.append)
    keys.key(Qt.Key.Key_Return, "Ctrl+Enter", Qt.KeyboardModifier.ControlModifier)
    if person.outcome == "refuse":
        keys.wait_until(lambda: panel.confirmation is not None and panel.confirmation.isVisible(), "the confirmation")
        keys.key(Qt.Key.Key_Y, "Alt+Y", Qt.KeyboardModifier.AltModifier)
    keys.wait_until(lambda: bool(taken), f"the commit ({outcome_text(panel.outcome_box)[:200]})")
    keys.wait_for_focus(panel.print_button, "the keyboard on the print button")
    keys.key(Qt.Key.Key_Escape, "Esc")  # no printer here: the panel asks why its papers stay unprinted
    keys.wait_until(lambda: panel.unprinted_question is not None and panel.unprinted_question.isActiveWindow(),
                    "the question of the papers")  # fmt: skip
    leave_unprinted(panel)
    keys.wait_until(lambda: not panel.isVisible(), "the panel to close")
    keys.wait_for_focus(window.search_panel.box, "the keyboard back in the desk's search box")
    return taken[0]


NO_PAPER_REASON = "本机未接打印机"  # why the benchmark's desk closes its intakes with the papers unprinted


def leave_unprinted(panel: IntakePanel) -> None:
    """The papers are outside this count (the morning test prints and counts them, tests/ui/test_morning.py): a
    desk without a printer closes its intake saying so, with keys not counted here."""
    question = panel.unprinted_question
    assert question is not None
    for character in NO_PAPER_REASON:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(question.reason, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character))
    QTest.keyClick(question.reason, Qt.Key.Key_Return)


NAMES = {"accept": "受理", "defer": "容缺受理", "correct": "补正", "refuse": "不予受理"}


def open_desk(folder: Path, today: dt.date | None = TODAY) -> tuple[MainWindow, Store, Keyboard]:
    """The desk as it starts, the catalog in, and 我要开小餐馆 on screen (typed once a day, not counted).

    ``today``: the training day the desk takes (the keys' counts do not depend on the date); None, a live desk."""
    store = Store(f"sqlite:///{folder / 'desk.sqlite3'}", create=True)
    window = MainWindow(InProcess(store, clock=Clock(today)), bundled_catalog_dir())
    fit_to_screen(window, (1280, 800))
    window.show()
    ready: list[bool] = []
    window.catalog_ready.connect(ready.append)
    window.start_sync()
    keys = Keyboard()
    keys.wait_until(lambda: bool(ready), "the catalog", timeout_ms=120_000)
    restaurant_held(store.sessions(), window.desk_actions.desk())  # the 不予受理 is the window's to give
    keys.wait_for_focus(window.search_panel.box, "the keyboard in the search box")
    keys.type("xcg")
    keys.key(Qt.Key.Key_Return, "Enter")
    keys.wait_until(lambda: window.current_bundle is not None, "the guide")
    return window, store, keys


def budget(goal: float, findings: Sequence[int]) -> tuple[float, float]:
    """The floor and the goal of the mean overhead: the licences ticked for a 第一项 refusal add their keys to both."""
    extra = FINDING_KEYS * statistics.mean(findings) if findings else 0.0
    return FLOOR_KEYS + extra, goal + extra


def report(count: int, served: Round, goal: float, verdicts: Verdicts) -> float | None:
    per_outcome, data = served.per_outcome, served.data
    every = [n for counts in per_outcome.values() for n in counts]
    print(f"{len(every)} of {count} applicants served keyboard-only on a {SCREEN[0]}×{SCREEN[1]} screen")
    for outcome, counts in per_outcome.items():
        if counts:
            mean = statistics.mean(counts)
            print(f"  {NAMES[outcome]:<6} n={len(counts):>3}  overhead keys mean={mean:5.1f}  max={max(counts)}")
    if not every:
        return None
    mean = statistics.mean(every)
    print(f"  all     n={len(every):>3}  overhead keys mean={mean:5.1f}  max={max(every)}"
          f"  (data keys mean={statistics.mean(data):.1f})")  # fmt: skip
    floor, goal = budget(goal, served.findings)
    verdicts.at_most("overhead keys per applicant, mean", mean, goal, unit="keys", floor=floor)
    return mean


def run(count: int, goal: float, verdicts: Verdicts) -> int:
    with tempfile.TemporaryDirectory(prefix="counter-keys-") as folder:
        return run_in(Path(folder), count, goal, verdicts)


@dataclass
class Round:
    per_outcome: dict[str, list[int]] = field(default_factory=lambda: {o: [] for o in NAMES})
    data: list[int] = field(default_factory=list)
    findings: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def mean_keys(self) -> float:
        """Every key per applicant, data and overhead."""
        every = [n for counts in self.per_outcome.values() for n in counts]
        return statistics.mean(a + b for a, b in zip(every, self.data, strict=True)) if every else 0.0


def serve_round(window: MainWindow, keys: Keyboard, people: list[Applicant], reader: CardPlayer | None) -> Round:
    done = Round()
    for person in people:
        keys.count = Count()
        try:
            case_no = serve(window, keys, person, reader)
        except Stuck as err:
            where = traceback.extract_tb(err.__traceback__)[1]
            done.problems.append(
                f"applicant {person.number} ({NAMES[person.outcome]}) stuck at line {where.lineno}: {err}"
            )
            break
        view = store_of(window.runner).read(partial(case_view, case_no=case_no))
        if view is None or view.outcome != person.outcome:
            got = view.outcome if view else None
            done.problems.append(f"applicant {person.number}: case {case_no} is {got}, not {person.outcome}")
        if (
            reader is not None
            and view is not None
            and (view.applicant_name, view.applicant_address) != (person.name, person.address)
        ):
            done.problems.append(f"applicant {person.number}: case {case_no} is not the card's applicant")
        done.per_outcome[person.outcome].append(keys.count.overhead)
        done.data.append(keys.count.data)
        done.findings.append(keys.count.findings)
        if person.number <= len(NAMES):
            print(f"  applicant {person.number} ({NAMES[person.outcome]}): " + " ".join(keys.count.keys))
    return done


def run_in(folder: Path, count: int, goal: float, verdicts: Verdicts) -> int:
    one_screen(folder)
    app = QApplication([])
    window, store, keys = open_desk(folder)
    by_hand = serve_round(window, keys, applicants(count), None)
    report(count, by_hand, goal, verdicts)
    reader = CardPlayer([])
    reader.start()
    save_desk_config(DeskConfig(clerk="乌兰", id_reader="serial", id_reader_at=reader.port))
    print("with the ID card reader (F2):")
    with_card = serve_round(window, keys, applicants(count, others=500), reader)
    reader.stop()
    report(count, with_card, goal, Verdicts(smoke=True))  # its overhead, for the record
    before, after = by_hand.mean_keys(), with_card.mean_keys()
    print(f"  keys per applicant (data and overhead), mean: {before:.1f} by hand, {after:.1f} with the card")
    verdicts.at_least("keys per applicant saved by the card reader, mean", before - after, CARD_DROP_GOAL, "keys")
    problems = by_hand.problems + with_card.problems
    for line in problems:
        print(line)
    window.close()
    store.dispose()
    app.shutdown()
    if problems:
        return 2
    return verdicts.finish()


def main() -> int:
    parser = arguments(__doc__)
    parser.add_argument("--applicants", type=int, default=40)
    parser.add_argument("--goal", type=float, default=25.0)
    args = parser.parse_args()
    return run(len(NAMES) if args.smoke else args.applicants, args.goal, Verdicts(smoke=args.smoke))


if __name__ == "__main__":
    sys.exit(main())
