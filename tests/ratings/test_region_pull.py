"""补充评价 by QR reaches the hall's figures: the region's ratings of unrated cases pulled from the platform, taken as
the first rating where the pad got none; the site's default rating only where its rule is set."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.calendar import office_calendar
from counter.actions.outbox.platform import save_platform
from counter.actions.ratings.record import record_rating, record_unrated, send_to_pad
from counter.actions.ratings.region_pull import pull_pass
from counter.cli.main import main
from counter.db import models
from counter.db.settings_store import SITE_KIND, TOWNSHIP, put_setting
from counter.platform.region_ratings import AskFailure
from counter.platform.settings import PlatformSettings
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.ratings.settings import KEY_DEFAULT
from tests.actions.senders import Writes
from tests.codings import CHOSEN
from tests.platform_stub import SECRET
from tests.ratings.conftest import DESK, Clock
from tests.region_ratings_stub import RegionSystem, running_region

T = TypeVar("T")


@pytest.fixture
def region() -> Iterator[RegionSystem]:
    with running_region() as system:
        yield system


def configure(sessions: sessionmaker[Session], region: RegionSystem, keys: Path) -> None:
    settings = PlatformSettings(True, region.url, "hall", SECRET, 2.0, 3, ca_file=region.ca_file, codings=CHOSEN)
    with sessions.begin() as session:
        save_platform(session, settings, desk=DESK, folder=keys)


def standing(sessions: sessionmaker[Session], case_no: str) -> str:
    with sessions() as session:
        return session.scalars(select(models.Case.rating_standing).where(models.Case.case_no == case_no)).one()


def by_standing(sessions: sessionmaker[Session], clock: Clock) -> dict[str, str]:
    """Three demo cases never sent to the pad: one the pad's time then runs out for, one rated on it."""
    with sessions() as session:
        rows = session.execute(select(models.Case.rating_standing, models.Case.case_no).order_by(models.Case.id))
        found: dict[str, list[str]] = {}
        for kind, case_no in rows:
            found.setdefault(kind, []).append(case_no)
    with sessions.begin() as session:
        shown = send_to_pad(session, found["not_sent"][1], DESK, clock())
        record_unrated(session, shown.request_id, DESK, clock())
        shown = send_to_pad(session, found["not_sent"][2], DESK, clock())
        choice = RatingChoice(Level.SATISFIED)
        record_rating(session, shown.request_id, choice, DESK, clock(), office_calendar(session))
    return {"lapsed": found["not_sent"][1], "not_sent": found["not_sent"][0], "good": found["not_sent"][2]}


def qr_rating(case_no: str, level: str, at: str, codes: str = "") -> dict[str, str]:
    """A rating as the region holds it: the report's fields, in the chosen codings (level hcp: 5 非常满意, 2 不满意;
    channel hcp: 3 二维码)."""
    return {"projid": case_no, "rate_level": level, "rate_channel": "3", "rate_round": "1",
            "rate_reason_codes": codes, "rate_comment": "", "rate_time": at}  # fmt: skip


