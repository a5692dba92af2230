"""Organisation and credit codes with their check characters, for test data (GB 11714, GB 32100)."""

from __future__ import annotations

from counter.parties.identifiers import credit_check_character, org_code_check_character


def make_org_code(first8: str) -> str:
    """A 9-character organisation code with its GB 11714 check character."""
    return first8 + org_code_check_character(first8)


def make_credit_code(prefix17: str) -> str:
    """A credit code with its check character.

    The organisation code inside (characters 9-17) is taken as given; build it with
    :func:`make_org_code` for a code that passes every check.
    """
    return prefix17 + credit_check_character(prefix17)
