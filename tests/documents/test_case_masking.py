"""A case's personal numbers and addresses masked by the one rule both faces use (CaseView.masked)."""

from __future__ import annotations

import dataclasses

from counter.parties.masking import mask_address, mask_id, mask_phone
from tests.documents.conftest import DemoCases


def test_every_id_number_phone_and_address_is_masked_and_nothing_else_changes(demo: DemoCases) -> None:
    view = demo.views["补正（委托代理人办理）"]
    assert view.agent_id_no
    assert view.applicant_id_no
    assert view.applicant_phone
    masked = view.masked()
    assert masked.applicant_id_no == mask_id(view.applicant_id_no) != view.applicant_id_no
    assert masked.agent_id_no == mask_id(view.agent_id_no) != view.agent_id_no
    assert masked.applicant_phone == mask_phone(view.applicant_phone) != view.applicant_phone
    assert masked.applicant_address == mask_address(view.applicant_address) != view.applicant_address
    personal = {"applicant_id_no", "agent_id_no", "applicant_phone", "notify_phone", "applicant_address",
                "delivery_address"}  # fmt: skip
    for field in dataclasses.fields(view):
        if field.name not in personal:
            assert getattr(masked, field.name) == getattr(view, field.name), field.name


def test_an_empty_number_stays_empty(demo: DemoCases) -> None:
    view = dataclasses.replace(demo.views["受理"], agent_id_no="", notify_phone="")
    masked = view.masked()
    assert masked.agent_id_no == ""
    assert masked.notify_phone == ""