def test_a_qr_rating_becomes_the_first_rating_where_the_pad_got_none(
    sessions: sessionmaker[Session], region: RegionSystem, clock: Clock, tmp_path: Path
) -> None:
    configure(sessions, region, tmp_path / "keys")
    cases = by_standing(sessions, clock)
    lapsed, never, rated = cases["lapsed"], cases["not_sent"], cases["good"]
    region.held = {
        lapsed: qr_rating(lapsed, "5", "2026-11-20 18:02:00"),
        never: qr_rating(never, "2", "2026-11-21 09:15:00", "503"),
        rated: qr_rating(rated, "1", "2026-11-20 19:00:00"),  # the pad got one: 一次一评
    }
    done = pull_pass(Writes(sessions), clock() + dt.timedelta(days=1), desk=DESK, folder=tmp_path / "keys")
    assert region.paths == ["/gov/ratings"]
    assert region.bad_signatures == 0
    assert {lapsed, never} <= set(region.asked[0])
    assert rated not in region.asked[0]  # only the unrated are asked of
    assert (done.taken, done.failed, done.defaulted) == (2, None, 0)
    assert standing(sessions, lapsed) == "good"
    assert standing(sessions, never) == "bad"  # a 差评 given by QR opens its rectification as any other
    with sessions() as session:
        r = models.Rating
        kept = {row.case_no: row for row in session.scalars(select(r).where(r.channel == "qr_code"))}
        assert set(kept) == {lapsed, never}
        assert kept[never].rated_on == dt.date(2026, 11, 21)
        assert [c["code"] for c in json.loads(kept[never].reasons)] == ["503"]
        rect = session.scalars(select(models.Rectification).where(models.Rectification.rating_id == kept[never].id))
        assert rect.one_or_none() is not None
        ids = set(session.scalars(select(models.Case.id).where(models.Case.case_no.in_([lapsed, never, rated]))))
        sent = session.scalars(select(models.PlatformEvent.case_id).where(models.PlatformEvent.kind == "rated"))
        assert len(ids & set(sent)) == 1  # the pad's rating is reported; the two the region holds are not
    again = pull_pass(Writes(sessions), clock() + dt.timedelta(days=1), desk=DESK, folder=tmp_path / "keys")
    assert again.taken == 0  # kept once


def test_the_rating_the_region_holds_is_not_reported_back(
    sessions: sessionmaker[Session], region: RegionSystem, clock: Clock, tmp_path: Path
) -> None:
    configure(sessions, region, tmp_path / "keys")
    lapsed = by_standing(sessions, clock)["lapsed"]
    region.held = {lapsed: qr_rating(lapsed, "4", "2026-11-20 18:02:00")}
    with sessions() as session:
        before = session.scalars(select(models.PlatformEvent.id)).all()
    assert pull_pass(Writes(sessions), clock(), desk=DESK, folder=tmp_path / "keys").taken == 1
    with sessions() as session:
        assert session.scalars(select(models.PlatformEvent.id)).all() == before


def test_no_default_rating_unless_the_site_s_rule_says_so(
    sessions: sessionmaker[Session], region: RegionSystem, clock: Clock, tmp_path: Path
) -> None:
    configure(sessions, region, tmp_path / "keys")
    never = by_standing(sessions, clock)["not_sent"]
    week_later = clock() + dt.timedelta(days=7)
    assert pull_pass(Writes(sessions), week_later, desk=DESK, folder=tmp_path / "keys").defaulted == 0
    assert standing(sessions, never) == "not_sent"
    with sessions.begin() as session:
        put_setting(session, KEY_DEFAULT, json.dumps({"days": 7, "basis": "广东省政务服务“好差评”管理办法"}))
    day_before = week_later - dt.timedelta(days=1)
    assert pull_pass(Writes(sessions), day_before, desk=DESK, folder=tmp_path / "keys").defaulted == 0
    done = pull_pass(Writes(sessions), week_later, desk=DESK, folder=tmp_path / "keys")
    assert done.defaulted >= 1
    assert standing(sessions, never) == "good"
    with sessions() as session:
        r = session.scalars(select(models.Rating).where(models.Rating.case_no == never)).one()
        assert (r.level, r.channel) == ("basically_satisfied", "system_default")


