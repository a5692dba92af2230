"""ID numbers, credit codes and phone numbers as paper and screens show them: the middle hidden.

A receipt, a notice or a case list is seen by more people than the applicant; the first and last
characters are enough to tell one's own number, so only those are kept (domain §5).
"""

from __future__ import annotations


def _mask(value: str, head: int, tail: int) -> str:
    """Keep ``head`` and ``tail`` characters; a value too short to hide at least four
    characters that way keeps only a quarter at each end, so masking always hides
    something and the length stays (the reader can still see a digit is missing)."""
    if len(value) < head + tail + 4:
        head = tail = len(value) // 4
    hidden = len(value) - head - tail
    return value[:head] + "*" * hidden + value[len(value) - tail :]


def mask_id(value: str) -> str:
    """An ID number or credit code as printed on paper: first 6 and last 4 kept (domain §5)."""
    return _mask(value, 6, 4)


def mask_phone(value: str) -> str:
    """A phone number with the first 3 and last 4 kept, the usual 138****5678."""
    return _mask(value, 3, 4)


def mask_address(value: str) -> str:
    """An address with its first third kept (the banner, city or county: where, not which door), at most six
    characters, the rest hidden."""
    return _mask(value, min(6, len(value) // 3), 0)
