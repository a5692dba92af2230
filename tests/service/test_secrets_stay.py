"""The outward channels' secrets stay on the machine that runs the operations: no answer carries one, no request
needs one (a hall's desks ask the server, which holds them)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.actions.site.store import Store
from counter.host.outward.licence_library import LIBRARY_SECRET, LookUpOutcome
from counter.host.outward.sms_secret import secret_path
from counter.intake.licences import LibrarySettings
from counter.outbox.secret_shown import SECRET_SHOWN
from counter.service.intake import LOOK_UP_LICENCES, READ_LIBRARY, SAVE_LIBRARY, LookUpLicences, SaveLibrary
from counter.service.local import InProcess
from counter.service.requests import Nothing
from tests.conftest import made_database
from tests.licence_library import ACCOUNT, CREDIT_CODE, SECRET, running_library


@pytest.fixture
def service(tmp_path: Path) -> Iterator[InProcess]:
    store = Store(made_database(tmp_path / "desk.sqlite3", catalog=False), create=True)
    yield InProcess(store)
    store.dispose()


def test_the_library_is_read_without_its_secret_and_asked_where_the_secret_is(service: InProcess) -> None:
    with running_library() as library:
        service.call(SAVE_LIBRARY, SaveLibrary(LibrarySettings(library.url, ACCOUNT, SECRET, timeout=2)))
        shown = service.call(READ_LIBRARY, Nothing())
        found = service.call(LOOK_UP_LICENCES, LookUpLicences(CREDIT_CODE, ("营业执照",)))
    assert shown.secret == SECRET_SHOWN
    assert SECRET not in repr(shown)
    assert found.outcome is LookUpOutcome.ANSWERED
    assert len(found.licences) == 2
    assert library.bad_signatures == 0  # signed with the secret the machine keeps, which no request carried


def test_the_settings_sent_back_as_read_keep_the_secret_kept(service: InProcess) -> None:
    service.call(SAVE_LIBRARY, SaveLibrary(LibrarySettings("https://library.example/api", ACCOUNT, SECRET)))
    shown = service.call(READ_LIBRARY, Nothing())
    service.call(SAVE_LIBRARY, SaveLibrary(dataclasses.replace(shown, timeout=5)))
    assert secret_path(LIBRARY_SECRET).read_text(encoding="utf-8").strip() == SECRET
    assert service.call(READ_LIBRARY, Nothing()).timeout == 5


def test_no_library_set_is_not_asked(service: InProcess) -> None:
    found = service.call(LOOK_UP_LICENCES, LookUpLicences(CREDIT_CODE, ()))
    assert found.outcome is LookUpOutcome.NOT_SET
