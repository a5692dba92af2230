"""Which of the site's keys may have signed a seal made at a moment (counter.audit.site_keys), without a database."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from counter.audit.site_keys import RetiredKey, SealVerdict, history_text, parse_history, seal_verdict

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
ROTATED = T0 + dt.timedelta(days=100)
OLD, NEW, OTHER = "old-key", "new-key", "someone-elses"


def by(signer: str) -> dict[str, bool]:
    return {OLD: signer == OLD, NEW: signer == NEW, OTHER: signer == OTHER}


def verdict(signer: str, at: dt.datetime, revoked_since: dt.datetime | None = None) -> SealVerdict:
    retired = [RetiredKey(OLD, ROTATED, revoked_since)]
    return seal_verdict(at, NEW, retired, lambda key: by(signer)[key])


def test_each_key_signs_its_own_period_only() -> None:
    assert verdict(OLD, T0) is SealVerdict.SIGNED
    assert verdict(OLD, ROTATED) is SealVerdict.SIGNED
    assert verdict(NEW, ROTATED) is SealVerdict.SIGNED
    assert verdict(NEW, ROTATED + dt.timedelta(days=1)) is SealVerdict.SIGNED
    assert verdict(OLD, ROTATED + dt.timedelta(seconds=1)) is SealVerdict.REVOKED  # its file is gone: not its seal
    assert verdict(NEW, T0) is SealVerdict.FORGED  # the new key, dated back into the old one's time
    assert verdict(OTHER, T0) is SealVerdict.FORGED


def test_a_revoked_key_signs_nothing_from_its_revocation() -> None:
    leaked = T0 + dt.timedelta(days=50)
    assert verdict(OLD, leaked - dt.timedelta(seconds=1), leaked) is SealVerdict.SIGNED
    assert verdict(OLD, leaked, leaked) is SealVerdict.REVOKED


def test_a_site_that_never_rotated_trusts_its_key_at_any_time() -> None:
    assert seal_verdict(T0, NEW, (), lambda key: key == NEW) is SealVerdict.SIGNED
    assert seal_verdict(T0, "", (), lambda key: True) is SealVerdict.FORGED


@given(st.lists(st.tuples(st.text(), st.datetimes(timezones=st.just(dt.UTC)), st.booleans()), max_size=4))
def test_the_history_reads_back_as_written(keys: list[tuple[str, dt.datetime, bool]]) -> None:
    written = [RetiredKey(key, until, until if revoked else None) for key, until, revoked in keys]
    assert list(parse_history(history_text(written))) == written


@given(st.text())
def test_any_text_reads_without_raising(text: str) -> None:
    assert isinstance(parse_history(text), tuple)


def test_entries_that_cannot_be_read_are_left_out() -> None:
    text = history_text([RetiredKey(OLD, ROTATED)])[:-1] + ', {"public_key": 1}, 7, {"until": "x"}]'
    assert parse_history(text) == (RetiredKey(OLD, ROTATED),)
    assert parse_history('{"a": 1}') == ()
