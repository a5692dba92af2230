"""The codings a test site's integrator chose of the shipped mapping's code lists (``nmg.toml`` ``[lists]``).

A site reports nothing and exports no ratings until each list the field codes in more than one way is chosen; the
tests choose the 好差评 interfaces' coding of levels and channels, GB/T 39046's of 办件类型 and BJJGDM of results.
"""

from __future__ import annotations

from counter.platform.code_lists import Codings
from counter.platform.mapping import load_mapping, mapping_file

CHOSEN = {"level": "hcp", "channel": "hcp", "item_kind": "gbt39046", "result": "bjjgdm"}
#: the same with the other presets of each list
OTHERS = {"level": "gbt39046", "channel": "gbt39046_names", "item_kind": "zero_one", "result": "bjjgdm_variant"}


def shipped_codings(chosen: dict[str, str] | None = None) -> Codings:
    """The shipped mapping's code lists in ``chosen`` (:data:`CHOSEN` when none is given)."""
    return load_mapping(mapping_file("nmg")).codings(CHOSEN if chosen is None else chosen)
