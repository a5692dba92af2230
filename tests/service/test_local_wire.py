"""The in-process transport reads a request as strictly as the hall server's door: a value of another type is
refused as :class:`Malformed` naming its field, and nothing runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.actions.site.store import Store
from counter.service.codec import Malformed
from counter.service.local import InProcess
from tests.conftest import made_database
from tests.service.served import COUNT, COUNTED, Count


@pytest.fixture
def service(tmp_path: Path) -> Iterator[InProcess]:
    store = Store(made_database(tmp_path / "desk.sqlite3", catalog=False), create=True)
    yield InProcess(store)
    store.dispose()


@pytest.mark.parametrize("by", [1.9, "1", True, None])
def test_a_request_not_of_its_type_is_refused_and_runs_nothing(service: InProcess, by: object) -> None:
    with pytest.raises(Malformed) as refused:
        service.call(COUNT, Count(by))  # type: ignore[arg-type]
    assert refused.value.path == "$.by"
    assert service.call(COUNTED, Count(0)) == 0
