"""A site that requires a pad device at its hall windows: a hall desk with none paired sends no rating request and is
told in words what to do; a desk not registered at a hall server, and a township's, keep their pad window."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.ratings.record import rating_settings, save_rating_settings, send_to_pad
from counter.db import models
from counter.db.settings_store import SITE_KIND, TOWNSHIP, put_setting
from counter.ratings.refusals import RatingRefused
from counter.ratings.settings import KEY_REQUIRE_PAD, RatingSettings, read_settings, settings_values
from counter.ratings.status import SendRefusal
from counter.words.ratings import RATING_REFUSAL
from tests.ratings.conftest import DESK, Clock


def _cases(sessions: sessionmaker[Session], count: int) -> list[str]:
    with sessions() as session:
        return list(session.scalars(select(models.Case.case_no).order_by(models.Case.id)))[:count]


def _require(session: Session) -> None:
    settings, _problems = rating_settings(session)
    save_rating_settings(session, dataclasses.replace(settings, require_pad_device=True))


def _register_desk(session: Session, desk_no: str) -> None:
    session.add(models.HallDesk(desk_no=desk_no, key_hash="0" * 64, registered_at=dt.datetime.now(dt.UTC)))


def test_a_hall_desk_without_a_pad_is_refused_and_told_to_have_one_paired(
    sessions: sessionmaker[Session], clock: Clock
) -> None:
    refused_case, paired_case = _cases(sessions, 2)
    with sessions.begin() as session:
        _require(session)
        _register_desk(session, DESK.identity.desk_no)
        asked = len(session.scalars(select(models.RatingRequest.id)).all())
    with sessions.begin() as session, pytest.raises(RatingRefused) as refused:
        send_to_pad(session, refused_case, DESK, clock())
    assert refused.value.code is SendRefusal.NO_PAD_DEVICE
    said = RATING_REFUSAL[refused.value.code].format(case_no=refused.value.case_no)
    assert "请负责人为本窗口配对评价器" in said
    assert refused_case in said
    with sessions() as session:  # nothing was asked: the case can be sent once a pad is paired
        assert len(session.scalars(select(models.RatingRequest.id)).all()) == asked
    with sessions.begin() as session:
        session.add(models.HallPad(name="pad-8", key_hash="1" * 64, registered_at=clock(), desk_no="8"))
    with sessions.begin() as session:
        shown = send_to_pad(session, paired_case, DESK, clock())
    assert shown.pad_device == "pad-8"


def test_a_desk_off_the_hall_server_and_a_township_keep_their_pad_window(
    sessions: sessionmaker[Session], clock: Clock
) -> None:
    local, township = _cases(sessions, 2)
    with sessions.begin() as session:
        _require(session)
    with sessions.begin() as session:  # desk 8 is registered at no server: its own machine's pad window
        assert send_to_pad(session, local, DESK, clock()).pad_device == ""
    with sessions.begin() as session:
        _register_desk(session, DESK.identity.desk_no)
        put_setting(session, SITE_KIND, TOWNSHIP)
    with sessions.begin() as session:
        assert send_to_pad(session, township, DESK, clock()).pad_device == ""


def test_the_setting_is_off_unless_stored_and_a_bad_value_is_reported() -> None:
    assert read_settings({})[0].require_pad_device is False
    stored = settings_values(RatingSettings(require_pad_device=True))
    assert stored[KEY_REQUIRE_PAD] == "1"
    assert read_settings(stored) == (RatingSettings(require_pad_device=True), [])
    settings, problems = read_settings({KEY_REQUIRE_PAD: "yes"})
    assert settings.require_pad_device is False
    assert [p.key for p in problems] == [KEY_REQUIRE_PAD]
