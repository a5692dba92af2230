"""The stored reasons read back by the one definition that writes them: what went wrong, the status, the seconds,
the other system's words and the reminder's date; a text of no form the app writes reads as None."""

from __future__ import annotations

import datetime as dt

from counter.outbox.reasons import (
    NOT_HTTPS,
    UNOPENED_PHONE,
    Reason,
    StoredReason,
    answered,
    expired,
    front_store_refused,
    front_store_unreachable,
    malformed,
    no_connection,
    read_reason,
    redirected,
    set_aside,
    timed_out,
    too_large,
)


def test_every_form_reads_back_as_what_it_was_written_for() -> None:
    written = {
        NOT_HTTPS: StoredReason(Reason.NOT_HTTPS),
        too_large(64 * 1024): StoredReason(Reason.TOO_LARGE),
        timed_out(7.5): StoredReason(Reason.TIMEOUT, seconds="7.5"),
        no_connection(OSError("Name or service not known")): StoredReason(Reason.NO_CONNECTION),
        malformed(201, b"{}"): StoredReason(Reason.MALFORMED, status=201),
        redirected(301, "http://elsewhere/"): StoredReason(Reason.REDIRECT, status=301),
        answered(429, b"slow down"): StoredReason(Reason.ANSWERED, status=429, said="slow down"),
        answered(500, b""): StoredReason(Reason.ANSWERED, status=500),
        UNOPENED_PHONE: StoredReason(Reason.UNOPENED_PHONE),
        expired(dt.date(2026, 11, 3)): StoredReason(Reason.EXPIRED, due=dt.date(2026, 11, 3)),
        set_aside(LookupError("no such row")): StoredReason(Reason.SET_ASIDE),
        front_store_unreachable(TimeoutError()): StoredReason(Reason.FRONT_STORE_UNREACHABLE),
        front_store_refused(ValueError(), "relation missing"): StoredReason(
            Reason.FRONT_STORE_REFUSED, said="relation missing"
        ),
    }
    assert {text: read_reason(text) for text in written} == written
    assert {r.reason for r in written.values()} == set(Reason)  # every form has its writer here


def test_a_redirect_or_a_malformed_answer_is_not_read_as_the_receivers_words() -> None:
    found = read_reason(redirected(302, "http://x/"))
    assert found is not None
    assert (found.reason, found.said) == (Reason.REDIRECT, "")


def test_other_text_reads_as_none() -> None:
    assert read_reason("withheld:sample_guide XAM-YJS-008") is None
    assert read_reason("HTTP 12 short") is None
    assert read_reason("expired: due 2026-13-01") is None
