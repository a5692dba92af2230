"""A peer's former key vouches for its seals dated up to the moment a new card replaced it here, and no later."""

from __future__ import annotations

import datetime as dt

from counter.actions.admin.peer_former_keys import signed_by_former
from counter.audit.chain import at_text
from counter.audit.site_keys import RetiredKey
from counter.sync.keys import new_private_key, public_key_text, sign
from counter.sync.seal_signature import sign_seal
from counter.sync.sm_seal import new_private_key as new_sm2_key
from counter.sync.sm_seal import public_key_text as sm2_public_key_text

REPLACED = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def test_a_former_key_signs_for_the_peer_up_to_its_replacement_only() -> None:
    old, old_sm2, stranger = new_private_key(), new_sm2_key(), new_private_key()
    former = (RetiredKey(public_key_text(old), REPLACED, None, "", sm2_public_key_text(old_sm2)),)
    before, after = at_text(REPLACED - dt.timedelta(minutes=1)), at_text(REPLACED + dt.timedelta(minutes=1))
    assert signed_by_former(former, before, b"seal", sign(old, b"seal"))
    assert signed_by_former(former, before, b"seal", sign_seal(old_sm2, b"seal"))
    assert not signed_by_former(former, after, b"seal", sign(old, b"seal"))  # made after it was replaced
    assert not signed_by_former(former, before, b"seal", sign(stranger, b"seal"))
    assert not signed_by_former(former, "not a time", b"seal", sign(old, b"seal"))
    assert not signed_by_former((), before, b"seal", sign(old, b"seal"))
