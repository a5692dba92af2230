"""The site's data keys (:mod:`counter.host.keys.data_key`): what personal data is sealed under at rest.

Each operation is declared beside its implementation, bound by reference; the implementation imports its action when
it runs, so that a face importing the declaration loads neither the actions nor SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.service.call import Call, at_desk
from counter.service.operation import read
from counter.service.requests import Nothing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class DataKeyRotated:
    """The new key's id, how many values were sealed again under it, and how many were left as they were because
    their key is not on this machine (then the older keys are kept)."""

    key_id: int
    sealed: int
    unreadable: int


def rotate_data(work: Session, call: Call, request: Nothing) -> DataKeyRotated:
    """A new data key, every personal value sealed again under it in batches, then the older keys removed; a rotation
    killed half way is finished by asking again. In process each batch is told as it ends to the caller that listens
    (counter.host.database.step_listener); over the hall server only the summary comes back, the batches in the server's
    log."""
    from counter.actions.admin import data_key

    key_id, done = data_key.rotate_data_key(work, at_desk(call), call.now)
    return DataKeyRotated(key_id, done.sealed, done.unreadable)


#: declared a read, though it writes: its work is not the operation's one transaction but batches of their own
#: (counter.db.sealing), which a writing unit of work would block on SQLite by holding the file's write lock
ROTATE_DATA_KEY = read("keys.rotate_data", Permission.CHANGE_SETTINGS, rotate_data)
