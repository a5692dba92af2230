"""Search per keystroke on the shipped catalog and on a generated 5,000-item catalog.

Types every prefix of realistic queries, one keystroke at a time, as the clerk
does, through :meth:`SearchIndex.find` (the window's and ``counter catalog find``'s
answer: the hits and the "您要找的是不是" suggestion).  Some queries are typos, so
the typo-tolerant lookup is measured too; it is built during the warm-up, as a
desk builds it at the first typo of the day.  Prints p50 / p95 / max in
milliseconds against the 2 ms goal, judged on the CPU time the search takes: on a
machine shared with other work, the wall-clock p95 mostly measures the moments
the scheduler gave the processor to someone else (it is printed beside it).
Exits 1 when a goal is missed.

    .venv/bin/python benchmarks/bench_search.py
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from counter.catalog.reader import read_folder
from counter.catalog.search import SearchEntry, SearchIndex, search_text

GOAL_MS = 2.0
QUERIES = ["xcg", "小餐馆", "xiaocanguan", "ylbx", "yanglao", "xse", "新生儿", "bdc", "ershoufang", "yd",
           "dibao", "db", "lfd", "hang", "cs", "chaoshi", "wy", "z", "我要开", "sydw",
           # an alias, and slips of the keys that only the typo-tolerant lookup finds
           "开饭店", "小参馆", "xcgg", "xiaocangaun"]  # fmt: skip
CHARS = "店馆厂场站所社院室中心公司合作经营销售服务维修加工养殖种植批发零售食品药品医疗器械烟酒农资"


def shipped_entries() -> list[SearchEntry]:
    folder = Path(__file__).resolve().parent.parent / "counter" / "resources" / "catalog"
    result = read_folder(folder)
    return [
        SearchEntry(
            b.code, b.number, b.name, b.published, search_text(b.name, b.keywords, [i.name for i in b.items], b.aliases)
        )
        for _, b in result.bundles
    ]


def generated_entries(count: int, seed: int = 7) -> list[SearchEntry]:
    rng = random.Random(seed)
    entries = []
    for n in range(1, count + 1):
        name = "我要开" + "".join(rng.choice(CHARS) for _ in range(rng.randint(3, 8)))
        items = ["".join(rng.choice(CHARS) for _ in range(rng.randint(4, 10))) + "登记" for _ in range(2)]
        entries.append(SearchEntry(f"G-{n:05}", n, name, True, search_text(name, (), items)))
    return entries


def keystrokes(index: SearchIndex) -> tuple[list[float], list[float]]:
    """Milliseconds per keystroke: wall-clock time, and the CPU time of this process."""
    wall, cpu = [], []
    for query in QUERIES:
        index.search("")
        for end in range(1, len(query) + 1):
            start, start_cpu = time.perf_counter(), time.process_time()
            index.find(query[:end], limit=50)
            cpu.append((time.process_time() - start_cpu) * 1000)
            wall.append((time.perf_counter() - start) * 1000)
    return wall, cpu


def p95(times: list[float]) -> float:
    return sorted(times)[int(len(times) * 0.95) - 1]


def report(label: str, entries: list[SearchEntry]) -> bool:
    index = SearchIndex(entries)
    keystrokes(index)  # warm
    runs = [keystrokes(index) for _ in range(3)]
    wall = sorted(t for w, _ in runs for t in w)
    cpu = [t for _, c in runs for t in c]
    met = p95(cpu) <= GOAL_MS
    print(
        f"{label:<32} entries={len(entries):>5}  keystrokes={len(wall):>4}  "
        f"p50={statistics.median(wall):.3f} ms  p95={p95(wall):.3f} ms  max={wall[-1]:.3f} ms  "
        f"cpu p95={p95(cpu):.3f} ms  goal cpu p95<={GOAL_MS} ms: {'ok' if met else 'OVER GOAL'} "
        f"({p95(cpu) / GOAL_MS:.2f}x of goal)"
    )
    return met


def main() -> int:
    met = [
        report("shipped catalog (103 bundles)", shipped_entries()),
        report("generated catalog (5,000)", generated_entries(5000)),
    ]
    return 0 if all(met) else 1


if __name__ == "__main__":
    raise SystemExit(main())
