"""Free text on its way into the audit trail, with ID numbers and phone numbers masked.

A reason or a revisit note is typed by a person and may hold an applicant's
ID number or phone ("rang 13904821111").  The trail is kept for years and read
by auditors who need what was done, not whom to call: such numbers are masked
as on paper before the text is recorded.
"""

from __future__ import annotations

import re

from counter.parties.masking import mask_id, mask_phone

# an ID number (18, or the old 15 digits) or a credit code; then a phone: mobile or with area code
_ID_LIKE = re.compile(
    r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15}|[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10})(?![0-9A-Za-z])"
)
_PHONE_LIKE = re.compile(r"(?<![0-9A-Za-z])(?:1\d{10}|0\d{2,3}-?\d{7,8})(?![0-9A-Za-z])")


def masked_text(text: str) -> str:
    """``text`` with every ID-like and phone-like number masked; everything else unchanged."""
    text = _ID_LIKE.sub(lambda m: mask_id(m.group(0)), text)
    return _PHONE_LIKE.sub(lambda m: mask_phone(m.group(0)), text)
