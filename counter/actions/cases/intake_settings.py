"""The hall's intake rules (:mod:`counter.intake.rules`): the 容缺 margin and the 补正 period, in working days.

Kept in the database (``intake.deferral_margin_days``, ``intake.correction_period_days``), so every desk of a
hall decides alike; read by :func:`counter.actions.intake.take.take_intake` and its preview when the caller gives no
policy, and set from the supervisor's window (受理设置) or ``counter site rules``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.actions.catalog.guide_status import DRAFT_INTAKE_KEY
from counter.audit.actions import AuditAction
from counter.db.outbox_store import GATEWAY_KEY
from counter.db.platform_store import PLATFORM_KEY
from counter.db.settings_store import (
    AUTHORITY_PREFIX,
    SITE_CODE,
    SITE_NAME,
    TRAINING,
    get_setting,
    office_key,
    put_setting,
)
from counter.intake.rules import IntakeRule, IntakeRules, RulesRefused, in_range

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.access.desk import Desk

DEFERRAL_MARGIN_KEY = "intake.deferral_margin_days"
CORRECTION_PERIOD_KEY = "intake.correction_period_days"
RULE_KEY = {IntakeRule.DEFERRAL_MARGIN: DEFERRAL_MARGIN_KEY, IntakeRule.CORRECTION_PERIOD: CORRECTION_PERIOD_KEY}


def intake_rules(session: Session) -> IntakeRules:
    """The hall's rules as stored; the defaults for any unset or unusable."""
    margin, period = get_setting(session, DEFERRAL_MARGIN_KEY), get_setting(session, CORRECTION_PERIOD_KEY)
    default = IntakeRules()
    return IntakeRules(
        deferral_margin_days=_stored(IntakeRule.DEFERRAL_MARGIN, margin, default.deferral_margin_days),
        correction_period_days=_stored(IntakeRule.CORRECTION_PERIOD, period, default.correction_period_days),
    )


def _stored(rule: IntakeRule, raw: str | None, default: int) -> int:
    """The stored value; the default when none is set or the stored one is unusable (written by hand, say)."""
    try:
        value = int(raw) if raw is not None else default
    except ValueError:
        return default
    return value if in_range(rule, value) else default


def save_intake_rules(session: Session, rules: IntakeRules, *, desk: Desk | None = None) -> None:
    """Set the hall's rules, changed at ``desk`` (this machine's when not given); each change on the audit trail.

    Refused whole (:class:`RulesRefused`, every problem at once) when any value is out of its range.  New values
    apply to intakes from now on; a case keeps the dates it was taken with.
    """
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    problems = rules.problems()
    if problems:
        raise RulesRefused(problems)
    for rule, value in rules.values().items():
        key = RULE_KEY[rule]
        stored = get_setting(session, key)
        if stored == str(value):
            continue
        put_setting(session, key, str(value))
        record_at_desk(session, by, AuditAction.SETTING_CHANGED, key, {"from": stored, "to": str(value)})


def intake_keys(site: str) -> tuple[str, ...]:
    """The settings an intake reads in one query (:func:`counter.db.intake_reads.intake_reads`), mostly to find them
    unset: its rules, whether 待核 guides may be taken, training, SMS, the platform, and the office and authority of
    the desk's ``site``, which decide the paper it may print (an answer the 司法局 owes, a 复议 body to name)."""
    own = (office_key(site), AUTHORITY_PREFIX + site, SITE_NAME) if site else ()
    return (*RULE_KEY.values(), DRAFT_INTAKE_KEY, TRAINING, SITE_CODE, GATEWAY_KEY, PLATFORM_KEY, *own)
