"""What the hall server answers by name, and the files a request may name at the server: checked without a server."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.server.app import SERVERS_OWN, OutsideFiles, confined, served
from counter.service.cases import RUN_DEMO
from counter.service.catalog import IMPORT_SOURCE, PULL_ITEM_LIST, ImportSource
from counter.service.catalogue import operations
from counter.service.hall import PRUNE
from counter.service.site import BACKUP, Backup
from counter.service.sync import ExportPackage


def test_the_operations_of_many_transactions_are_served_but_the_servers_own_acts() -> None:
    table = {name for name, op in operations().items() if served(op)}
    assert {IMPORT_SOURCE.name, PULL_ITEM_LIST.name, BACKUP.name} <= table
    # the training run's sample intakes would be real cases on the hall's database
    assert not (SERVERS_OWN | {PRUNE.name, RUN_DEMO.name}) & table


def test_a_requests_file_is_one_of_the_servers_files_folder(tmp_path: Path) -> None:
    asked = confined(ImportSource(Path("sources/xam.toml")), tmp_path)
    assert asked == ImportSource(tmp_path / "sources" / "xam.toml")
    assert confined(Backup(None), None) == Backup(None)  # no file named: nothing to confine


@pytest.mark.parametrize("name", ["/etc/counter/server.key", "../server.key", "a/../../b", ".", "..\\x"])
def test_a_file_outside_the_servers_folder_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutsideFiles):
        confined(ImportSource(Path(name)), tmp_path)


def test_no_file_is_taken_from_a_request_when_the_server_has_no_folder() -> None:

    with pytest.raises(OutsideFiles):
        confined(ExportPackage(Path("out.counter")), None)
