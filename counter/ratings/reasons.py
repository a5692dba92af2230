"""Why a bad rating was given: the reasons the pad offers as buttons.

The office sets its own list (a setting, edited as plain labels, the way the
halls' pads are configured); until it does, the pad offers the list of a real
pad in use, :data:`DEFAULT_LABELS`.  A rating keeps the labels exactly as they
were offered, like a case keeps a material's name as it read that day: the labels
are data (a setting's value, stored with each rating and exported), not the words
of a face, so the default list is written here in Chinese and never translated;
a hall that wants other labels sets its own list.
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
#: the labels of the default list, as the pad offers them and a rating stores them
DEFAULT_LABELS: dict[ReasonCode, str] = {
    ReasonCode.LONG_PROCESSING: "办理时间长",
    ReasonCode.POOR_ATTITUDE: "服务态度差",
    ReasonCode.POOR_ENVIRONMENT: "办理环境差",
    ReasonCode.COMPLEX_PROCESS: "流程太复杂",
    ReasonCode.LONG_WAIT: "等待时间长",
    ReasonCode.OTHER: "其他",
}

#: the pad shows the reasons as buttons in up to three rows of three
MAX_REASONS = 9
MAX_REASON_LENGTH = 10
