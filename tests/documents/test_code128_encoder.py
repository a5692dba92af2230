"""The papers' Code128 is python-barcode's, bar for bar, without python-barcode loaded (counter.documents.code128_sets).

A reprint must be the paper the applicant holds, byte for byte: the bars of every value are compared with the
package's own over generated values, digits first and last, odd runs of digits, control characters and lowercase.
"""

from __future__ import annotations

import string
import subprocess
import sys

import pytest
from barcode.codex import Code128 as PythonBarcode
from hypothesis import given
from hypothesis import strategies as st

from counter.documents.code128_sets import modules
from counter.documents.codes import code128

ASCII = "".join(chr(code) for code in range(128))
CASE_NUMBERS = ("XAM01-20260901-0001-3", "HLB02-20261118-9976-0", "XAM01-T03-20260123-7297-4", "XAM01-26-S-080001")


def python_barcode(value: str) -> str:
    return str(PythonBarcode(value).build()[0])


@pytest.mark.parametrize("value", [*CASE_NUMBERS, "1", "12", "123", "9912", "A12345", "AB12345X", "\x00a1", "a\x7f"])
def test_the_bars_of_known_values(value: str) -> None:
    assert modules(value) == python_barcode(value)


@given(st.text(alphabet=st.sampled_from(string.digits + "-AXb\x01"), min_size=1, max_size=30))
def test_the_bars_of_numbers_and_separators(value: str) -> None:
    assert modules(value) == python_barcode(value)


@given(st.text(alphabet=st.sampled_from(ASCII), min_size=1, max_size=30))
def test_the_bars_of_any_ascii(value: str) -> None:
    assert modules(value) == python_barcode(value)


def test_a_character_beyond_ascii_is_refused() -> None:
    with pytest.raises(ValueError, match="not in Code128"):
        modules("XAM01-受理")


def test_a_paper_s_barcode_loads_no_barcode_package() -> None:
    """python-barcode's package loads its image writers, and Pillow's fonts and drawing with them."""
    probe = (
        "import sys\n"
        "from counter.documents.codes import code128\n"
        f"code128({CASE_NUMBERS[0]!r})\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('barcode', 'PIL')))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
    assert code128(CASE_NUMBERS[0]).modules == python_barcode(CASE_NUMBERS[0])
