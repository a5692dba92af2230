"""JSON text made by the standard library's C encoder, the encoder made once.

``json.JSONEncoder.encode`` makes a new C encoder, with closures of its own, at every call: a third of what a short
text costs (2.7 µs against 1.8 for a case's state).  An intake makes five such texts inside its transaction (its
answers, its audit detail, the state of its case, the audit entry's payload, the number's note), so each is made by an
encoder made once here.  The text is the one ``json.JSONEncoder`` with the same options makes, character for
character (``tests/test_json_text.py``): the audit trail's digests are taken of it.

Not checked for circles: a value that contains itself would recurse until Python stops it, where ``JSONEncoder``
raises ``ValueError``.  Only values these modules build are given, and none refers to itself.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable
from typing import Any

Encode = Callable[[Any], str]


def json_encoder(
    *, sort_keys: bool = False, separators: tuple[str, str] = (", ", ": "), default: Callable[[Any], Any] | None = None
) -> Encode:
    """``json.JSONEncoder(ensure_ascii=False, ...).encode`` with these options, made once."""
    reference = json.JSONEncoder(ensure_ascii=False, sort_keys=sort_keys, separators=separators, default=default)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # a Python built without the accelerator: its own encoder
        return reference.encode
    encode = make(
        None,  # no markers: no check for circles
        reference.default,
        json.encoder.encode_basestring,  # ensure_ascii=False
        None,  # no indent
        reference.key_separator,
        reference.item_separator,
        sort_keys,
        False,  # skipkeys
        True,  # allow_nan, as JSONEncoder's default
    )

    def text(value: Any) -> str:
        return "".join(encode(value, 0))

    return text
