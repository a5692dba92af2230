"""How every benchmark reports: the project's figure beside its floor, the goal, and a non-zero exit when one is missed.

A benchmark that only prints its own figure invites reading it against nothing; each line here carries the floor
(a bare driver, a bare window, one SQL statement: the same work under the same conditions) and the verdict, so one
run shows whether the project is near what the machine can do.

``--smoke`` is what the test command runs (``tests/benchmarks``): the same work at a small size, so no benchmark can
rot unnoticed. Its figures mean nothing on a shared machine at that size, so a smoke run prints the goals but does
not enforce them; it fails only when the work itself fails.

A full run writes its figures to ``benchmarks/results/<benchmark>-<date>.json`` (each label with its figure, unit,
budget and floor), so that the history of a path is kept in files, not in the README.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: where a full run's figures are kept; a test that runs a benchmark at full size (the load tier) names its own folder
#: (``COUNTER_BENCH_RESULTS``), so that the record holds the runs made to measure, and a clone stays clean
RESULTS = Path(os.environ.get("COUNTER_BENCH_RESULTS") or Path(__file__).resolve().parent / "results")

__all__ = ["Verdicts", "arguments", "percentile", "summary"]


def arguments(doc: str | None) -> argparse.ArgumentParser:
    """A parser with ``--smoke``, described by the benchmark's own docstring."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="a small run that checks the work, not the goals")
    return parser


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (``q`` in 0..1): a value that was measured, never interpolated."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered), round(len(ordered) * q + 0.5)) - 1)]


def summary(values: list[float]) -> str:
    """``p50 … p95 … max …`` of times in milliseconds."""
    return f"p50 {statistics.median(values):.2f}  p95 {percentile(values, 0.95):.2f}  max {max(values):.2f} ms"


@dataclass
class Verdicts:
    """The goals of one run, printed as they are checked; :meth:`finish` gives the exit status."""

    smoke: bool = False
    missed: list[str] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)

    def _say(self, label: str, met: bool, text: str) -> bool:
        verdict = "ok" if met else ("not enforced (smoke)" if self.smoke else "OVER GOAL")
        print(f"{label}: {text}: {verdict}", flush=True)
        if not met:
            self.missed.append(label)
        return met

    def _keep(self, label: str, value: float, unit: str, goal: str | None, floor: float | None, met: bool) -> None:
        self.figures.append({"label": label, "value": value, "unit": unit, "goal": goal, "floor": floor, "met": met})

    def at_most(self, label: str, value: float, goal: float, unit: str = "ms", floor: float | None = None) -> bool:
        """``value`` must not exceed ``goal``; ``floor`` (same unit) is printed beside it when there is one."""
        beside = f" (floor {floor:.2f} {unit}, {value / floor:.2f}x)" if floor else ""
        self._keep(label, value, unit, f"<= {goal:g}", floor, value <= goal)
        return self._say(label, value <= goal, f"{value:.2f} {unit}{beside}, goal <= {goal:g} {unit}")

    def at_least(self, label: str, value: float, goal: float, unit: str, floor: float | None = None) -> bool:
        """``value`` (a rate) must reach ``goal``."""
        beside = f" (floor {floor:,.0f} {unit}, {value / floor:.2f}x)" if floor else ""
        self._keep(label, value, unit, f">= {goal:g}", floor, value >= goal)
        return self._say(label, value >= goal, f"{value:,.0f} {unit}{beside}, goal >= {goal:,.0f} {unit}")

    def ratio(self, label: str, ours: float, floor: float, goal: float, unit: str = "ms") -> bool:
        """``ours / floor`` must not exceed ``goal``: the project against its floor doing the same work."""
        r = ours / floor
        self._keep(label, ours, unit, f"<= {goal:g}x floor", floor, r <= goal)
        text = f"{ours:.2f} {unit} beside floor {floor:.2f} {unit}, {r:.2f}x, goal <= {goal:g}x"
        return self._say(label, r <= goal, text)

    def record(self, label: str, value: float, unit: str = "ms", floor: float | None = None) -> None:
        """A figure printed for the record, beside its floor: no budget is set for it."""
        beside = f" (floor {floor:.2f} {unit}, {value / floor:.2f}x)" if floor else ""
        self._keep(label, value, unit, None, floor, True)
        print(f"{label}: {value:.2f} {unit}{beside}: no goal, for the record", flush=True)

    def finish(self) -> int:
        """0 when every goal was met, or on a smoke run; 1 otherwise, naming what was missed.  A full run's figures
        are written to :data:`RESULTS`."""
        if not self.smoke:
            self._write_results()
        if self.missed and not self.smoke:
            print(f"goals missed: {'; '.join(self.missed)}", file=sys.stderr)
            return 1
        return 0

    def _write_results(self) -> None:
        name = Path(sys.argv[0]).stem.removeprefix("bench_")
        RESULTS.mkdir(exist_ok=True)
        day = dt.date.today().isoformat()
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        conditions = {"argv": sys.argv[1:], "cores": os.cpu_count(), "load": load}
        verdict = "ok" if not self.missed else "missed: " + "; ".join(self.missed)
        run = {"bench": Path(sys.argv[0]).name, "date": day, "conditions": conditions, "figures": self.figures}
        run["verdict"] = verdict
        path = RESULTS / f"{name}-{day}.json"
        n = 1
        while path.exists():  # a later run of the same day: the earlier one is kept
            n += 1
            path = RESULTS / f"{name}-{day}-{n}.json"
        path.write_text(json.dumps(run, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"figures written to {path}", flush=True)
