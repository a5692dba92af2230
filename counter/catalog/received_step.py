"""The guide's 受理 step where the hall only receives every item of the bundle: the hall's own act, 收件.

A guide's 办理流程 is the department's text (``[[steps]]`` of the catalog: "受理 — 受理凭证，或补齐补正通知书、容缺
受理通知书 — 材料齐全、符合法定形式的当场受理"), and it is true where the window accepts.  Where the hall is only the
收件 window (许可法 第二十六条; :mod:`counter.documents.acceptance`), its papers are the 收件凭证, the 补齐材料告知书
and the 容缺后补材料告知书, and the 受理 is the department's after it: the guide said what the paper then denied.  The
step the hall takes is said here, by the program that knows the standing, not rewritten from the catalog's words;
the other steps (审查, 决定, 送达) are the departments' and stay as the catalog gives them.

The step's result names the hall's 收件 papers from the one table of paper names its reader keeps, never from words
of its own: the window's guide from :func:`counter.words.documents.paper_title`, the printed 一次性告知单 from the
headings the papers print (:data:`counter.documents.acceptance_words.RECEIVED_TITLE`, never translated).
The catalog sits below both, so the reader hands its table in (``title``: a paper's kind to its name).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from counter.catalog.model import Bundle, Step

#: the name a guide's step of the window's 受理 carries in the catalog
ACCEPT_STEP = "受理"
RECEIVED_NAME = "收件"
#: the papers the hall's 收件 ends in, by their kinds (counter.documents.kinds.DocumentKind values): the 收件凭证, or
#: else the 补齐材料告知书 or the 容缺后补材料告知书
RECEIVED_PAPERS = ("receipt", "correction", "deferral")
RECEIVED_DESCRIPTION = (
    "窗口核验身份证件和材料原件，材料齐全的当场收件，当日转送实施部门，由其依法决定是否受理，受理日期以实施部门"
    "受理之日为准；材料不齐全的，一次性告知需要补齐的材料。窗口只负责收件，不作受理或者不予受理的决定。"
)


def received_result(title: Callable[[str], str]) -> str:
    """The 收件 step's result: its papers as ``title`` names them, the receipt first, then the others it may be."""
    receipt, *others = (title(kind) for kind in RECEIVED_PAPERS)
    return f"{receipt}，或{'、'.join(others)}"


def received_step(step: Step, title: Callable[[str], str]) -> Step:
    """``step`` as the hall that only receives takes it: its 受理 step becomes its 收件, with its own limit, its
    papers named by ``title``."""
    if step.name != ACCEPT_STEP:
        return step
    result = received_result(title)
    return dataclasses.replace(step, name=RECEIVED_NAME, result=result, description=RECEIVED_DESCRIPTION)


def received_steps(bundle: Bundle, title: Callable[[str], str]) -> tuple[Step, ...]:
    """The bundle's 办理流程 at a hall that only receives every one of its items, its papers named by ``title``."""
    return tuple(received_step(step, title) for step in bundle.steps)
