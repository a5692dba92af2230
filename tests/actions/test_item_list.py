"""The region's 实施清单 pulled from a 事项库 on this machine over TLS: taken in as 待核 guides with their changes
listed, and nothing kept of a pull that fails."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.catalog.item_list import pull_item_list
from counter.catalog.import_result import PullFailure
from counter.catalog.model import GuideStatus
from counter.db.catalog_store import current_guide
from tests.catalog.platform_writer import write_platform_workbook
from tests.https_stub import serving, trusting

SECRET = "item-list-secret"
BUNDLE = "XAM-YJS-008"


@dataclasses.dataclass
class ItemLibrary:
    url: str
    body: bytes = b""
    status: int = 200
    signed: list[str] = dataclasses.field(default_factory=list)


@contextmanager
def running_item_library() -> Iterator[ItemLibrary]:
    """A 事项库 answering every GET with its body, over TLS with a CA of the run, trusted while it runs."""
    library = ItemLibrary("")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            library.signed.append(self.headers["X-Counter-Signature"])
            self.send_response(library.status)
            self.send_header("Content-Length", str(len(library.body)))
            self.end_headers()
            self.wfile.write(library.body)

    with (
        tempfile.TemporaryDirectory(prefix="item-library-") as folder,
        serving("事项库测试 CA", Path(folder)) as served,
        trusting(served.ca_file),
    ):
        served.server.RequestHandlerClass = Handler
        library.url = f"{served.root}/items"
        yield library


def _region_list(sessions: sessionmaker[Session], tmp_path: Path) -> tuple[bytes, str]:
    """The region's list: the restaurant's guide with one material fewer, as the platform's workbook."""
    with sessions() as s:
        stored = current_guide(s, BUNDLE)
    assert stored is not None
    dropped = stored.bundle.materials[-1]
    changed = dataclasses.replace(stored.bundle, materials=stored.bundle.materials[:-1])
    path = tmp_path / "list.xlsx"
    write_platform_workbook(path, [changed])
    return path.read_bytes(), dropped.name


@pytest.mark.slow
def test_the_list_comes_in_as_a_draft_with_its_changes_listed(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    body, dropped = _region_list(sessions, tmp_path)
    with running_item_library() as library:
        library.body = body
        pulled = pull_item_list(sessions, library.url, "hall", SECRET, desk=desk)
    assert pulled.failure is None
    assert pulled.outcome is not None
    assert pulled.outcome.report is not None, pulled.outcome.problems
    assert pulled.outcome.report.new_versions == (BUNDLE,)
    with sessions() as s:
        stored = current_guide(s, BUNDLE)
    assert stored is not None
    assert stored.bundle.status is GuideStatus.DRAFT  # 待核 until the administrator publishes it
    [(code, preview)] = pulled.previews
    assert code == BUNDLE
    assert preview.changes is not None
    assert preview.changes.materials_removed == (dropped,)


@pytest.mark.parametrize(
    ("status", "body", "failure"), [(503, b"busy", PullFailure.REFUSED), (200, b"<html/>", PullFailure.NOT_WORKBOOK)]
)
def test_a_pull_that_fails_keeps_nothing(
    sessions: sessionmaker[Session], desk: Desk, status: int, body: bytes, failure: PullFailure
) -> None:
    with sessions() as s:
        before = current_guide(s, BUNDLE)
    with running_item_library() as library:
        library.status, library.body = status, body
        pulled = pull_item_list(sessions, library.url, "hall", SECRET, desk=desk)
    assert (pulled.failure, pulled.status) == (failure, 503 if failure is PullFailure.REFUSED else 0)
    assert pulled.outcome is None
    with sessions() as s:
        after = current_guide(s, BUNDLE)
    assert before is not None
    assert after is not None
    assert after.version_id == before.version_id


def test_a_list_the_validator_refuses_is_not_imported(sessions: sessionmaker[Session], desk: Desk) -> None:
    with running_item_library() as library:
        library.body = b"PK\x03\x04 not really a workbook"
        pulled = pull_item_list(sessions, library.url, "hall", SECRET, desk=desk)
    assert pulled.failure is None
    assert pulled.outcome is not None
    assert pulled.outcome.report is None
    assert pulled.outcome.problems
