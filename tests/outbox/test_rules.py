"""What every outward channel's answer means: a redirect is never "sent", an id is asked for where the channel
needs one, and silence is waited out only where the channel says so."""

from __future__ import annotations

import pytest

from counter.outbox.rules import Answer, Outcome, answer_of, claim_lease, is_final


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_a_refusal_never_sent(status: int) -> None:
    answer = answer_of(status, b'{"id": "X1"}', id_required=False, location="http://elsewhere/taken")
    assert (answer.outcome, answer.remote_id) == (Outcome.REFUSED, "")
    assert answer.detail == f"HTTP {status}: redirect not followed http://elsewhere/taken"


def test_a_2xx_without_an_id_is_asked_again_only_where_the_channel_needs_one() -> None:
    assert answer_of(200, b"<html>ok</html>", id_required=True).outcome is Outcome.TRY_AGAIN
    assert answer_of(200, b"<html>ok</html>", id_required=False).outcome is Outcome.SENT
    assert answer_of(409, b'{"id": "X1"}', id_required=True) == Answer(Outcome.SENT, "X1", 'HTTP 409 {"id": "X1"}')
    assert answer_of(503, b"", id_required=True).outcome is Outcome.TRY_AGAIN
    assert answer_of(400, b"", id_required=True).outcome is Outcome.REFUSED


def test_silence_counts_towards_the_attempts_unless_the_channel_waits_it_out() -> None:
    silent = Answer(Outcome.TRY_AGAIN, answered=False)
    assert is_final(silent, 4, 4, wait_out_silence=False)
    assert not is_final(silent, 40, 4, wait_out_silence=True)
    assert is_final(Answer(Outcome.TRY_AGAIN), 4, 4, wait_out_silence=True)
    assert is_final(Answer(Outcome.REFUSED), 1, 4, wait_out_silence=True)
    assert claim_lease(10, 20).total_seconds() == 10 * 21 + 30
