"""A hall whose data key is damaged refuses an intake by a fault that crosses to the desk, and keeps nothing of it.

The key cut short or a folder in its place made every intake with an ID number an assertion deep in sealing, which
the server answered as its own failure and the desk showed as an unexpected error.  Here the hall's service (the
server's side of the door) refuses with the store's fault, which reads back from the wire as the same fault the
desk words; the write's key is not spent, so the same intake asked again once the key is back is taken.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.actions.site.store import Store
from counter.case.intake_request import IntakeRequest
from counter.case.lookup import read_lookup
from counter.host.database.database_faults import DbFault, StoreFault
from counter.host.keys.data_key import ensure_data_keys, index_key_path, sm4_key_path
from counter.host.machine.paths import site_key_path
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.service.cases import FIND_CASES, FindCases
from counter.service.faults import decode_fault, encode_fault
from counter.service.intake import (
    KNOWN_PARTY,
    READ_CURRENT_GUIDE,
    RESUBMISSION,
    TAKE_INTAKE,
    KnownPartyOf,
    TakeIntake,
)
from counter.service.local import InProcess, new_key
from counter.service.requests import BundleCode, CaseNo
from counter.words.database import fault_text
from tests.conftest import made_database
from tests.db.test_personal_sealing import damaged, put_back
from tests.service.test_kept_in_clear import ADDRESS, BUNDLE, ID_NO, PHONE, _clerk


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[tuple[InProcess, Path]]:
    """The hall's service, as the server runs it, on its database file."""
    path = tmp_path / "hall.sqlite3"
    store = Store(made_database(path), create=True)
    yield InProcess(store), path
    store.dispose()


@pytest.mark.parametrize("damage", ["cut short", "a folder"])
def test_an_intake_on_a_damaged_key_crosses_as_the_stores_fault_and_is_taken_once_the_key_is_back(
    hall: tuple[InProcess, Path], damage: str
) -> None:
    service, path = hall
    clerk = _clerk(service)
    stored = service.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE), clerk)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    person = Applicant(ApplicantKind.PERSON, "张海军", ID_NO, PHONE, ADDRESS)
    request = TakeIntake(IntakeRequest(checklist, Parties(dataclasses.replace(person)), uid=new_key()))
    key_file = sm4_key_path(site_key_path(), 1)
    ensure_data_keys(site_key_path())  # a hall that has sealed before
    kept = key_file.read_bytes()
    damaged(key_file, damage)

    key = new_key()
    with pytest.raises(StoreFault) as refused:
        service.call(TAKE_INTAKE, request, clerk, key=key)
    assert refused.value.fault is DbFault.DATA_KEY
    crossed = decode_fault(encode_fault(refused.value))  # as the server answers and the desk reads
    assert isinstance(crossed, StoreFault)
    assert crossed.fault is DbFault.DATA_KEY
    assert "运维人员" in fault_text(crossed.fault.value)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        assert connection.scalar(text('SELECT count(*) FROM "case"')) == 0
    engine.dispose()

    put_back(key_file, kept)
    taken = service.call(TAKE_INTAKE, request, clerk, key=key)  # the desk's retry under the same key
    assert taken.case_no


def test_a_search_by_number_on_a_damaged_index_key_says_so_rather_than_finding_nobody(
    hall: tuple[InProcess, Path],
) -> None:
    """The index key cut short after an intake: F7 by the applicant's ID number found no case, as if there were
    none (the clerk might take the matter again).  It is refused by the store's fault instead; by name it still
    finds the case."""
    service, _ = hall
    clerk = _clerk(service)
    stored = service.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE), clerk)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    person = Applicant(ApplicantKind.PERSON, "张海军", ID_NO, PHONE, ADDRESS)
    request = TakeIntake(IntakeRequest(checklist, Parties(person), uid=new_key()))
    taken = service.call(TAKE_INTAKE, request, clerk, key=new_key())
    damaged(index_key_path(site_key_path()), "cut short")
    for typed in (ID_NO, PHONE):
        lookup = read_lookup(typed)
        assert lookup is not None
        with pytest.raises(StoreFault) as refused:
            service.call(FIND_CASES, FindCases(lookup, 30), clerk)
        assert refused.value.fault is DbFault.DATA_KEY
    by_name = read_lookup("张海军")
    assert by_name is not None
    assert [f.case_no for f in service.call(FIND_CASES, FindCases(by_name, 30), clerk)] == [taken.case_no]


def test_what_would_fill_a_new_intake_with_the_placeholder_is_refused_not_handed_to_the_form(
    hall: tuple[InProcess, Path],
) -> None:
    """The key the applicant's values were sealed under replaced by another of its id (a copy of the wrong file put
    back): sealing goes on under it, while her phone and address read as （已加密）.  一证办理 filled the form with
    them and a 补正 taken again carried them, and the new intake kept the placeholder as her phone and address, its
    papers printed with it.  Both are refused as the store's data_key fault; with the right key they are handed."""
    service, _ = hall
    clerk = _clerk(service)
    stored = service.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE), clerk)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    person = Applicant(ApplicantKind.PERSON, "张海军", ID_NO, PHONE, ADDRESS)
    request = TakeIntake(IntakeRequest(checklist, Parties(person), uid=new_key()))
    taken = service.call(TAKE_INTAKE, request, clerk, key=new_key())
    key_file = sm4_key_path(site_key_path(), 1)
    kept = key_file.read_bytes()
    damaged(key_file, "missing")
    key_file.write_bytes(b"\x07" * len(kept))  # a key of the same id, not the one the values were sealed under
    with pytest.raises(StoreFault) as refused:
        service.call(KNOWN_PARTY, KnownPartyOf(ID_NO), clerk)
    assert refused.value.fault is DbFault.DATA_KEY
    with pytest.raises(StoreFault) as refused:
        service.call(RESUBMISSION, CaseNo(taken.case_no), clerk)
    assert refused.value.fault is DbFault.DATA_KEY
    put_back(key_file, kept)
    known = service.call(KNOWN_PARTY, KnownPartyOf(ID_NO), clerk)
    assert known is not None
    assert (known.phone, known.address) == (PHONE, ADDRESS)
    draft = service.call(RESUBMISSION, CaseNo(taken.case_no), clerk)
    assert draft is not None
    assert (draft.applicant.id_no, draft.applicant.phone, draft.applicant.address) == (ID_NO, PHONE, ADDRESS)
