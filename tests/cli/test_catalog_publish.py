"""``counter catalog publish`` and ``draft-intake``: a 待核 guide published by name, and the site's setting."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.catalog.model import GuideStatus
from counter.cli import phrases
from counter.cli.main import main
from counter.db.catalog_store import current_guide, import_bundles
from counter.db.engine import make_engine, make_sessions
from counter.words.catalog_problems import PUBLISH_REFUSED
from tests.conftest import made_database

BUNDLE = "XAM-YJS-008"
NAME = "我要开小餐馆（50平方米以下）"


def run(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_anywhere(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """A command with no ``--db``: the database its options choose (the training file for ``--today``)."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A database with the bundled catalog, 我要开小餐馆 in it as 待核."""
    url = made_database(tmp_path / "publish.sqlite3")
    assert run(capsys, url, "catalog", "list")[0] == 0
    engine = make_engine(url)
    sessions: sessionmaker[Session] = make_sessions(engine)
    with sessions.begin() as s:
        stored = current_guide(s, BUNDLE)
        assert stored is not None
        import_bundles(s, [dataclasses.replace(stored.bundle, status=GuideStatus.DRAFT)], "catalog", "bundled")
    engine.dispose()
    return url


def test_a_draft_is_published_by_its_number_once(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, db, "catalog", "publish", "8")
    assert (code, err) == (0, "")
    assert out.strip() == phrases.CATALOG_PUBLISHED.format(number=8, name=NAME, version=3, draft=2)
    code, out, err = run(capsys, db, "catalog", "publish", BUNDLE)
    assert (code, out) == (1, "")
    assert phrases.CATALOG_PUBLISH_ALREADY.format(name=NAME) in err


def test_a_slip_of_the_keys_publishes_nothing(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, db, "catalog", "publish", "小参馆")
    assert (code, out) == (1, "")
    assert phrases.CATALOG_PUBLISH_UNKNOWN.format(bundle="小参馆") in err


def test_an_unpublished_bundle_has_no_guide_to_publish(capsys: pytest.CaptureFixture[str], db: str) -> None:
    engine = make_engine(db)
    sessions: sessionmaker[Session] = make_sessions(engine)
    with sessions.begin() as s:
        stored = current_guide(s, BUNDLE)
        assert stored is not None
        import_bundles(s, [dataclasses.replace(stored.bundle, status=GuideStatus.UNPUBLISHED)], "catalog", "bundled")
    engine.dispose()
    code, _, err = run(capsys, db, "catalog", "publish", "8")
    assert code == 1
    assert "无可发布" in err
    code, out, _ = run(capsys, db, "catalog", "show", "8")  # no guide to read: its name, and that it has none
    assert code == 0
    assert out.splitlines() == [f"8. {NAME}（{BUNDLE}） 第3版", "指南未发布"]


def test_a_draft_published_with_json_gives_the_version_made_and_the_drafts(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, err = run(capsys, db, "catalog", "publish", NAME, "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"code": BUNDLE, "version": 3, "draft_version": 2}
    code, out, _ = run(capsys, db, "catalog", "list", "--json")
    assert {e["code"]: e["status"] for e in json.loads(out)}[BUNDLE] == "published"


def test_the_draft_intake_setting_is_shown_and_set(capsys: pytest.CaptureFixture[str], db: str) -> None:
    assert run(capsys, db, "catalog", "draft-intake")[1].strip() == phrases.CATALOG_DRAFT_INTAKE_OFF
    assert run(capsys, db, "catalog", "draft-intake", "on")[1].strip() == phrases.CATALOG_DRAFT_INTAKE_ON
    assert run(capsys, db, "catalog", "draft-intake")[1].strip() == phrases.CATALOG_DRAFT_INTAKE_ON
    code, out, _ = run(capsys, db, "catalog", "draft-intake", "off", "--json")
    assert code == 0
    assert '"site_allows": false' in out


def test_a_training_desk_is_told_it_takes_draft_guides_whatever_the_site_says(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--today`` without ``--db``: the training database, where a 待核 guide is always taken."""
    code, out, _ = run_anywhere(capsys, "--today", "2026-11-20", "catalog", "draft-intake")
    assert code == 0
    assert out.splitlines() == [phrases.CATALOG_DRAFT_INTAKE_OFF, phrases.CATALOG_DRAFT_INTAKE_TRAINING]
    code, out, _ = run_anywhere(capsys, "--today", "2026-11-20", "catalog", "draft-intake", "--json")
    assert json.loads(out) == {"site_allows": False, "training": True, "allowed": True}


def test_a_guide_listing_the_same_licence_twice_is_refused_with_every_problem(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    """007's draft lists 申请从事互联网上网服务经营活动审批 twice (20 and 15 working days): every problem, in
    Chinese."""
    code, out, err = run(capsys, db, "catalog", "publish", "7")
    assert (code, out) == (1, "")
    head, *problems = err.strip().splitlines()
    assert head == PUBLISH_REFUSED.format(name="我要开网吧", count=len(problems))
    assert any("申请从事互联网上网服务经营活动审批" in line and "只能列一次" in line for line in problems)
    assert "--" not in err
    assert "publish" not in err
    code, out, _ = run(capsys, db, "catalog", "publish", "7", "--json")
    assert code == 1
    assert "duplicate_item" in {p["rule"] for p in json.loads(out)["problems"]}
    code, out, _ = run(capsys, db, "catalog", "list", "--json")
    assert code == 0
    assert {e["code"]: e["status"] for e in json.loads(out)}["XAM-YJS-007"] == "draft"
