"""What a widget says of a refusal every widget words alike (:mod:`counter.ui.door.refused`)."""

from __future__ import annotations

import pytest

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.ui.door.refused import refusal_text
from counter.words.access import NOT_PERMITTED, NOT_SIGNED_IN, PERMISSION, SINGLE_DESK_NOT_PERMITTED


@pytest.mark.parametrize(
    ("refused", "said"),
    [
        (NotPermitted(Permission.CHANGE_SETTINGS, signed_in=True), NOT_PERMITTED),
        (NotPermitted(Permission.CHANGE_SETTINGS, signed_in=False), NOT_SIGNED_IN),
        # a desk without accounts: no sign-in would change it, so it is never asked for
        (NotPermitted(Permission.CHANGE_SETTINGS, signed_in=False, single_desk=True), SINGLE_DESK_NOT_PERMITTED),
    ],
)
def test_a_refusal_says_what_would_change_it(refused: NotPermitted, said: str) -> None:
    assert refusal_text(refused) == said.format(permission=PERMISSION[Permission.CHANGE_SETTINGS])
