"""What a widget says when the service refused its operation for a reason every widget words alike.

An account without the permission the operation needs is told which role it takes
(:func:`counter.words.access.not_permitted`); a failure of the database or of the hall server is said in the
widget's sentence the runner filled in (:class:`counter.ui.door.runner.Failed`), its detail logged for support
once, with the operation's name, where the runner worded it.  Any other exception is a fault of the program, raised
on to the window's error hook.
"""

from __future__ import annotations

from counter.access.not_permitted import NotPermitted
from counter.ui.door.runner import Failed
from counter.words.access import refused_for


def refusal_text(err: Exception) -> str:
    """The sentence for ``err``."""
    if isinstance(err, NotPermitted):
        return refused_for(err)
    if isinstance(err, Failed):
        return err.message
    raise err
