"""What publishing a 待核 guide changes, against the guide this site last published for the bundle.

An administrator confirms a guide by publishing it (:func:`counter.actions.catalog.guide_status.publish_guide`); from
then on every intake of the bundle asks what it asks.  Before the act the desk shows what will be different: the
materials and items added, taken away or worded otherwise, and the promised time limit.  A material or an item is
the same one when its code is; "changed" is any difference in it (name, necessity, copies, limits, wording), which
the administrator reads in the guide itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.catalog.model import Bundle, TimeLimit


@dataclass(frozen=True, slots=True)
class GuideChanges:
    """Names, in the new guide's order (those taken away in the old one's)."""

    materials_added: tuple[str, ...] = ()
    materials_removed: tuple[str, ...] = ()
    materials_changed: tuple[str, ...] = ()
    items_added: tuple[str, ...] = ()
    items_removed: tuple[str, ...] = ()
    items_changed: tuple[str, ...] = ()
    promised_before: TimeLimit | None = None
    promised_after: TimeLimit | None = None

    @property
    def promise_changed(self) -> bool:
        return self.promised_before != self.promised_after

    @property
    def none(self) -> bool:
        """Nothing an intake asks differs: the same guide, confirmed."""
        lists = (self.materials_added, self.materials_removed, self.materials_changed, self.items_added)
        return not any((*lists, self.items_removed, self.items_changed, self.promise_changed))


def guide_changes(before: Bundle, after: Bundle) -> GuideChanges:
    """What ``after`` changes against ``before``; statuses and versions aside (publishing changes those always)."""
    old_materials = {m.code: m for m in before.materials}
    new_materials = {m.code: m for m in after.materials}
    old_items = {i.code: i for i in before.items}
    new_items = {i.code: i for i in after.items}
    return GuideChanges(
        materials_added=tuple(m.name for m in after.materials if m.code not in old_materials),
        materials_removed=tuple(m.name for m in before.materials if m.code not in new_materials),
        materials_changed=tuple(
            m.name for m in after.materials if m.code in old_materials and old_materials[m.code] != m
        ),
        items_added=tuple(i.name for i in after.items if i.code not in old_items),
        items_removed=tuple(i.name for i in before.items if i.code not in new_items),
        items_changed=tuple(i.name for i in after.items if i.code in old_items and old_items[i.code] != i),
        promised_before=before.promised_limit,
        promised_after=after.promised_limit,
    )
