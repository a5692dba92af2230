"""The desk's transport at sign-in against a "server" that does not answer as the hall's does: a proxy's page in
front of it, a server of another release.  Each is a refusal the desk names, never a crash, never a sign-in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter.cli.hall_desk import hall_failure_text
from counter.service.remote import UNREADABLE, NotUnderstood, Refused, Remote
from counter.words.hall import SERVER_NOT_UNDERSTOOD, SERVER_REFUSED
from tests.host.outward.dripping import answering


def _sign_in(head: bytes) -> None:
    """A desk's sign-in at a server answering ``head``: it must raise, and leave the desk signed out."""
    with answering(head, drip=False) as (url, ca_file):
        remote = Remote(url.removesuffix("/send"), Path(ca_file))
        try:
            remote.sign_in("wulan", "Xam01desk2026", "8", "k" * 43)
        finally:
            assert not remote.signed_in
            remote.close()


def test_a_proxys_page_at_sign_in_is_a_refusal_named_to_the_clerk() -> None:
    page = b"<html><body>502 Bad Gateway</body></html>"
    head = b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n" + f"Content-Length: {len(page)}\r\n\r\n".encode()
    with pytest.raises(Refused) as refused:
        _sign_in(head + page)
    assert (refused.value.status, refused.value.reason) == (502, UNREADABLE)
    said = hall_failure_text(refused.value)
    assert said is not None
    assert SERVER_REFUSED in said


def test_a_sign_in_answer_of_another_release_is_not_understood() -> None:
    body = json.dumps({"session": "abc", "outcome": "ok"}).encode()
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    with pytest.raises(NotUnderstood) as unknown:
        _sign_in(head + body)
    said = hall_failure_text(unknown.value)
    assert said is not None
    assert SERVER_NOT_UNDERSTOOD in said
