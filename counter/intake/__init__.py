"""Intake at the window: the clerk's checklist of materials and the one outcome it leads to.

Pure domain: the checklist is plain frozen data, the outcome a pure function of the
bundle, the checklist, the applicant's deferral request and the clerk's refusal
ground.  The desk only shows what :func:`counter.intake.outcome.decide` returns.
"""
