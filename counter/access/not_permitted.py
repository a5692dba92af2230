"""The refusal of an act the account may not take: raised where the act runs, worded by the faces."""

from __future__ import annotations

from counter.access.roles import Permission


class NotPermitted(Exception):
    """The actor may not do this; ``signed_in`` False means nobody signed in: where accounts exist, or
    (``single_desk``) at a desk without accounts, which may not take this action at all
    (:data:`~counter.access.roles.SINGLE_DESK_GRANTS`)."""

    def __init__(self, permission: Permission, signed_in: bool, *, single_desk: bool = False) -> None:
        super().__init__(f"{permission.value} not permitted" + ("" if signed_in else ": nobody signed in"))
        self.permission = permission
        self.signed_in = signed_in
        self.single_desk = single_desk
