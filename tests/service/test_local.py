"""The service in process: a write asked again under its key applies once; faults cross as themselves; the gate
holds before the action runs."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from counter.access.desk import Desk
from counter.access.key_reused import KeyMismatch, KeyReused
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission, Role
from counter.actions.site.store import Store
from counter.case.not_found import CaseNotFound
from counter.case.numbers import DeskIdentity
from counter.host.database.database_faults import StoreFault
from counter.service.local import InProcess
from counter.service.operation import Open, Operation
from tests.conftest import made_database
from tests.service import served
from tests.service.served import COUNT, COUNTED, Count
from tests.signed_in import add_account

MISSING: Operation[Count, int] = Operation("test.missing", Count, int, True, Open.ANY_DESK, served.missing)
BROKEN: Operation[Count, int] = Operation("test.broken", Count, int, False, Open.ANY_DESK, served.broken)
GATED: Operation[Count, int] = Operation("test.gated", Count, int, True, Permission.MANAGE_ACCOUNTS, served.count)


@pytest.fixture
def service(tmp_path: Path) -> Iterator[InProcess]:
    store = Store(made_database(tmp_path / "desk.sqlite3", catalog=False), create=True)
    yield InProcess(store)
    store.dispose()


def test_a_write_asked_again_under_its_key_applies_once(service: InProcess) -> None:
    first = service.call(COUNT, Count(5), key="k-1")
    again = service.call(COUNT, Count(5), key="k-1")  # its answer was lost; the desk asks once more
    assert (first, again) == (5, 5)
    assert service.call(COUNTED, Count(0)) == 5
    assert service.call(COUNT, Count(5)) == 10  # a new write, a new key


def test_a_key_is_not_taken_for_another_operation(service: InProcess) -> None:
    service.call(COUNT, Count(1), key="k-2")
    with pytest.raises(KeyReused) as refused:
        service.call(GATED, Count(1), key="k-2")
    assert refused.value.reason == KeyMismatch.OPERATION
    assert service.call(COUNTED, Count(0)) == 1


def test_a_key_is_not_taken_for_another_request(service: InProcess) -> None:
    """One key reused for another applicant's intake answered with the first case and dropped the second: refused,
    and neither the answer nor the write of the second."""
    assert service.call(COUNT, Count(1), key="k-4") == 1
    with pytest.raises(KeyReused) as refused:
        service.call(COUNT, Count(2), key="k-4")
    assert refused.value.reason == KeyMismatch.REQUEST
    assert service.call(COUNT, Count(1), key="k-4") == 1  # the first request itself: still its answer
    assert service.call(COUNTED, Count(0)) == 1


def test_a_key_is_not_taken_by_another_account_or_desk(service: InProcess) -> None:
    """A department's account at a clerk's desk read the answer of the clerk's write by its key: refused."""
    with service.store.sessions().begin() as work:
        clerk = Desk(DeskIdentity("XAM01", "8"), "乌兰", add_account(work, "wulan", "乌兰", Role.CLERK))
        other = add_account(work, "ziran", "自然", Role.DEPARTMENT, department="兴安盟自然资源局")
    assert service.call(COUNT, Count(5), clerk, key="k-5") == 5
    with pytest.raises(KeyReused) as refused:
        service.call(COUNT, Count(5), dataclasses.replace(clerk, actor=other), key="k-5")
    assert refused.value.reason == KeyMismatch.ACCOUNT
    with pytest.raises(KeyReused) as refused:
        service.call(COUNT, Count(5), Desk(DeskIdentity("XAM01", "9"), "乌兰", clerk.actor), key="k-5")
    assert refused.value.reason == KeyMismatch.DESK
    assert service.call(COUNT, Count(5), clerk, key="k-5") == 5
    assert service.call(COUNTED, Count(0)) == 5


def test_a_receipts_answer_is_kept_sealed(service: InProcess) -> None:
    from counter.db.sealed import is_sealed

    service.call(COUNT, Count(7), key="k-6")
    with service.store.sessions()() as work:
        stored = work.execute(text("SELECT response FROM operation_receipt WHERE key = 'k-6'")).scalar()
    assert stored is not None
    assert is_sealed(stored)


def test_a_receipt_answers_a_retry_across_a_key_rotation(service: InProcess) -> None:
    """The rotation seals every receipt again under the new key before the old one goes: a desk's retry across it is
    answered, not failed on an answer nobody can open."""
    from counter.db import sealing
    from counter.db.engine import make_engine
    from counter.db.sealed import key_id_of

    assert service.call(COUNT, Count(3), key="k-7") == 3
    engine = make_engine(service.url)
    try:
        key_id, done = sealing.start_rotation(engine)
        with engine.connect() as connection:
            stored = connection.execute(text("SELECT response FROM operation_receipt WHERE key = 'k-7'")).scalar()
    finally:
        engine.dispose()
    assert done.unreadable == 0
    assert key_id_of(str(stored)) == key_id
    assert service.call(COUNT, Count(3), key="k-7") == 3
    assert service.call(COUNTED, Count(0)) == 3


def test_a_declared_fault_crosses_as_itself_and_keeps_nothing(service: InProcess) -> None:
    with pytest.raises(CaseNotFound) as refused:
        service.call(MISSING, Count(7), key="k-3")
    assert refused.value.case_no == "XAM01-7"
    assert isinstance(refused.value.__cause__, CaseNotFound)  # built again from what crossed; the original kept
    assert refused.value is not refused.value.__cause__
    assert service.call(COUNTED, Count(0)) == 0  # rolled back whole, its receipt with it
    with pytest.raises(CaseNotFound):
        service.call(MISSING, Count(7), key="k-3")  # so asked again it runs again, and is refused again


def test_a_fault_nobody_declared_is_the_program_s_and_passes_as_it_is(service: InProcess) -> None:
    with pytest.raises(ZeroDivisionError):
        service.call(BROKEN, Count(1))


def test_the_gate_is_asked_before_the_action_runs(service: InProcess) -> None:
    service.store.write(lambda work: add_account(work, "admin", "其其格", Role.ADMIN))  # nobody signed in may now
    with pytest.raises(NotPermitted) as refused:
        service.call(GATED, Count(3))
    assert refused.value.permission is Permission.MANAGE_ACCOUNTS
    assert service.call(COUNTED, Count(0)) == 0


BATCHES: Operation[Count, int] = Operation(
    "test.batches", Count, int, True, Permission.MANAGE_ACCOUNTS, served.count_in_batches, whole=True
)
BROKEN_BATCHES: Operation[Count, int] = Operation(
    "test.broken_batches", Count, int, True, Open.ANY_DESK, served.broken_batches, whole=True
)


def test_work_of_many_units_asks_its_gate_first_and_words_what_the_database_says(service: InProcess) -> None:
    assert service.call(BATCHES, Count(3)) == 3  # the single desk may, while the database has no account
    with pytest.raises(StoreFault):  # the database's refusal, as for one unit of work: never a raw driver error
        service.call(BROKEN_BATCHES, Count(1))
    service.store.write(lambda work: add_account(work, "admin", "其其格", Role.ADMIN))
    with pytest.raises(NotPermitted):
        service.call(BATCHES, Count(3))
    assert service.call(COUNTED, Count(0)) == 3  # nothing of the refused work ran
