"""How a desk's transport asks again a request whose answer did not come, and so how long the server keeps a
write's receipt: both sides of the idempotency key's promise (:mod:`counter.service.remote` asks,
:data:`counter.service.hall.PRUNE` drops the receipts past it), kept here that neither import the other.
"""

from __future__ import annotations

#: the waits before each retry of a request whose answer did not come: some seven seconds in all, enough for a
#: server's restart (its systemd unit restarts it at once) and short enough for a clerk to be told
RETRY_WAITS_S = (0.2, 0.5, 1.0, 2.0, 3.5)
#: how long one request may take before it counts as lost: the slowest operation (a month's figures) with room
TIMEOUT_S = 60.0
#: how long after its first sending a write may still be asked again under its key: every try taking its whole
#: timeout, with the waits between (some six minutes); the server keeps a write's receipt this long and no longer
RETRY_WINDOW_S = (len(RETRY_WAITS_S) + 1) * TIMEOUT_S + sum(RETRY_WAITS_S)
