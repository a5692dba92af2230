"""F7 finds a recent case by what the applicant has at hand, in one statement along an index, on both databases.

The cases are plain rows (only what a lookup reads matters): a few people, some of one name, over half a year.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.cases.case_reads import cases_found
from counter.case.lookup import FoundCase, Lookup, LookupKind, name_pairs, read_lookup
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.migrate import downgrade, upgrade
from counter.db.name_pairs import add_name_pairs, pair_rows
from counter.db.sealed import case_index_values
from tests.db.plans import explain, scans_cases, statements

TODAY = dt.date(2026, 11, 20)
IDENTITY = DeskIdentity("XAM01", "1")


def _base(session: Session) -> dict[str, Any]:
    version, code = session.execute(
        select(models.GuideVersion.id, models.GuideVersion.bundle_code).order_by(models.GuideVersion.id).limit(1)
    ).one()
    return {
        "site_code": "XAM01", "desk_no": "1", "clerk": "乌兰", "bundle_code": code, "guide_version_id": version,
        "outcome": "accept", "status": "delivered", "applicant_kind": "person",
    }  # fmt: skip


#: (days before TODAY, desk and sequence, name, ID number, phone, phone to notify)
PEOPLE = [
    (5, "01-0002", "王丽", "152201199003076612", "13904821234", "13904821234"),
    (100, "01-0003", "王丽", "152201199003076612", "13904821234", ""),  # the same person, outside 90 days
    (10, "02-0002", "王丽华", "152201198506154321", "13800000001", ""),
    (3, "03-0002", "王立", "15220119700101002X", "13800000002", ""),
    (40, "01-10002", "Bayar Tsogt", "91152201MA0N123456", "", "15148201234"),  # a company; told on another phone
    (200, "01-0002", "其其格", "152201196001010011", "13800000003", ""),
    (20, "04-0005", "阿拉坦其其格·孟和巴雅尔", "152201197501010013", "13800000004", ""),
    (25, "04-0006", "ᠪᠠᠲᠤ ᠪᠠᠶᠠᠷ", "152201197601010015", "13800000005", ""),
]


def _with_pairs(session: Session, rows: list[dict[str, Any]]) -> None:
    """The cases as plain rows, with the pairs of their names every writer of a case writes (counter.db.name_pairs)."""
    session.execute(insert(models.Case), rows)
    add_name_pairs(session, [p for r in rows for p in pair_rows(r["id"], r["applicant_name"], r["received_on"])])


@pytest.fixture
def hall(catalog_hall: sessionmaker[Session]) -> sessionmaker[Session]:
    with catalog_hall.begin() as session:
        base = _base(session)
        rows = []
        for n, (days, tail, name, id_no, phone, notify) in enumerate(PEOPLE, 1):
            day = TODAY - dt.timedelta(days=days)
            sealed = {"applicant_id_no": id_no, "applicant_phone": phone, "notify_phone": notify}
            rows.append({
                **base, "id": n, "case_no": f"XAM01-{day:%Y%m%d}-{tail}", "received_on": day, "applicant_name": name,
                **sealed, **case_index_values(sealed), "uid": f"{n:032x}",
            })  # fmt: skip
        _with_pairs(session, rows)
    return catalog_hall


def found(hall: sessionmaker[Session], typed: str, days: int = 90) -> list[FoundCase]:
    lookup = read_lookup(typed)
    assert lookup is not None
    with hall() as session:
        return cases_found(session, lookup, TODAY, days=days)


def numbers(rows: list[FoundCase]) -> list[str]:
    return [row.case_no for row in rows]


def test_a_sequence_finds_its_cases_of_the_period_newest_first(hall: sessionmaker[Session]) -> None:
    assert numbers(found(hall, "0002")) == [
        "XAM01-20261117-03-0002",
        "XAM01-20261115-01-0002",
        "XAM01-20261110-02-0002",
    ]
    assert numbers(found(hall, "2")) == numbers(found(hall, "0002"))  # said aloud: "two"
    assert numbers(found(hall, "10002")) == ["XAM01-20261011-01-10002"]  # the sequence whole, not its end
    assert numbers(found(hall, "0002", days=365))[-1] == "XAM01-20260504-01-0002"  # the period widened


def test_an_id_number_or_credit_code_finds_the_applicants_cases(hall: sessionmaker[Session]) -> None:
    assert numbers(found(hall, "152201199003076612")) == ["XAM01-20261115-01-0002"]
    assert numbers(found(hall, "152201199003076612", days=182)) == [
        "XAM01-20261115-01-0002", "XAM01-20260812-01-0003",
    ]  # fmt: skip
    assert numbers(found(hall, "15220119700101002x")) == ["XAM01-20261117-03-0002"]  # typed with a small x
    assert numbers(found(hall, "91152201ma0n123456")) == ["XAM01-20261011-01-10002"]


def test_a_phone_finds_the_applicants_and_the_number_told(hall: sessionmaker[Session]) -> None:
    assert numbers(found(hall, "139 0482 1234")) == ["XAM01-20261115-01-0002"]
    (company,) = found(hall, "15148201234")  # no phone of its own: found by the number told by SMS, and shown
    assert (company.case_no, company.phone) == ("XAM01-20261011-01-10002", "15148201234")


def test_a_name_or_any_part_of_it_finds_the_names_that_hold_it(hall: sessionmaker[Session]) -> None:
    assert numbers(found(hall, "王丽")) == ["XAM01-20261115-01-0002", "XAM01-20261110-02-0002"]
    assert numbers(found(hall, "王丽华")) == ["XAM01-20261110-02-0002"]
    assert numbers(found(hall, "王立")) == ["XAM01-20261117-03-0002"]
    assert numbers(found(hall, "丽华")) == ["XAM01-20261110-02-0002"]  # the given name alone
    assert found(hall, "王_") == []  # no wildcard: _ and % are letters here
    assert found(hall, "王%") == []
    assert numbers(found(hall, "Bayar")) == ["XAM01-20261011-01-10002"]
    assert numbers(found(hall, "bayar")) == ["XAM01-20261011-01-10002"]  # Latin letters in either case
    assert numbers(found(hall, "tsog")) == ["XAM01-20261011-01-10002"]  # the middle of a Latin name
    assert numbers(found(hall, "其其格", days=365)) == ["XAM01-20261031-04-0005", "XAM01-20260504-01-0002"]


def test_a_part_finds_the_name_it_stands_in_the_middle_of(hall: sessionmaker[Session]) -> None:
    assert numbers(found(hall, "孟和")) == ["XAM01-20261031-04-0005"]
    assert numbers(found(hall, "格·孟和")) == ["XAM01-20261031-04-0005"]  # across the ID card's middle dot
    assert numbers(found(hall, "ᠲᠤ ᠪᠠᠶ")) == ["XAM01-20261026-04-0006"]  # Mongolian script, across its two words
    assert numbers(found(hall, "ᠠᠲᠤ")) == ["XAM01-20261026-04-0006"]
    assert found(hall, "孟巴") == []  # both characters are in the name, not side by side


def test_a_name_holding_every_pair_apart_is_not_found(hall: sessionmaker[Session]) -> None:
    with hall.begin() as session:
        base = _base(session)
        _with_pairs(session, [{
            **base, "id": 99, "case_no": "XAM01-20261119-05-0001", "received_on": TODAY - dt.timedelta(days=1),
            "applicant_name": "和巴孟和", "applicant_id_no": "", "applicant_phone": "", "notify_phone": "",
            "uid": f"{99:032x}",
        }])  # fmt: skip
    assert numbers(found(hall, "孟和巴")) == ["XAM01-20261031-04-0005"]  # 孟和 and 和巴 are both in 和巴孟和


def test_one_character_is_still_too_short() -> None:
    lookup = read_lookup("孟")
    assert lookup is not None
    assert lookup.too_short


@pytest.mark.parametrize("text", ["孟", ""])
def test_a_name_too_short_asked_anyway_finds_nothing(hall: sessionmaker[Session], text: str) -> None:
    """The desk says a one-character name is too short before it asks; a request over the server that asks anyway
    (one character, or none) finds nothing, where it ended in an IndexError (a 500): such a name has no pair."""
    with hall() as session:
        assert cases_found(session, Lookup(LookupKind.NAME, text), TODAY) == []


def test_a_row_carries_what_tells_two_people_of_one_name_apart(hall: sessionmaker[Session]) -> None:
    newest = found(hall, "王丽")[0]
    assert (newest.applicant_name, newest.id_no, newest.phone, newest.received_on, newest.desk_no) == (
        "王丽", "152201199003076612", "13904821234", dt.date(2026, 11, 15), "1",
    )  # fmt: skip
    assert newest.masked().id_no == "152201********6612"
    assert newest.masked().phone == "139****1234"


def test_the_id_number_and_phone_come_masked_to_whoever_may_not_see_them_whole(hall: sessionmaker[Session]) -> None:
    lookup = read_lookup("王丽")
    assert lookup is not None
    single = Desk(IDENTITY, "乌兰")

    def shown(desk: Desk) -> set[tuple[str, str]]:
        with hall() as session:
            return {(row.id_no, row.phone) for row in cases_found(session, lookup, TODAY, desk)}

    whole = {("152201199003076612", "13904821234"), ("152201198506154321", "13800000001")}
    masked = {("152201********6612", "139****1234"), ("152201********4321", "138****0001")}
    assert shown(single) == whole  # a desk without accounts: its one clerk sees everything
    people = {Role.CLERK: "wulan", Role.SUPERVISOR: "bater", Role.DEPARTMENT: "lina", Role.ADMIN: "admin"}
    with hall.begin() as session:
        for role, login in people.items():
            session.add(models.Account(login=login, name=login, roles=role.value, password_hash="x"))
    at = {role: Desk(IDENTITY, login, Actor(login, login, frozenset({role}))) for role, login in people.items()}
    assert shown(at[Role.CLERK]) == shown(at[Role.SUPERVISOR]) == whole
    assert shown(at[Role.DEPARTMENT]) == shown(at[Role.ADMIN]) == masked  # their roles grant no whole numbers
    assert shown(single) == masked  # accounts exist: nobody signed in sees them masked
    with hall.begin() as session:
        session.execute(update(models.Account).where(models.Account.login == "wulan").values(disabled=True))
    assert shown(at[Role.CLERK]) == masked  # the account as it is now, not as it signed in


@pytest.mark.parametrize("typed", ["0002", "152201199003076612", "13904821234", "王丽"])
def test_each_lookup_is_a_fixed_few_statements(hall: sessionmaker[Session], typed: str) -> None:
    lookup = read_lookup(typed)
    assert lookup is not None
    with hall.begin() as session:
        session.add(models.Account(login="wulan", name="乌兰", roles=Role.CLERK.value, password_hash="x"))
    clerk = Desk(IDENTITY, "乌兰", Actor("wulan", "乌兰", frozenset({Role.CLERK})))
    sent = statements(hall, lambda unit: cases_found(unit, lookup, TODAY, clerk))
    # the cases, and what the role check needs to mask them, in one round trip; then whether the hall only received
    # each (counter.actions.cases.received_cases): their guides and receipts in one, their sites' settings in one
    assert len(sent) == 3, sent
    assert "applicant_id_no" in sent[0][0]
    assert "guide_version" in sent[1][0]
    assert "setting" in sent[2][0]


# --- at a hall's size, after ANALYZE: each lookup reads its index, never every case ----------------------------

CASES = 20_000
PER_DAY = 40


def _name(n: int) -> str:
    """A thousand names, twenty cases each: a name is one person's, or a few people's, as in a hall's registers."""
    return (
        "王李张刘陈杨赵黄周吴"[n % 10]
        + "丽强伟芳敏静军洋勇艳杰娟涛明超霞平刚红梅"[n // 10 % 20]
        + "华英兰新国"[n // 200 % 5]
    )


def _person(n: int) -> dict[str, str]:
    return {
        "applicant_id_no": f"1522011990{n:08d}",
        "applicant_phone": f"139{n:08d}",
        "notify_phone": f"139{n:08d}" if n % 3 else "",
    }


@pytest.fixture
def big_hall(catalog_hall: sessionmaker[Session]) -> sessionmaker[Session]:
    with catalog_hall.begin() as session:
        base = _base(session)
        first = TODAY - dt.timedelta(days=CASES // PER_DAY - 1)
        rows = [{
            **base, "id": n + 1, "desk_no": str(n % 20 + 1), "received_on": first + dt.timedelta(days=n // PER_DAY),
            "case_no": f"XAM01-{first + dt.timedelta(days=n // PER_DAY):%Y%m%d}-{n % 20 + 1:02d}-{n // 20 % 2 + 1:04d}",
            "applicant_name": _name(n), **_person(n), **case_index_values(_person(n)), "uid": f"{n:032x}",
        } for n in range(CASES)]  # fmt: skip
        _with_pairs(session, rows)
    with catalog_hall() as session:
        session.connection().exec_driver_sql("ANALYZE")
        session.commit()
    return catalog_hall


@pytest.mark.slow
@pytest.mark.parametrize(
    ("typed", "index"),
    [
        ("0002", "ix_case_received_on_case_no"),
        ("152201199000019999", "ix_case_applicant_id_key"),
        ("13900019999", "ix_case_applicant_phone_key"),
        ("王丽", "case_name_pair"),  # its pairs: on SQLite its primary key, on PostgreSQL pk_case_name_pair
    ],
)
def test_each_lookup_reads_its_index(big_hall: sessionmaker[Session], typed: str, index: str) -> None:
    lookup = read_lookup(typed)
    assert lookup is not None
    plan, *judged = explain(big_hall, lambda unit: cases_found(unit, lookup, TODAY))  # then whether only received
    assert index in plan, plan
    assert not scans_cases(plan), plan
    assert not any(scans_cases(then) for then in judged), judged
    if lookup.kind.value == "phone":
        assert "ix_case_notify_phone" in plan, plan  # both phones by their index, neither by every case
    assert found(big_hall, typed)


@pytest.mark.slow
def test_a_sequence_few_desks_reached_is_sought_not_walked_to(big_hall: sessionmaker[Session]) -> None:
    """On a hall's PostgreSQL a rare sequence (…-0150, three cases in the period) is read from its own index
    rather than by walking every number of the period; SQLite walks, as its desks hold few."""
    with big_hall.begin() as session:
        base = _base(session)
        session.execute(insert(models.Case), [{
            **base, "id": CASES + n, "received_on": TODAY - dt.timedelta(days=n * 20),
            "case_no": f"XAM01-{TODAY - dt.timedelta(days=n * 20):%Y%m%d}-07-0150", "applicant_name": "孟和",
            "applicant_id_no": f"15220119800101{n:04d}", "applicant_phone": "", "notify_phone": "", "uid": f"f{n:031x}",
        } for n in range(1, 4)])  # fmt: skip
    with big_hall() as session:
        session.connection().exec_driver_sql("ANALYZE")
        session.commit()
    lookup = read_lookup("0150")
    assert lookup is not None
    plan, *_judged = explain(big_hall, lambda unit: cases_found(unit, lookup, TODAY - dt.timedelta(days=365)))
    postgres = big_hall.kw["bind"].dialect.name == "postgresql"
    assert ("ix_case_sequence" if postgres else "ix_case_received_on_case_no") in plan, plan
    assert not scans_cases(plan), plan
    assert [case.case_no[-7:] for case in found(big_hall, "150", days=365)] == ["07-0150"] * 3


def test_the_upgrade_writes_the_pairs_of_the_cases_taken_before_it(hall: sessionmaker[Session]) -> None:
    """A database of the revision before: its cases have no pairs until the upgrade writes them."""
    engine = hall.kw["bind"]
    engine.dispose()
    downgrade(engine, "0003_intake_drafts")
    with engine.connect() as connection:
        assert "case_name_pair" not in connection.dialect.get_table_names(connection)
    upgrade(engine)
    assert numbers(found(hall, "孟和")) == ["XAM01-20261031-04-0005"]
    assert numbers(found(hall, "tsog")) == ["XAM01-20261011-01-10002"]
    with hall() as session:
        written = session.scalar(select(func.count()).select_from(models.CaseNamePair))
    assert written == sum(len(name_pairs(p[2])) for p in PEOPLE)