def test_the_command_runs_one_pass_and_says_what_came_of_it(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    assert main(["ratings", "pull", "--db", f"sqlite:///{db_path}"]) == 0  # a site not reporting asks nothing
    assert capsys.readouterr().out.strip() == "询问办件 0 件，取回补充评价 0 条，给予默认评价 0 条"


def test_a_platform_that_does_not_answer_leaves_everything_as_it_was(
    sessions: sessionmaker[Session], region: RegionSystem, clock: Clock, tmp_path: Path
) -> None:
    configure(sessions, region, tmp_path / "keys")
    lapsed = by_standing(sessions, clock)["lapsed"]
    region.held = {lapsed: qr_rating(lapsed, "5", "2026-11-20 18:02:00")}
    region.status = 503
    done = pull_pass(Writes(sessions), clock(), desk=DESK, folder=tmp_path / "keys")
    assert (done.failed, done.status) == (AskFailure.REFUSED, 503)
    assert done.taken == 0
    region.status = 200
    with sessions.begin() as session:  # a certificate not of the platform's own CA: nothing is asked
        save_platform(
            session,
            PlatformSettings(True, region.url, "hall", SECRET, 2.0, 3, codings=CHOSEN),
            desk=DESK,
            folder=tmp_path / "keys",
        )
    done = pull_pass(Writes(sessions), clock(), desk=DESK, folder=tmp_path / "keys")
    assert done.failed is AskFailure.UNTRUSTED
    assert standing(sessions, lapsed) == "lapsed"


def test_a_township_never_asks_the_region_the_hall_does(
    sessions: sessionmaker[Session], region: RegionSystem, clock: Clock, tmp_path: Path
) -> None:
    """Were both to ask, a rating given by QR would be kept at the township and at the hall, and the township's reach
    the hall by sync as a second first rating for the same service."""
    configure(sessions, region, tmp_path / "keys")
    lapsed = by_standing(sessions, clock)["lapsed"]
    region.held = {lapsed: qr_rating(lapsed, "5", "2026-11-20 18:02:00")}
    with sessions.begin() as session:
        put_setting(session, SITE_KIND, TOWNSHIP)
    done = pull_pass(Writes(sessions), clock() + dt.timedelta(days=1), desk=DESK, folder=tmp_path / "keys")
    assert region.paths == []
    assert (done.taken, done.failed) == (0, None)
    assert standing(sessions, lapsed) == "lapsed"


def test_a_paper_made_weeks_after_the_intake_invites_its_rating_for_its_own_period(
    sessions: sessionmaker[Session], region: RegionSystem, clock: Clock, tmp_path: Path
) -> None:
    """The pad's time ran out at the intake; a month later the case's 送达回证 carries the rating QR code for its own
    period, and the applicant rates by it: the hall still asks for that case, and keeps the rating."""
    configure(sessions, region, tmp_path / "keys")
    lapsed = by_standing(sessions, clock)["lapsed"]
    later = clock() + dt.timedelta(days=30)
    with sessions.begin() as session:
        case = session.scalars(select(models.Case).where(models.Case.case_no == lapsed)).one()
        snapshot = {"rating_qr": {"address": "https://example.invalid/r", "days": 7}}  # as the paper was made under
        session.add(models.DocumentRecord(
            doc_no="SD-0001", case_id=case.id, kind="service_receipt", issued_on=(later - dt.timedelta(days=2)).date(),
            site_code="XAM01", desk_no="01", clerk="乌兰", office=json.dumps(snapshot), content_hash="0" * 64,
        ))  # fmt: skip
    region.held = {lapsed: qr_rating(lapsed, "5", f"{(later - dt.timedelta(days=1)).date()} 10:00:00")}
    done = pull_pass(Writes(sessions), later, desk=DESK, folder=tmp_path / "keys")
    assert lapsed in region.asked[0]
    assert done.taken == 1
    assert standing(sessions, lapsed) == "good"


def test_the_command_says_in_chinese_why_the_platform_gave_no_ratings(
    capsys: pytest.CaptureFixture[str], sessions: sessionmaker[Session], region: RegionSystem, db_path: Path,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Before, the platform's status and the first 200 characters of its answer were printed as they came."""
    monkeypatch.setenv("COUNTER_HOME", str(tmp_path / "home"))
    configure(sessions, region, tmp_path / "home" / "keys")
    region.status = 503
    assert main(["--today", "2026-11-20", "ratings", "pull", "--db", f"sqlite:///{db_path}"]) == 1
    out, err = capsys.readouterr()
    assert out == "询问办件 6 件，取回补充评价 0 条，给予默认评价 0 条\n"
    assert err == "没有取到补充评价：自治区好差评系统拒绝了请求，答复码 503。\n"


def test_the_command_names_the_cases_whose_ratings_could_not_be_read(
    capsys: pytest.CaptureFixture[str], sessions: sessionmaker[Session], region: RegionSystem, clock: Clock,
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("COUNTER_HOME", str(tmp_path / "home"))
    configure(sessions, region, tmp_path / "home" / "keys")
    lapsed = by_standing(sessions, clock)["lapsed"]
    region.held = {lapsed: qr_rating(lapsed, "9", "2026-11-20 18:02:00")}  # no level 9 in the chosen coding
    assert main(["--today", "2026-11-20", "ratings", "pull", "--db", f"sqlite:///{db_path}"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == [f"未能读取或记录的评价（办件编号）：{lapsed}"]  # never guessed at
    assert standing(sessions, lapsed) == "lapsed"


@pytest.mark.parametrize(
    "body",
    [b"<html><body>502 Bad Gateway</body></html>", b'{"result": []}', b'{"ratings": "none"}'],
    ids=["a-proxy-page", "no-ratings-key", "ratings-not-a-list"],
)
def test_an_answer_that_is_not_the_agreed_one_is_said_in_chinese_and_keeps_nothing(
    capsys: pytest.CaptureFixture[str], sessions: sessionmaker[Session], region: RegionSystem, clock: Clock,
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: bytes,
) -> None:  # fmt: skip
    """A 200 whose body is no ratings answer (a proxy's page, another interface's reply) is the platform's fault: said
    as such, the parser's English kept for the log, never listed among the case numbers of ratings not read."""
    monkeypatch.setenv("COUNTER_HOME", str(tmp_path / "home"))
    configure(sessions, region, tmp_path / "home" / "keys")
    lapsed = by_standing(sessions, clock)["lapsed"]
    region.body = body
    assert main(["--today", "2026-11-20", "ratings", "pull", "--db", f"sqlite:///{db_path}"]) == 1
    out, err = capsys.readouterr()
    assert out == "询问办件 5 件，取回补充评价 0 条，给予默认评价 0 条\n"
    assert err == "没有取到补充评价：自治区好差评系统的答复无法读取。\n"
    assert standing(sessions, lapsed) == "lapsed"


class RatedMeanwhile(Writes):
    """The applicant rates on the pad while the hall's question is out: the pad's rating is committed before the
    region's answer is kept."""

    def __init__(self, sessions: sessionmaker[Session], case_no: str, clock: Clock) -> None:
        super().__init__(sessions)
        self.case_no, self.clock, self.writes = case_no, clock, 0

    def write(self, action: Callable[[Session], T]) -> T:
        self.writes += 1
        if self.writes == 2:  # after the question, before the answer is kept
            with self.sessions.begin() as session:
                shown = send_to_pad(session, self.case_no, DESK, self.clock())
                choice = RatingChoice(Level.SATISFIED)
                record_rating(session, shown.request_id, choice, DESK, self.clock(), office_calendar(session))
        return super().write(action)


def test_a_qr_rating_of_a_case_rated_on_the_pad_meanwhile_is_not_kept_and_is_named(
    sessions: sessionmaker[Session], region: RegionSystem, clock: Clock, tmp_path: Path
) -> None:
    """一次一评: the pad's rating stays the case's first; the region's is listed among those not recorded."""
    configure(sessions, region, tmp_path / "keys")
    cases = by_standing(sessions, clock)
    never, lapsed = cases["not_sent"], cases["lapsed"]
    region.held = {
        never: qr_rating(never, "2", "2026-11-21 09:15:00", "503"),
        lapsed: qr_rating(lapsed, "5", "2026-11-20 18:02:00"),
    }
    store = RatedMeanwhile(sessions, never, clock)
    done = pull_pass(store, clock() + dt.timedelta(days=1), desk=DESK, folder=tmp_path / "keys")
    assert never in region.asked[0]
    assert (done.taken, done.unread) == (1, (never,))
    assert standing(sessions, never) == "good"  # the pad's 满意, not the region's 不满意
    assert standing(sessions, lapsed) == "good"
    with sessions() as session:
        kept = session.scalars(select(models.Rating.channel).where(models.Rating.case_no == never)).all()
        assert kept == ["other_terminal"]
