"""Why a bad rating was given: the reasons the pad offers as buttons.

The office sets its own list (a setting, edited as plain labels, the way the
halls' pads are configured); until it does, the pad offers the list of a real
pad in use, whose words are in :data:`counter.texts.RATING_REASON`.  A rating
keeps the labels exactly as they were offered, like a case keeps a material's
name as it read that day.
"""

from __future__ import annotations

from enum import StrEnum


class ReasonCode(StrEnum):
    LONG_PROCESSING = "long_processing"  # 办理时间长
    POOR_ATTITUDE = "poor_attitude"  # 服务态度差
    POOR_ENVIRONMENT = "poor_environment"  # 办理环境差
    COMPLEX_PROCESS = "complex_process"  # 流程太复杂
    LONG_WAIT = "long_wait"  # 等待时间长
    OTHER = "other"  # 其他


DEFAULT_REASONS: tuple[ReasonCode, ...] = tuple(ReasonCode)

#: the pad shows the reasons as buttons in up to three rows of three
MAX_REASONS = 9
MAX_REASON_LENGTH = 10
