"""The applicant's, the agent's and the delivery's forms: at every width a field is either beside its label, as wide as
it can be, or under it; never beside it and cut at its right edge."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget
from pytestqt.qtbot import QtBot

from counter.ui.intake.party_form import AgentForm, ApplicantForm, DeliveryForm
from tests.ui.intake.conftest import TODAY


def _least(widget: QWidget) -> int:
    return widget.minimumSizeHint().expandedTo(widget.minimumSize()).width()


FORMS: dict[str, Callable[[], QGroupBox]] = {
    "applicant": lambda: ApplicantForm(lambda: TODAY),
    "agent": lambda: AgentForm(lambda: TODAY),
    "delivery": DeliveryForm,
}


@pytest.mark.parametrize("kind", FORMS)
def test_no_field_is_narrower_than_it_can_be_at_any_width(qtbot: QtBot, kind: str) -> None:
    """At 1024x768 the applicant's 姓名 stood beside its label 2 pixels narrower than its least width, its right edge
    cut: Qt left the gap between label and field out when it chose whether the field goes under its label.  Every
    width from the form's least up is tried, so the few pixels where that went wrong are met whatever the font."""
    form_box = FORMS[kind]()
    qtbot.addWidget(form_box)
    form_box.show()
    qtbot.waitExposed(form_box)
    form = form_box.layout()
    assert isinstance(form, QFormLayout)
    fields = [form.itemAt(row, QFormLayout.ItemRole.FieldRole) for row in range(form.rowCount())]
    widgets = [widget for item in fields if item is not None and (widget := item.widget()) is not None]
    least = _least(form_box)
    cut = []
    for width in range(least, least + 200):
        form_box.resize(width, 800)
        form.activate()
        cut += [(width, w.width(), _least(w)) for w in widgets if w.isVisible() and w.width() < _least(w)]
    assert not cut
