"""Every part of the package stands in a layer the import contracts check (pyproject.toml, run by lint-imports).

The layers contract is exhaustive: lint-imports fails for a top-level module or package of counter/ that no layer
names.  This test says the same inside the test run, and holds the domain contract (what the domain may not import:
Qt, SQLAlchemy, the faces) to the layers contract's bottom layer, so that a new domain area placed in the layers is
also kept free of Qt and SQLAlchemy.
"""

from __future__ import annotations

import pkgutil
import re
import tomllib
from pathlib import Path

import counter

REPO = Path(__file__).resolve().parent.parent
FACES_AND_STORAGE = {
    "counter.__main__",
    "counter.ui",
    "counter.cli",
    "counter.server",
    "counter.service",
    "counter.actions",
    "counter.words",
    "counter.db",
    "counter.host",
}


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def _layers_contract() -> dict[str, object]:
    (contract,) = [c for c in _contracts() if c["type"] == "layers"]
    return contract


def _layers() -> list[set[str]]:
    """Each layer's modules, top first; an optional one (in brackets) without its brackets."""
    layers = _layers_contract()["layers"]
    assert isinstance(layers, list)
    return [{f"counter.{part.strip().strip('()')}" for part in re.split(r"[|:]", str(layer))} for layer in layers]


def _domain_contract() -> set[str]:
    (contract,) = [c for c in _contracts() if str(c["name"]).startswith("The domain imports")]
    modules = contract["source_modules"]
    assert isinstance(modules, list)
    return set(modules)


def test_the_layers_contract_is_exhaustive() -> None:
    contract = _layers_contract()
    assert contract["exhaustive"] is True
    assert contract["containers"] == ["counter"]
    assert "exhaustive_ignores" not in contract


def test_every_top_level_part_stands_in_a_layer() -> None:
    parts = {f"counter.{info.name}" for info in pkgutil.iter_modules(counter.__path__)}
    placed = set().union(*_layers())
    assert parts - placed == set()


def test_the_bottom_layer_is_the_domain_and_the_domain_contract_names_it_all() -> None:
    *above, bottom = _layers()
    assert set().union(*above) == FACES_AND_STORAGE
    present = {f"counter.{info.name}" for info in pkgutil.iter_modules(counter.__path__)}
    assert _domain_contract() == bottom & present
