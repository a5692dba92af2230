"""A rotation of the site's data key: every personal value sealed again under a new key (:mod:`counter.db.sealing`).

The values are moved a batch to a transaction of their own, beside the operation's: a hall's millions of cases in
one transaction would hold the table for the hour and be lost whole by a kill.  Each batch is logged as it ends, so
a long rotation is seen working in the server's log, and told to the command that asked in this process
(:mod:`counter.host.database.step_listener`: ``counter keys rotate-data`` prints it); a rotation killed half way is
finished by asking again, with both keys kept until the last value has moved.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, cast

from counter.access.desk import Desk
from counter.db.sealing import SealingDone, start_rotation
from counter.host.database.migration_step import Step
from counter.host.database.step_listener import tell

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session as Unit

log = logging.getLogger(__name__)


def _logged(step: Step) -> None:
    log.info("data key rotation: batch %d of %d in %.2f s", step.number, step.count, step.seconds or 0.0)
    tell(step)


def rotate_data_key(unit: Unit, desk: Desk, now: dt.datetime) -> tuple[int, SealingDone]:
    """The new key's id and what the rotation did; ``desk`` and ``now`` for the log."""
    engine = cast("Engine", unit.get_bind())
    key_id, done = start_rotation(engine, _logged)
    log.info(
        "data key %d made at %s by %s: %d values sealed again, %d left under a key not here",
        key_id, now.isoformat(), desk.clerk, done.sealed, done.unreadable,
    )  # fmt: skip
    return key_id, done
