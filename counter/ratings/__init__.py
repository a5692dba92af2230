"""好差评: the applicant's rating of a service, and what a bad rating sets going.

Pure domain: the five levels and their two numeric codings, the reasons of a
bad rating, masking the rater's name on the pad, the rectification a bad rating
opens and its moves, the office's rating settings, the figures and the export
records.  Storage is :mod:`counter.db.rating_store`, the user's actions are
:mod:`counter.actions.ratings.record`, the screens :mod:`counter.ui.pad`.
"""
