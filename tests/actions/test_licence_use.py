"""Every 用证 is logged on the case and printed: a C-level 营业执照 the clerk checked against its original is taken as
B with "此件经与原件核对无误", the case keeps who used it, when and why (办理《…》一件事，办件编号 …) with the 加注件
the library issued, and the receipt prints all of it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.documents import make_document
from counter.actions.intake.licences import look_up_licences
from counter.case.moments import office_day
from counter.db.case_store import case_view
from counter.documents.kinds import DocumentKind
from counter.host.outward.licence_library import LookUpOutcome
from counter.intake.checklist import Checklist, Receipt, original_checked, record_entry, take_licence
from counter.intake.licence_trust import use_reason
from counter.intake.licence_use import use_of_record
from counter.intake.licences import TrustLevel, licence_of_record
from tests.actions.conftest import TODAY
from tests.actions.test_licence_intake import LICENCE_MATERIAL, _settings, _start, _take
from tests.documents.pdf_tools import pdf_text
from tests.licence_library import BUSINESS_LICENCE, CREDIT_CODE, running_library

UPLOADED = {**BUSINESS_LICENCE, "number": "152201600077777", "trust_level": "C", "annotated_id": "JZ-2026-000123",
            "annotated_until": "2026-12-20"}  # fmt: skip
SHOTS = os.environ.get("COUNTER_SHOTS", "")  # a folder to keep the rendered page in, to look at


@pytest.mark.slow  # a library over TLS, an intake, a receipt printed and rendered: about two seconds
def test_the_use_of_a_checked_licence_is_logged_on_the_case_and_printed(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    bundle, checklist = _start(sessions)
    with running_library() as library:
        library.held = [UPLOADED]
        found = look_up_licences(_settings(library.url), CREDIT_CODE, ("营业执照",), use_reason(bundle.name))
    assert found.outcome is LookUpOutcome.ANSWERED
    (uploaded,) = found.licences
    assert (uploaded.trust, uploaded.annotated_id, uploaded.annotated_until) == (
        TrustLevel.C, "JZ-2026-000123", dt.date(2026, 12, 20)
    )  # fmt: skip
    waiting = take_licence(checklist, bundle, LICENCE_MATERIAL, uploaded, CREDIT_CODE, TODAY)
    assert waiting.entry(LICENCE_MATERIAL).receipt is Receipt.PENDING  # type: ignore[union-attr]
    number = _take(sessions, desk, _check_original(waiting, LICENCE_MATERIAL))
    with sessions.begin() as s:
        view = case_view(s, number)
        made = make_document(s, desk, number, DocumentKind.RECEIPT, TODAY)
    assert view is not None
    line = next(m for m in view.materials if m.code == LICENCE_MATERIAL)
    licence = licence_of_record(line.licence)
    assert licence is not None
    assert (licence.trust, licence.checked_original) == (TrustLevel.B, True)
    use = use_of_record(line.licence)
    assert use is not None
    assert (use.by, use.desk_no) == (desk.clerk, desk.identity.desk_no)
    assert use.reason == f"办理《企业用电报装》一件事，办件编号 {number}"
    assert office_day(use.at) == TODAY  # the intake's moment

    path = Path(SHOTS or tmp_path) / "licence-use-receipt.pdf"
    path.write_bytes(made.pdf)
    text = pdf_text(path)
    assert "152201600077777号" in text
    assert "（可信等级B）" in text
    assert "此件经与原件核对无误" in text
    assert f"用证：{desk.clerk}（{desk.identity.desk_no}号窗口）" in text
    assert f"办理《企业用电报装》一件事，办件编号{number}" in text  # pdf_text drops the spaces
    assert "加注件JZ-2026-000123，有效期至2026年12月20日" in text
    picture = path.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", str(path), str(picture)], check=True)
    assert list(path.parent.glob(f"{picture.name}*.png"))


def _check_original(checklist: Checklist, code: str) -> Checklist:
    """The clerk's key 1 on the row of a licence waiting for its original, as the row records it."""
    entry = checklist.entry(code)
    if entry is None:
        raise KeyError(code)
    return record_entry(checklist, original_checked(entry))
