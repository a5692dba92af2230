"""Colours and the style sheet of the intake panel.

The outcome colours are the ones a clerk reads at a glance from across the
desk: green goes ahead, amber goes ahead with a promise, orange sends the
applicant back with a list, red refuses, grey is not decided yet.  Amber and
orange are told apart by their text colour as well as their shade.

Every word a clerk reads stands at 4.5:1 or more against what is behind it (WCAG 2.2, 1.4.3), the quiet ones too:
the key hints, the counts and the status line are :data:`QUIET` (5.3:1 on the window's grey), not a paler grey.  A
disabled control's words are exempt and carry no instruction: why the commit waits is said beside its button
(``commit-reason``).  Every box and round button is at least 24 pixels tall (2.5.8), the label beside it included.
"""

from __future__ import annotations

from counter.intake.outcome import Outcome

#: the quiet words (hints, counts, the status line; the sheet below writes it out): 5.3:1 on the window's #efefef,
#: 6.1:1 on white
QUIET = "#486581"
#: an error's words: 5.7:1 on the window's grey
ERROR = "#b42318"

#: (background, text) of the outcome headline
OUTCOME_COLOURS: dict[Outcome, tuple[str, str]] = {
    Outcome.ACCEPT: ("#1b7f3b", "#ffffff"),
    Outcome.DEFER: ("#f2c14e", "#3b2a00"),
    Outcome.CORRECT: ("#dd6b20", "#ffffff"),
    Outcome.REFUSE: ("#c53030", "#ffffff"),
    Outcome.INCOMPLETE: ("#a0aec0", "#1a202c"),
    Outcome.UNPUBLISHED: ("#a0aec0", "#1a202c"),
}
#: the headline's colours where the window only receives the items (counter.words.intake.OUTCOME_RECEIVED): a notice
#: of what it found, no red of a refusal it does not make
RECEIVED_COLOURS: dict[Outcome, tuple[str, str]] = {Outcome.REFUSE: ("#3c5a78", "#ffffff")}


STYLE = """
QGroupBox { font-weight: bold; color: #243b53; border: 1px solid #d9e2ec; border-radius: 6px;
            margin-top: 12px; padding: 10px 8px 8px 8px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QGroupBox QLabel, QGroupBox QLineEdit, QGroupBox QCheckBox, QGroupBox QRadioButton { font-weight: normal; }
QLineEdit { padding: 3px 4px; }
QCheckBox, QRadioButton, QSpinBox { min-height: 24px; }
QLabel[role="field-error"] { color: #b42318; }
QLabel[role="field-ok"] { color: #18743a; }
QLabel[role="flag"] { color: #9c4a00; font-weight: bold; }
QLabel[role="hint"] { color: #0b4f8a; }
QLabel[role="resubmission"] { background: #fff4e5; color: #7a4100; padding: 6px 10px; border-radius: 4px;
                              font-weight: bold; }
QLabel[role="keys"] { color: #486581; }
QLabel[role="pending"] { color: #9c4a00; font-weight: bold; }
QLabel[role="done"] { color: #18743a; font-weight: bold; }
QLabel[role="question"] { color: #243b53; font-weight: bold; }
QPushButton[option="true"] { padding: 4px 12px; border: 1px solid #9fb3c8; border-radius: 4px;
                             background: #ffffff; color: #243b53; }
QPushButton[option="true"]:checked { background: #0b4f8a; border-color: #0b4f8a; color: #ffffff; }
QPushButton[option="true"]:focus { border: 2px solid #f0a020; }
QFrame[row="true"] { background: #ffffff; border: 1px solid #d9e2ec; border-radius: 4px; }
QFrame[row="true"][state="pending"] { background: #fff7e0; border: 1px solid #f0a020; }
QFrame[row="true"]:focus { border: 2px solid #0b4f8a; background: #eaf2fb; }
QFrame[row="true"][state="pending"]:focus { border: 2px solid #0b4f8a; background: #fdeec8; }
QLabel[tag="required"] { background: #243b53; color: #ffffff; padding: 1px 5px; border-radius: 3px; }
QLabel[tag="deferrable"] { background: #f2c14e; color: #3b2a00; padding: 1px 5px; border-radius: 3px; }
QLabel[tag="optional"] { background: #d9e2ec; color: #334e68; padding: 1px 5px; border-radius: 3px; }
QLabel[tag="shared"] { background: #c6f6d5; color: #22543d; padding: 1px 5px; border-radius: 3px; }
QLabel[role="material"] { font-weight: bold; color: #102a43; }
QLabel[role="guide-count"] { color: #486581; }
QPushButton[receipt="true"] { padding: 3px 8px; border: 1px solid #bcccdc; border-radius: 3px;
                              background: #f8fafc; color: #243b53; }
QPushButton[receipt="true"]:checked { background: #0b4f8a; border-color: #0b4f8a; color: #ffffff; }
QPushButton[option="true"]:disabled, QPushButton[receipt="true"]:disabled { color: #9fb3c8; }
QPushButton[option="true"]:checked:disabled, QPushButton[receipt="true"]:checked:disabled {
    background: #829ab1; border-color: #829ab1; color: #f0f4f8; }
QPushButton#commit { font-size: 17px; font-weight: bold; padding: 10px; background: #0b4f8a; color: #ffffff;
                     border-radius: 5px; }
QPushButton#commit:disabled { background: #bcccdc; color: #f0f4f8; }
QLabel#commit-reason { color: #9c4a00; font-weight: bold; }
QPushButton#commit[busy="true"]:disabled { background: #334e68; color: #ffffff; }
QLabel#case-no { font-size: 24px; font-weight: bold; color: #18743a; }
QLabel[role="message"] { color: #b42318; }
QLabel[role="warning"] { background: #fff4e5; color: #7a4100; padding: 4px 6px; border-radius: 3px; }
"""


def headline_style(outcome: Outcome, received: bool = False) -> str:
    """The headline's look; ``received``: the window only receives the items (:data:`RECEIVED_COLOURS`)."""
    background, text = (RECEIVED_COLOURS if received and outcome in RECEIVED_COLOURS else OUTCOME_COLOURS)[outcome]
    return (
        f"background: {background}; color: {text}; font-size: 28px; font-weight: bold;"
        " padding: 10px 12px; border-radius: 6px;"
    )
