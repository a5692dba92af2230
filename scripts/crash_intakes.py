#!/usr/bin/env python3
"""Kill the intake process with SIGKILL hundreds of times; count what survived.

    .venv/bin/python scripts/crash_intakes.py --kills 200 [--seed N] [--first-starts N] [--keep DIR]

Prints the kills, the cases reported as committed, verified and lost (the goal
is 0), the drafts offered back, the seed and the time; exits 1 on any problem.
See ``tests/crash/harness.py`` for what is checked after every kill.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.crash.harness import crash_run  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=200, help="SIGKILLs in all (default 200)")
    parser.add_argument("--seed", type=int, default=None, help="replay a run (default: a new random seed)")
    parser.add_argument("--first-starts", type=int, default=None, help="kills during a first start (default 5%%)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the databases in this folder")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    first_starts = args.first_starts if args.first_starts is not None else max(1, args.kills // 20)
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        tally = crash_run(args.kills, seed, args.keep, first_starts)
    else:
        with tempfile.TemporaryDirectory(prefix="crash-") as folder:
            tally = crash_run(args.kills, seed, Path(folder), first_starts)
    print()
    print(tally.summary())
    for problem in tally.problems[:50]:
        print(f"PROBLEM {problem}")
    return 1 if tally.problems or tally.lost else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
