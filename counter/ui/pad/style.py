"""Colours and sizes of the pad: large, high-contrast, one colour per level.

Sizes are given for the smallest pad panel (800×480) and scaled with the
window, so an elderly applicant reads the same proportions on a 7-inch pad and
a 15-inch monitor.  Green to red runs from the best level to the worst, and
each face says the same with its mouth, so the colours are never the only cue.

The 工信部《移动互联网应用（APP）适老化通用设计规范》(2021) asks text of at least 4.5:1 against what is behind it
(3:1 only above 18 pt) and touch targets of at least 60×60: every text colour here is 4.5:1 or more on what it is
drawn on, the large text included (a test computes each pair from these sheets), and no button is ever drawn less
than :data:`LEAST_TARGET` high, however small the pad's window.
"""

from __future__ import annotations

from counter.ratings.levels import Level

BASE_SIZE = (800, 480)

#: (face colour, a light tint of it for the pressed button)
LEVEL_COLOURS: dict[Level, tuple[str, str]] = {
    Level.VERY_SATISFIED: ("#1b7f3b", "#e3f4e8"),
    Level.SATISFIED: ("#3c9a4d", "#e8f6ea"),
    Level.BASIC: ("#b7791f", "#fbf1dc"),
    Level.DISSATISFIED: ("#dd6b20", "#fdebdc"),
    Level.VERY_DISSATISFIED: ("#c53030", "#fbe2e2"),
}
#: the chosen level's name, white on this (the reasons page): the face's colour, darkened where white text on it
#: would be under 4.5:1 (满意 3.55:1, 基本满意 3.64:1, 不满意 3.39:1 on the faces' own colours)
LEVEL_BADGES: dict[Level, str] = {
    Level.VERY_SATISFIED: "#1b7f3b",
    Level.SATISFIED: "#2e7b3c",
    Level.BASIC: "#8a5a12",
    Level.DISSATISFIED: "#b4501a",
    Level.VERY_DISSATISFIED: "#c53030",
}
#: how far the mouth bends, as a share of the face: smile up, frown down
MOUTH_BEND: dict[Level, float] = {
    Level.VERY_SATISFIED: 0.23,
    Level.SATISFIED: 0.15,
    Level.BASIC: 0.0,
    Level.DISSATISFIED: -0.13,
    Level.VERY_DISSATISFIED: -0.24,
}
#: the stars under each face (GB/T 39734 marks the levels with five to one star)
STARS: dict[Level, int] = dict(zip(Level, (5, 4, 3, 2, 1), strict=True))

INK = "#102a43"
MUTED = "#486581"
BACKGROUND = "#f5f7fa"
PRIMARY = "#0b4f8a"
THANKS = "#1b7f3b"
CARD = "#ffffff"
#: a button that cannot be pressed yet (提交 before a reason is chosen): plainly grey, its words still readable
DISABLED_BACKGROUND, DISABLED_TEXT = "#d9e2ec", "#3e5570"
#: the least height of a touch target in pixels, the 适老化 rules' 60 with a margin for the button's border
LEAST_TARGET = 62


def scale_of(width: int, height: int) -> float:
    return max(0.6, min(width / BASE_SIZE[0], height / BASE_SIZE[1]))


