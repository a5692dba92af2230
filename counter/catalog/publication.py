"""A 待核 guide on its way to publication at a site: what its departments must confirm, what publishing it would
change, its refusal, and whether intakes may be taken on such guides meanwhile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from counter.catalog.guide_changes import GuideChanges
from counter.catalog.model import Bundle, GuideStatus
from counter.catalog.problems import Problem
from counter.catalog.review import Finding


@dataclass(frozen=True, slots=True)
class Publication:
    bundle_code: str
    version: int  # the new, published version
    draft_version: int  # the 待核 version it confirms
    import_id: int  # the record of who published it and when


class NotADraft(Exception):
    """Only a 待核 or 样例 guide is published by a site: a confirmed one already is, an unpublished one has no
    guide."""

    def __init__(self, bundle_code: str, status: GuideStatus | None) -> None:
        super().__init__(f"{bundle_code}: {status.value if status else 'not found'}")
        self.bundle_code = bundle_code
        self.status = status


class PublishRefused(Exception):
    """The guide may not be published as it stands: ``problems`` lists every reason
    (:func:`counter.catalog.publish_gate.publish_problems`)."""

    def __init__(self, bundle_code: str, problems: Sequence[Problem]) -> None:
        super().__init__(f"{bundle_code}: {len(problems)} problems")
        self.bundle_code = bundle_code
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class PublicationPreview:
    """What publishing a bundle's 待核 guide will do, for the administrator to confirm before it is done."""

    name: str
    draft_version: int  # the 待核 version confirmed
    new_version: int  # the published version it becomes
    published_version: int | None  # the version this site last published of the bundle; None: never
    changes: GuideChanges | None  # against that version; None when there is none
    drafts_taken: bool  # real work here already takes intakes on 待核 guides (their papers say 待核)


@dataclass(frozen=True, slots=True)
class DraftIntake:
    """Whether intakes may be taken on 待核 guides here, and why: what the intake panel and the settings show."""

    training: bool  # the training database: always
    site_allows: bool  # the administrator's setting, for real work

    @property
    def allowed(self) -> bool:
        return self.training or self.site_allows


@dataclass(frozen=True, slots=True)
class GuideToConfirm:
    """A 待核 guide and what its departments must confirm before it is published (:mod:`counter.catalog.review`)."""

    bundle: Bundle
    version: int
    deciders: dict[str, str]  # 实施编码 → the deciding department as this site names it
    findings: tuple[Finding, ...]
