"""The QR code is the one reportlab's QR widget draws, though its encoder is loaded apart from the widget."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.graphics.barcode.qr import QrCodeWidget

from counter.documents.qr import qr_modules


def widget_modules(value: str) -> tuple[tuple[bool, ...], ...]:
    widget = QrCodeWidget(value, barLevel="M")
    widget.qr.make()
    return tuple(tuple(bool(m) for m in row) for row in widget.qr.modules)


@given(value=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x9FFF), min_size=1, max_size=120))
def test_the_same_symbol_as_the_widget(value: str) -> None:
    assert qr_modules(value) == widget_modules(value)


@pytest.mark.slow
@given(day=st.integers(1, 28), desk=st.integers(1, 99), sequence=st.integers(1, 9999))
def test_the_same_symbol_for_progress_addresses(day: int, desk: int, sequence: int) -> None:
    value = f"https://zwfw.xam.gov.cn/progress?case=XAM01-202611{day:02d}-{desk:02d}-{sequence:04d}"
    assert qr_modules(value) == widget_modules(value)
