"""Where a bundle's guide stands: published, drafted, or listed without a guide.

Kept apart from :mod:`counter.catalog.model` because the search list marks every hit by it: the desk's first
search needs this enum and none of the model's dataclasses (nor :mod:`decimal` behind them), and a warm start
imports only what that search needs.
"""

from __future__ import annotations

from enum import StrEnum


class GuideStatus(StrEnum):
    PUBLISHED = "published"
    DRAFT = "draft"  # 待核: drafted and validated, not yet published by the site's administrator
    UNPUBLISHED = "unpublished"  # 指南未发布: listed and searchable, intake refuses it
