"""Every part of the package stands in a layer the import contracts check (pyproject.toml, run by lint-imports).

A new top-level module or package that no contract names would escape them silently: the domain contract lists
its members one by one, so this test fails until the newcomer is placed.
"""

from __future__ import annotations

import pkgutil
import tomllib
from pathlib import Path

import counter

REPO = Path(__file__).resolve().parent.parent
LAYERS = {"counter.__main__", "counter.ui", "counter.cli", "counter.actions", "counter.db", "counter.host"}
WORDS = "counter.words"


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def _domain() -> set[str]:
    (contract,) = [c for c in _contracts() if str(c["name"]).startswith("The domain imports")]
    modules = contract["source_modules"]
    assert isinstance(modules, list)
    return set(modules)


def test_every_top_level_part_is_a_layer_the_contracts_name() -> None:
    parts = {f"counter.{info.name}" for info in pkgutil.iter_modules(counter.__path__)}
    unplaced = parts - LAYERS - {WORDS} - _domain()
    assert unplaced == set()


def test_the_layers_and_the_domain_do_not_overlap() -> None:
    assert _domain().isdisjoint(LAYERS | {WORDS})
    layers = next(c for c in _contracts() if c["type"] == "layers")["layers"]
    assert isinstance(layers, list)
    named = {f"counter.{part.strip()}" for layer in layers for part in str(layer).split("|")}
    assert named == LAYERS
