"""The 证照库 adapter against a real HTTPS library on this machine: what it holds, and every way asking can fail."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.intake.licences import LIBRARY_KEY, library_settings, look_up_licences, save_library
from counter.db import models
from counter.db.settings_store import get_setting
from counter.host.outward.licence_library import LIBRARY_SECRET, LookUpOutcome
from counter.host.outward.sms_secret import secret_path
from counter.intake.licences import LibraryProblem, LibraryRefused, LibrarySettings, TrustLevel
from counter.outbox.secret_shown import SECRET_SHOWN
from tests.licence_library import ACCOUNT, CREDIT_CODE, MALFORMED, SECRET, STALL, running_library


def _settings(url: str, **changes: Any) -> LibrarySettings:
    return dataclasses.replace(LibrarySettings(endpoint=url, account=ACCOUNT, secret=SECRET, timeout=2), **changes)


def test_the_library_answers_with_the_licences_it_holds_of_the_applicant() -> None:
    with running_library() as library:
        found = look_up_licences(_settings(library.url), CREDIT_CODE.lower(), ("营业执照",))
    assert found.outcome is LookUpOutcome.ANSWERED
    assert [one.number for one in found.licences] == ["152201600012345", "152201600009876"]
    licence = found.licences[0]
    assert (licence.kind, licence.number, licence.trust) == ("营业执照", "152201600012345", TrustLevel.A)
    assert licence.issuer == "乌兰浩特市市场监督管理局"
    assert licence.valid_from == dt.date(2021, 3, 15)
    assert licence.valid_until is None
    assert library.bad_signatures == 0
    assert library.requests[0]["holder_id"] == CREDIT_CODE
    assert library.requests[0]["types"] == ["营业执照"]


def test_a_holder_the_library_does_not_know_is_an_answer_with_nothing() -> None:
    with running_library() as library:
        found = look_up_licences(_settings(library.url), "152201199001011234", ())
    assert found.outcome is LookUpOutcome.ANSWERED
    assert found.licences == ()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("scripted", "detail"),
    [(503, "HTTP 503"), (500, "HTTP 500"), (STALL, "timeout"), (MALFORMED, "malformed answer")],
)
def test_a_library_that_fails_gives_a_failed_look_up_never_an_exception(scripted: int | str, detail: str) -> None:
    with running_library() as library:
        library.script.append(scripted)
        found = look_up_licences(_settings(library.url, timeout=1), CREDIT_CODE, ())
    assert found.outcome is LookUpOutcome.FAILED
    assert found.licences == ()
    assert detail in found.detail


def test_a_library_with_an_untrusted_certificate_is_not_believed() -> None:
    with running_library() as library:
        os.environ.pop("SSL_CERT_FILE")  # the run's CA no longer trusted: the server's certificate is anyone's
        found = look_up_licences(_settings(library.url), CREDIT_CODE, ())
    assert found.outcome is LookUpOutcome.FAILED
    assert "CERTIFICATE_VERIFY_FAILED" in found.detail
    assert library.requests == []


def test_a_library_that_is_down_or_not_set_is_said_so() -> None:
    assert look_up_licences(LibrarySettings(), CREDIT_CODE, ()).outcome is LookUpOutcome.NOT_SET
    down = look_up_licences(_settings("https://127.0.0.1:9/licences"), CREDIT_CODE, ())
    assert down.outcome is LookUpOutcome.FAILED
    assert "no connection" in down.detail


def test_the_settings_refuse_plain_http_and_a_missing_secret(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with pytest.raises(LibraryRefused) as refused, sessions.begin() as s:
        save_library(s, LibrarySettings(endpoint="http://library", account="a"), desk=desk, folder=tmp_path)
    assert set(refused.value.problems) == {LibraryProblem.BAD_ENDPOINT, LibraryProblem.NO_SECRET}
    assert not secret_path(LIBRARY_SECRET, tmp_path).exists()


@pytest.mark.parametrize(
    ("settings", "problems"),
    [
        (LibrarySettings(endpoint="https://library", account=" ", secret="s"), {LibraryProblem.NO_ACCOUNT}),
        (
            LibrarySettings(endpoint="https://library", account="a", secret="s", timeout=0.5),
            {LibraryProblem.BAD_TIMEOUT},
        ),
        (
            LibrarySettings(endpoint="https://library", account="a", secret="s", timeout=31),
            {LibraryProblem.BAD_TIMEOUT},
        ),
        (
            LibrarySettings(endpoint="https://library", account="a", secret="s", timeout=float("nan")),
            {LibraryProblem.BAD_TIMEOUT},
        ),
        (LibrarySettings(account="a"), {LibraryProblem.BAD_ENDPOINT, LibraryProblem.NO_SECRET}),
    ],
)
def test_the_settings_refuse_an_account_left_blank_and_a_wait_beyond_one_to_thirty_seconds(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path, settings: LibrarySettings, problems: set[Any]
) -> None:
    with pytest.raises(LibraryRefused) as refused, sessions.begin() as s:
        save_library(s, settings, desk=desk, folder=tmp_path)
    assert set(refused.value.problems) == problems
    with sessions() as s:
        assert not library_settings(s).configured  # nothing of the refused settings kept


def test_the_secret_is_a_private_file_never_the_database(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with sessions.begin() as s:
        save_library(s, _settings("https://library.example/q"), desk=desk, folder=tmp_path)
    path = secret_path(LIBRARY_SECRET, tmp_path)
    assert path.read_text() == SECRET
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with sessions() as s:
        stored = get_setting(s, LIBRARY_KEY)
        assert stored is not None
        assert SECRET not in stored
        assert "library.example" in stored
        assert library_settings(s, tmp_path).secret == SECRET


def test_a_change_is_on_the_trail_field_by_field_the_secret_never_its_value(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with sessions.begin() as s:
        save_library(s, _settings("https://library.example/q"), desk=desk, folder=tmp_path)
    with sessions.begin() as s:
        save_library(s, _settings("https://library.example/q", secret="n3w", timeout=5), desk=desk, folder=tmp_path)
    with sessions() as s:
        entry = s.scalars(
            select(models.AuditEntry).where(models.AuditEntry.subject == LIBRARY_KEY).order_by(models.AuditEntry.id)
        ).all()[-1]
    assert json.loads(entry.detail) == {
        "secret": {"from": SECRET_SHOWN, "to": SECRET_SHOWN},
        "timeout": {"from": 2, "to": 5},
    }
    assert secret_path(LIBRARY_SECRET, tmp_path).read_text() == "n3w"
