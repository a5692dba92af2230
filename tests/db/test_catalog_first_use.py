"""Desks started together on a fresh hall database: one imports the bundled catalog, the others wait and use it.

After ``counter db upgrade`` the database has the schema and no catalog, and every desk loads the bundled one on
first use.  Eight started at once used to import it eight times over, and seven failed on the bundle's primary key
(``UniqueViolation … pk_bundle``).  Each desk here is a process of its own running ``counter catalog list``, as a
clerk's first command would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counter.db import models
from tests.conftest import REPO
from tests.pg_server import MIGRATED, FreshDatabases

DESKS = 8


def _start_desks(url: str, homes: Path) -> list[subprocess.Popen[str]]:
    started = []
    for n in range(DESKS):
        env = {**os.environ, "COUNTER_HOME": str(homes / f"desk{n}"), "PYTHONPATH": str(REPO)}
        command = [sys.executable, "-m", "counter", "catalog", "list", "--json", "--db", url]
        started.append(subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    return started


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_eight_desks_starting_at_once_all_get_the_one_catalog(
    backend: str, fresh_pg: FreshDatabases, tmp_path: Path
) -> None:
    if backend == "postgresql":
        url = fresh_pg.url(MIGRATED)  # as `counter db upgrade` leaves it: the schema, no catalog
    else:
        url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
        assert subprocess.run(
            [sys.executable, "-m", "counter", "db", "upgrade", "--db", url],
            env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, check=False,
        ).returncode == 0  # fmt: skip
    desks = _start_desks(url, tmp_path)
    answers = [desk.communicate(timeout=240) for desk in desks]
    assert [(desk.returncode, err) for desk, (_, err) in zip(desks, answers, strict=True)] == [(0, "")] * DESKS
    listed = [json.loads(out) for out, _ in answers]
    assert all(len(bundles) == 103 for bundles in listed)
    with fresh_pg.open(url)() as session:
        assert session.scalar(select(func.count()).select_from(models.Bundle)) == 103
        assert session.scalar(select(func.count()).select_from(models.GuideVersion)) == 103
        assert session.scalar(select(func.count()).select_from(models.CatalogImport)) == 1  # imported once
