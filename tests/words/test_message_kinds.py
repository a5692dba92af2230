"""Every kind of message has its words in the lists, and they claim nothing its text does not say."""

from __future__ import annotations

import pytest

from counter.sms.kinds import MessageKind
from counter.sms.texts import BODY
from counter.words.messages import MESSAGE_KIND, message_kind


@pytest.mark.parametrize("kind", list(MessageKind))
def test_every_kind_a_desk_may_list_is_worded(kind: MessageKind) -> None:
    # a kind without words made the messages list, the supervisor's page and a gateway template's line fail
    assert message_kind(kind) == MESSAGE_KIND[kind]
    assert MESSAGE_KIND[kind]


@pytest.mark.parametrize("kind", list(MessageKind))
def test_a_kind_names_an_acceptance_or_a_correction_only_where_its_message_does(kind: MessageKind) -> None:
    for act in ("受理", "补正"):
        if act in MESSAGE_KIND[kind]:
            assert act in BODY[kind], (kind, MESSAGE_KIND[kind], BODY[kind])