def pad_style(scale: float, text: float = 1.0) -> str:
    """The style sheet at ``scale`` times the 800×480 sizes, its text ``text`` times larger again (the desk's size)."""

    def px(size: float) -> int:
        return round(size * scale)

    def pt(size: float) -> int:  # a font's size in pixels
        return round(size * scale * text)

    def target(size: float) -> int:  # a touch target's height: in proportion, never under the 适老化 rules' least
        return max(LEAST_TARGET, px(size))

    return f"""
QWidget#pad {{ background: {BACKGROUND}; }}
QLabel {{ color: {INK}; }}
QLabel[role="welcome"] {{ font-size: {pt(34)}px; font-weight: bold; color: {PRIMARY}; }}
QLabel[role="welcome-both"] {{ font-size: {pt(26)}px; font-weight: bold; color: {PRIMARY}; }}
QLabel[role="desk"] {{ font-size: {pt(26)}px; font-weight: bold; color: {INK}; }}
QLabel[role="clerk"] {{ font-size: {pt(24)}px; font-weight: bold; }}
QLabel[role="staff"] {{ font-size: {pt(19)}px; color: {MUTED}; }}
QLabel[role="office"] {{ font-size: {pt(18)}px; color: {MUTED}; }}
QLabel[role="case"] {{ font-size: {pt(19)}px; }}
QLabel[role="notice"] {{ font-size: {pt(24)}px; background: {CARD}; border: {px(2)}px solid #d9e2ec;
                        border-radius: {px(12)}px; padding: {px(16)}px; }}
VerticalText[role="notice"] {{ font-size: {pt(24)}px; color: {INK}; }}
QLabel[role="question"], VerticalText[role="question"] {{
    font-size: {pt(28)}px; font-weight: bold; color: {PRIMARY}; }}
QLabel[role="hint"], VerticalText[role="hint"] {{ font-size: {pt(17)}px; color: {MUTED}; }}
QLabel[role="chosen"] {{ font-size: {pt(20)}px; font-weight: bold; border-radius: {px(8)}px;
                        padding: {px(4)}px {px(14)}px; color: #ffffff; background: {PRIMARY}; }}
QLabel[role="thanks"], VerticalText[role="thanks"] {{ font-size: {pt(42)}px; font-weight: bold; color: {THANKS}; }}
QLabel[role="thanks-detail"], VerticalText[role="thanks-detail"] {{
    font-size: {pt(24)}px; color: {INK}; }}
QLabel[role="avatar"] {{ font-weight: bold; color: #ffffff; background: {PRIMARY}; }}
QFrame[role="card"] {{ background: {CARD}; border: {px(2)}px solid #d9e2ec; border-radius: {px(12)}px; }}
QPushButton[role="reason"] {{ font-size: {pt(23)}px; min-height: {target(72)}px; border-radius: {px(10)}px;
                             border: {px(3)}px solid #9fb3c8; background: {CARD}; color: {INK}; }}
VerticalText[role="reason-words"] {{ font-size: {pt(23)}px; color: {INK}; }}
VerticalText[role="reason-words"][checked="true"] {{ font-size: {pt(23)}px; color: #ffffff; font-weight: bold; }}
QPushButton[role="reason"]:checked {{ background: {PRIMARY}; border-color: {PRIMARY}; color: #ffffff;
                                     font-weight: bold; }}
QPushButton[role="submit"] {{ font-size: {pt(24)}px; font-weight: bold; min-height: {target(62)}px;
                             border-radius: {px(10)}px; background: {PRIMARY}; color: #ffffff; border: none;
                             padding: 0 {px(30)}px; }}
QPushButton[role="submit"]:disabled {{ background: {DISABLED_BACKGROUND}; color: {DISABLED_TEXT}; }}
QPushButton[role="back"] {{ font-size: {pt(22)}px; min-height: {target(62)}px; border-radius: {px(10)}px;
                           background: {CARD}; color: {INK}; border: {px(3)}px solid #9fb3c8;
                           padding: 0 {px(24)}px; }}
QLineEdit[role="comment"] {{ font-size: {pt(21)}px; min-height: {target(62)}px; border-radius: {px(10)}px;
                            border: {px(2)}px solid #9fb3c8; padding: 0 {px(12)}px; background: {CARD};
                            color: {INK}; placeholder-text-color: {MUTED}; }}
"""


#: the supervisor's list: past due (red), due today or tomorrow (amber); (background, text)
OVERDUE_COLOURS = ("#fde1de", "#9b1c13")
DUE_SOON_COLOURS = ("#fff0c2", "#7a4a00")

PAGE_STYLE = """
QLabel[role="title"] { font-size: 18px; font-weight: bold; color: #102a43; }
QLabel[role="alerts"] { background: #c53030; color: #ffffff; font-weight: bold; border-radius: 10px;
                        padding: 2px 10px; }
QLabel[role="summary"] { color: #243b53; }
QLabel[role="problems"] { color: #9b1c13; font-weight: bold; }
QLabel[role="done"] { color: #1b7f3b; font-weight: bold; }
QLabel[role="note"] { color: #486581; }
QTableWidget { font-size: 14px; }
QGroupBox { font-weight: bold; color: #243b53; border: 1px solid #d9e2ec; border-radius: 6px;
            margin-top: 12px; padding: 10px 8px 8px 8px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
"""
