"""No function, class, constant or attribute of the app that nothing uses (vulture).

Code nobody calls still has to be read, kept typed and moved with every change, and it misleads: a word constant
no screen shows, a check no action makes.  Only the app's own uses count, as in qutebrowser's check: a function
that only tests call (a test-data maker, a read no screen makes, a probe for a widget test) belongs under tests/
or nowhere.  What vulture cannot see used (Qt's overrides, names built from strings) is in
tests/dead_code_whitelist.py, each with its reason.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WHITELIST = Path(__file__).resolve().parent / "dead_code_whitelist.py"
#: what the service reaches by name, which vulture cannot follow: each operation is declared as a constant of its
#: area's module and called by its name through the service (counter.service.operation.DECLARED)
BY_NAME = re.compile(r"^counter/service/[^/:]+\.py:\d+: unused variable '[A-Z][A-Z0-9_]*' ")


def test_the_app_holds_no_dead_code() -> None:
    found = subprocess.run(
        [sys.executable, "-m", "vulture", "counter", str(WHITELIST), "--exclude", "counter/db/migrations"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert found.returncode in (0, 3), found.stderr  # 3: vulture found something, listed below
    assert [line for line in found.stdout.splitlines() if not BY_NAME.match(line)] == []
