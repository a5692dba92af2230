"""What the hall server answers by name, and the files a request may name at the server: checked without a server."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from counter.server.app import SERVERS_OWN, WRITES_FILE, OutsideFiles, confined, served
from counter.service.cases import RUN_DEMO
from counter.service.catalog import IMPORT_SOURCE, PULL_ITEM_LIST, ImportSource
from counter.service.catalogue import operations
from counter.service.hall import PRUNE
from counter.service.site import BACKUP, RECORD_RESTORE, Backup
from counter.service.sync import EXPORT_PACKAGE, ExportPackage


def test_the_operations_of_many_transactions_are_served_but_the_servers_own_acts() -> None:
    table = {name for name, op in operations().items() if served(op)}
    assert {IMPORT_SOURCE.name, PULL_ITEM_LIST.name, BACKUP.name} <= table
    # the training run's sample intakes would be real cases on the hall's database
    assert not (SERVERS_OWN | {PRUNE.name, RUN_DEMO.name}) & table
    # a restore is recorded by the machine whose database file was put back, never asked of the hall by a desk
    assert RECORD_RESTORE.name not in table


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


def test_a_file_written_at_the_server_takes_a_new_name_and_never_an_administrators_file(tmp_path: Path) -> None:
    """A clerk's sync export named after the catalog source the administrator keeps in the folder (or after a link
    planted there) is written under a new name of the server's, beside it: the source stays as it was."""
    source = tmp_path / "xam.toml"
    source.write_text("[catalog]\n", encoding="utf-8")
    (tmp_path / "out.counter").symlink_to("/etc/passwd")
    for asked in ("xam.toml", "out.counter", "sub/xam.toml"):
        export = confined(ExportPackage(Path(asked)), tmp_path, WRITES_FILE[EXPORT_PACKAGE.name])
        assert export.path.parent == tmp_path
        assert not export.path.exists()
        assert not export.path.is_symlink()
        assert export.path.name.endswith(Path(asked).name)
    backup = confined(Backup(Path("xam.toml")), tmp_path, WRITES_FILE[BACKUP.name])
    assert backup.out is not None
    assert backup.out.parent == tmp_path
    assert backup.out != source
    assert source.read_text(encoding="utf-8") == "[catalog]\n"


def test_a_file_read_at_the_server_is_reached_through_no_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.toml").write_text("x", encoding="utf-8")
    files = tmp_path / "files"
    files.mkdir()
    (files / "sources").symlink_to(outside)  # a folder link: followed, it leads out of the folder
    (files / "xam.toml").symlink_to(outside / "secret.toml")
    for name in ("sources/secret.toml", "xam.toml"):
        with pytest.raises(OutsideFiles):
            confined(ImportSource(Path(name)), files)


def test_a_nul_is_found_by_the_field_it_stands_in() -> None:

    from counter.case.hand_over import HandOverRequest, HandOverWay
    from counter.server.nul_guard import nul_field
    from counter.service.cases import HandOverResults
    from counter.service.outbox import ChangeGateway

    posted = HandOverRequest(HandOverWay.POST, carrier="顺丰", tracking_no="SF12\x0034567890")
    asked = HandOverResults("XAM01-20261127-08-0001", posted)
    assert nul_field(asked) == "request.tracking_no"
    shaped = dataclasses.replace(posted, tracking_no="SF1234567890")
    assert nul_field(dataclasses.replace(asked, request=shaped)) is None
    assert nul_field({"a": ["x", "y\x00"]}) == "a.1"
    assert nul_field(b"\x00\x00") is None  # bytes are no text
    templates = ChangeGateway(templates={"receipt\x00": "SMS_1"})  # a map's key is text the database keeps too
    assert nul_field(templates) == "templates.key"


def test_every_served_request_is_a_record_the_door_can_read_field_by_field() -> None:
    """The door confines a request's files and finds its NULs field by field: each served operation is asked with a
    dataclass (the server has no path for any other request)."""
    plain = [op.name for op in operations().values() if served(op) and not dataclasses.is_dataclass(op.request)]
    assert plain == []
