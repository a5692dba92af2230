"""Why the barcode keeps python-barcode's encoder rather than reportlab's own Code128.

Both encode a case number correctly, but they choose their code sets differently: the modules of many case numbers
differ.  A reprint must be the paper the applicant holds, byte for byte (counter.actions.cases.documents), so the
encoder that made the papers stays.  Should reportlab ever choose as python-barcode does, this test says so; what
reportlab's barcode package then costs a desk's memory decides whether the dependency can go
(counter/documents/codes.py, THIRD-PARTY.md).
"""

from __future__ import annotations

from reportlab.graphics.barcode.code128 import Code128 as ReportlabCode128

from counter.documents.codes import code128

STOP = "1100011101011"  # Code128's stop pattern and its final bar
CASE_NUMBERS = ("XAM01-20260901-0001-3", "HLB02-20261118-9976-0", "XAM01-T03-20260123-7297-4")


def reportlab_modules(value: str) -> str:
    """reportlab's Code128 of ``value`` as modules: its decomposed widths, capitals dark, small letters light."""
    encoder = ReportlabCode128(value, quiet=0)
    encoder.validate()
    encoder.encode()
    encoder.decompose()
    return "".join(("1" if w.isupper() else "0") * (ord(w.upper()) - 64) for w in encoder.decomposed)


def test_reportlab_encodes_case_numbers_with_other_bars_than_the_papers_carry() -> None:
    for number in CASE_NUMBERS:
        ours, theirs = code128(number).modules, reportlab_modules(number)
        assert ours.endswith(STOP)  # each a whole Code128 symbol
        assert theirs.endswith(STOP)
        assert ours != theirs, f"{number}: reportlab now encodes as the papers do; python-barcode could go"
