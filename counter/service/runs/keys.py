from __future__ import annotations

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.actions.admin import data_key
from counter.service.keys import DataKeyRotated, RotateDataKey
from counter.service.runs import at_desk


def rotate_data(work: Session, desk: Desk | None, request: RotateDataKey) -> DataKeyRotated:
    key_id, done = data_key.rotate_data_key(work, at_desk(desk), request.now)
    return DataKeyRotated(key_id, done.sealed, done.unreadable)
