from __future__ import annotations

from sqlalchemy.orm import Session

from counter.actions.admin import data_key
from counter.service.call import Call
from counter.service.keys import DataKeyRotated, RotateDataKey
from counter.service.runs import at_desk


def rotate_data(work: Session, call: Call, request: RotateDataKey) -> DataKeyRotated:
    key_id, done = data_key.rotate_data_key(work, at_desk(call), call.now)
    return DataKeyRotated(key_id, done.sealed, done.unreadable)
