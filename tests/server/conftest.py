"""Every test of the server: the logs of each ``counter serve`` it ran beside are read for a password after it
(:mod:`tests.server.server_logs`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server.server_logs import check_watched, module_passwords


@pytest.fixture(autouse=True)
def logs_hold_no_password(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    check_watched(module_passwords(request.module))
