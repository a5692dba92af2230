"""The guide's 受理 step where the hall only receives every item of the bundle: the hall's own act, 收件.

A guide's 办理流程 is the department's text (``[[steps]]`` of the catalog: "受理 — 受理凭证，或补齐补正通知书、容缺
受理通知书 — 材料齐全、符合法定形式的当场受理"), and it is true where the window accepts.  Where the hall is only the
收件 window (许可法 第二十六条; :mod:`counter.documents.acceptance`), its papers are the 收件凭证, the 补齐材料告知书
and the 容缺后补材料告知书, and the 受理 is the department's after it: the guide said what the paper then denied.  The
step the hall takes is said here, by the program that knows the standing, not rewritten from the catalog's words;
the other steps (审查, 决定, 送达) are the departments' and stay as the catalog gives them.  Paper words, as the
receipts print them (:mod:`counter.documents.acceptance_words`), never translated.
"""

from __future__ import annotations

import dataclasses

from counter.catalog.model import Bundle, Step

#: the name a guide's step of the window's 受理 carries in the catalog
ACCEPT_STEP = "受理"
RECEIVED_NAME = "收件"
RECEIVED_RESULT = "收件凭证，或补齐材料告知书、容缺后补材料告知书"
RECEIVED_DESCRIPTION = (
    "窗口核验身份证件和材料原件，材料齐全的当场收件，当日转送实施部门，由其依法决定是否受理，受理日期以实施部门"
    "受理之日为准；材料不齐全的，一次性告知需要补齐的材料。窗口只负责收件，不作受理或者不予受理的决定。"
)


def received_step(step: Step) -> Step:
    """``step`` as the hall that only receives takes it: its 受理 step becomes its 收件, with its own limit."""
    if step.name != ACCEPT_STEP:
        return step
    return dataclasses.replace(step, name=RECEIVED_NAME, result=RECEIVED_RESULT, description=RECEIVED_DESCRIPTION)


def received_steps(bundle: Bundle) -> tuple[Step, ...]:
    """The bundle's 办理流程 at a hall that only receives every one of its items."""
    return tuple(received_step(step) for step in bundle.steps)
