"""Code128 as python-barcode encodes it, without importing python-barcode.

python-barcode's package imports its image writers at once, and with them Pillow's font and drawing modules: some
2.4 MiB of a desk's memory for the one function a paper needs, the modules of a case number.  The code sets are
chosen here exactly as python-barcode 0.15 chooses them (start in C, a switch to C before more than three digits in the
next ten characters, a lone digit left in C written in B), so a paper and its reprint keep the same bars
(counter.actions.cases.documents); tests/documents/test_code128_encoder.py compares the two over generated values.
"""

from __future__ import annotations

import string

#: the characters of code sets A and B, in their value order (ISO/IEC 15417); the names stand for the set's
#: function values, which a case number never asks for
_COMMON = " !\"#$%&'()*+,-./" + string.digits + ":;<=>?@" + string.ascii_uppercase + "[\\]^_"
_SET_A = (*_COMMON, *(chr(code) for code in range(32)), "FNC3", "FNC2", "SHIFT", "TO_C", "TO_B", "FNC4", "FNC1")
_SET_B = (*_COMMON, "`", *string.ascii_lowercase, "{", "|", "}", "~", "\x7f", "FNC3", "FNC2", "SHIFT", "TO_C", "FNC4")
_SET_B += ("TO_A", "FNC1")
A = {char: value for value, char in enumerate(_SET_A)}
B = {char: value for value, char in enumerate(_SET_B)}
TO_A, TO_B, TO_C = 101, 100, 99
START = {"A": 103, "B": 104, "C": 105}
STOP = "1100011101011"  # the stop pattern and the final bar

#: each value's bars and spaces, one character per module
# fmt: off
PATTERNS = (
    "11011001100", "11001101100", "11001100110", "10010011000", "10010001100", "10001001100", "10011001000",
    "10011000100", "10001100100", "11001001000", "11001000100", "11000100100", "10110011100", "10011011100",
    "10011001110", "10111001100", "10011101100", "10011100110", "11001110010", "11001011100", "11001001110",
    "11011100100", "11001110100", "11101101110", "11101001100", "11100101100", "11100100110", "11101100100",
    "11100110100", "11100110010", "11011011000", "11011000110", "11000110110", "10100011000", "10001011000",
    "10001000110", "10110001000", "10001101000", "10001100010", "11010001000", "11000101000", "11000100010",
    "10110111000", "10110001110", "10001101110", "10111011000", "10111000110", "10001110110", "11101110110",
    "11010001110", "11000101110", "11011101000", "11011100010", "11011101110", "11101011000", "11101000110",
    "11100010110", "11101101000", "11101100010", "11100011010", "11101111010", "11001000010", "11110001010",
    "10100110000", "10100001100", "10010110000", "10010000110", "10000101100", "10000100110", "10110010000",
    "10110000100", "10011010000", "10011000010", "10000110100", "10000110010", "11000010010", "11001010000",
    "11110111010", "11000010100", "10001111010", "10100111100", "10010111100", "10010011110", "10111100100",
    "10011110100", "10011110010", "11110100100", "11110010100", "11110010010", "11011011110", "11011110110",
    "11110110110", "10101111000", "10100011110", "10001011110", "10111101000", "10111100010", "11110101000",
    "11110100010", "10111011110", "10111101110", "11101011110", "11110101110", "11010000100", "11010010000",
    "11010011100",
)
# fmt: on


def modules(value: str) -> str:
    """The Code128 modules of ``value`` (ASCII), "1" dark and "0" light, with its checksum and stop pattern."""
    for char in value:
        if not char.isascii() or (char not in A and char not in B):
            raise ValueError(f"not in Code128: {char!r}")
    coder = _Coder(value)
    encoded = coder.values()
    checksum = (encoded[0] + sum(place * number for place, number in enumerate(encoded[1:], start=1))) % 103
    return "".join(PATTERNS[number] for number in [*encoded, checksum]) + STOP


class _Coder:
    """python-barcode's choice of code sets, step for step."""

    def __init__(self, value: str) -> None:
        self.value = value
        self.charset = "C"
        self.pending = ""  # a digit waiting for its pair in code set C

    def values(self) -> list[int]:
        encoded = [START["C"]]
        for pos, char in enumerate(self.value):
            encoded.extend(self._switch(pos, char))
            number = self._number(char)
            if number is not None:
                encoded.append(number)
        if self.pending:  # a lone digit at the end: written in B
            encoded.append(TO_B)
            self.charset = "B"
            encoded.append(B[self.pending])
            self.pending = ""
        # a switch right after the start becomes that set's start (a value whose first pair is 99 to 101 is taken
        # for a switch too, as python-barcode takes it; a case number starts with letters)
        if encoded[1] in (TO_A, TO_B, TO_C):
            encoded[:2] = [{TO_A: START["A"], TO_B: START["B"], TO_C: START["C"]}[encoded[1]]]
        return encoded

    def _digits_ahead(self, pos: int) -> bool:
        digits = 0
        for char in self.value[pos : pos + 10]:
            if not char.isdigit():
                break
            digits += 1
        return digits > 3

    def _switch(self, pos: int, char: str) -> list[int]:
        if self.charset == "C" and not char.isdigit():
            codes: list[int] = []
            if char in B:
                codes, self.charset = [TO_B], "B"
            elif char in A:
                codes, self.charset = [TO_A], "A"
            if self.pending:
                codes.append(self._number(self.pending) or 0)
                self.pending = ""
            return codes
        if self.charset == "B":
            if self._digits_ahead(pos):
                self.charset = "C"
                return [TO_C]
            if char not in B and char in A:
                self.charset = "A"
                return [TO_A]
        elif self.charset == "A":
            if self._digits_ahead(pos):
                self.charset = "C"
                return [TO_C]
            if char not in A and char in B:
                self.charset = "B"
                return [TO_B]
        return []

    def _number(self, char: str) -> int | None:
        if self.charset == "A":
            return A[char]
        if self.charset == "B":
            return B[char]
        self.pending += char
        if len(self.pending) < 2:
            return None
        pair, self.pending = int(self.pending), ""
        return pair
