"""The fixtures made once per run (templates, the imported catalog) work in the run's own folders.

They are made before any test's own folders (``counter_home``) take over: without the run's folders they read and
wrote the user's data folder (the desk's settings), the notes the app keeps of its databases and the machine's desk
settings in /etc/counter, so a tester's own desk could end up in every template.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.host.machine.machine_config import machine_config_path
from counter.host.machine.paths import data_dir, state_dir


@pytest.fixture(scope="session")
def folders_of_a_run_fixture() -> tuple[Path, ...]:
    return data_dir(), state_dir(), machine_config_path()


def test_a_fixture_made_once_per_run_never_reaches_the_users_or_the_machines_folders(
    folders_of_a_run_fixture: tuple[Path, ...],
) -> None:
    for folder in folders_of_a_run_fixture:
        assert not folder.is_relative_to(Path.home()), folder
        assert not folder.is_relative_to("/etc"), folder
