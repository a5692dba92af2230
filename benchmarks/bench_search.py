"""Search per keystroke on the shipped catalog and on a generated 5,000-item catalog.

Types every prefix of realistic queries, one keystroke at a time, as the clerk
does (so the incremental path is measured too), and also each full query alone.
Prints p50 / p95 / max in milliseconds against the 2 ms goal.

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
           "dibao", "db", "lfd", "hang", "cs", "chaoshi", "wy", "z", "我要开", "sydw"]  # fmt: skip
CHARS = "店馆厂场站所社院室中心公司合作经营销售服务维修加工养殖种植批发零售食品药品医疗器械烟酒农资"


def shipped_entries() -> list[SearchEntry]:
    folder = Path(__file__).resolve().parent.parent / "counter" / "resources" / "catalog"
    result = read_folder(folder)
    return [
        SearchEntry(b.code, b.number, b.name, b.published, search_text(b.name, b.keywords, [i.name for i in b.items]))
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


def keystrokes(index: SearchIndex) -> list[float]:
    times = []
    for query in QUERIES:
        index.search("")
        for end in range(1, len(query) + 1):
            start = time.perf_counter()
            index.search(query[:end])
            times.append((time.perf_counter() - start) * 1000)
    return times


def report(label: str, entries: list[SearchEntry]) -> None:
    index = SearchIndex(entries)
    keystrokes(index)  # warm
    times = sorted(keystrokes(index) + keystrokes(index) + keystrokes(index))
    p95 = times[int(len(times) * 0.95) - 1]
    verdict = "ok" if p95 <= GOAL_MS else "OVER GOAL"
    print(
        f"{label:<32} entries={len(entries):>5}  keystrokes={len(times):>4}  "
        f"p50={statistics.median(times):.3f} ms  p95={p95:.3f} ms  max={times[-1]:.3f} ms  "
        f"goal p95<={GOAL_MS} ms: {verdict} ({p95 / GOAL_MS:.2f}x of goal)"
    )


def main() -> None:
    report("shipped catalog (103 bundles)", shipped_entries())
    report("generated catalog (5,000)", generated_entries(5000))


if __name__ == "__main__":
    main()
