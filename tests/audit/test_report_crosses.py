"""The trail's report crosses the hall server's transport whole: its spans, its restores and an unsigned row's digest.

A hall's desk asks ``site.verify_trail`` over HTTPS (:mod:`counter.service.remote`); what the report says of the
algorithms, the restores and the rows to set aside must reach it as the server made it.
"""

from __future__ import annotations

import json

from counter.audit.chain import ChainAlg
from counter.audit.verify import AlgSpan, AuditReport, RestoreNote, TrailProblem, TrailProblemCode
from counter.service.codec import decode, encode


def test_the_report_round_trips_through_json() -> None:
    report = AuditReport(
        entries=3,
        chains=1,
        problems=(TrailProblem(TrailProblemCode.PEER_SEAL_UNSIGNED, "ARS01", 2, digest="f" * 64),),
        restores=(RestoreNote(1, 2, 3),),
        peer_restores=(("ARS01", 2),),
        spans=(AlgSpan("XAM01-8", ChainAlg.SHA256, 1, 2), AlgSpan("XAM01-8", ChainAlg.HMAC_SM3, 3, 3)),
        unchecked=1,
    )
    back = decode(json.loads(json.dumps(encode(report, AuditReport))), AuditReport)
    assert back == report
    assert back.spans[1].alg is ChainAlg.HMAC_SM3
