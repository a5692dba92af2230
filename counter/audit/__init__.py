"""The audit trail: who did what, when and at which desk, hash-chained so that an edit shows."""
