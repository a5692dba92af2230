"""How the case page looks: its style sheet and the colour of each status's label.

Kept apart from :mod:`counter.ui.cases.case_page`, which is about what the page shows and does.
"""

from __future__ import annotations

from counter.case.status import CaseStatus
from counter.ui.cases.marks import AMBER, AMBER_BORDER, AMBER_TEXT, RED, RED_BORDER, RED_TEXT
from counter.ui.widgets.restyle import box

STYLE = f"""
QLabel#caseNumber {{ font-size: 26px; font-weight: bold; color: #102a43; }}
QLabel#caseStatus {{
    font-size: 16px; font-weight: bold; color: #ffffff; background: #0b4f8a; border-radius: 4px; padding: 3px 10px;
}}
QLabel#caseSubtitle {{ font-size: 15px; color: #334e68; }}
QLabel#sectionHeading {{ font-size: 16px; font-weight: bold; color: #0b4f8a; padding-top: 10px; }}
QLabel.key {{ color: #627d98; }}
QLabel.value {{ color: #102a43; }}
QLabel#supervisorLabel {{ color: #627d98; padding-left: 18px; }}
QFrame#actionBar QPushButton {{ padding: 6px 14px; }}
QFrame#actionBar QPushButton#supervisorAction {{ color: {RED_TEXT}; }}
QFrame#actionBar QPushButton#sameDay {{ color: #05603a; font-weight: bold; }}
QLabel#alertOverdue {{ {box(RED, RED_TEXT, RED_BORDER)} font-weight: bold; }}
QLabel#alertDue {{ {box(AMBER, AMBER_TEXT, AMBER_BORDER)} }}
QLabel#noticeOk {{ {box("#e3f8ec", "#05603a", "#6ce9a6")} }}
QLabel#noticeWarn {{ {box(AMBER, AMBER_TEXT, AMBER_BORDER)} }}
QLabel#noticeError {{ {box(RED, RED_TEXT, RED_BORDER)} font-weight: bold; }}
"""
STATUS_COLOURS = {
    CaseStatus.AWAITING_DEFERRED: "#b54708",
    CaseStatus.CORRECTION_ISSUED: "#b54708",
    CaseStatus.REFUSED: "#9b1c13",
    CaseStatus.DENIED: "#9b1c13",
    CaseStatus.WITHDRAWN: "#627d98",
    CaseStatus.RESUBMITTED: "#627d98",
    CaseStatus.CORRECTION_LAPSED: "#627d98",
    CaseStatus.READY: "#05603a",
    CaseStatus.DELIVERED: "#05603a",
}
