"""Guide versions in the database: write an import, read what the desk needs.

An import writes a new :class:`GuideVersion` only for bundles whose content
changed; an unchanged bundle keeps its version, so a case's version number means
"the guide as it read then" and not "the n-th time someone pressed import".
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter.catalog.document import canonical_json, content_hash, from_document, to_document
from counter.catalog.model import Bundle
from counter.catalog.search import SearchEntry, search_text
from counter.db import models


@dataclass(frozen=True, slots=True)
class ImportReport:
    import_id: int | None  # None when nothing changed and no import was recorded
    new_versions: tuple[str, ...]  # bundle codes that got a new guide version
    unchanged: int


@dataclass(frozen=True, slots=True)
class StoredGuide:
    bundle: Bundle
    version_id: int
    version: int


def import_bundles(session: Session, bundles: Sequence[Bundle], source: str, source_kind: str) -> ImportReport:
    """Write the bundles as guide versions.  The caller commits (all or nothing).

    The import itself is recorded only when some bundle changed, so a desk that
    starts a thousand times with the same files does not fill the table.
    """
    record: models.CatalogImport | None = None
    current = {
        row.bundle_code: (row.content_hash, row.version)
        for row in session.execute(
            select(models.GuideVersion.bundle_code, models.GuideVersion.content_hash, models.GuideVersion.version).join(
                models.Bundle, models.Bundle.current_version_id == models.GuideVersion.id
            )
        )
    }
    changed: list[str] = []
    unchanged = 0
    for bundle in bundles:
        doc = to_document(bundle)
        digest = content_hash(doc)
        old = current.get(bundle.code)
        if old is not None and old[0] == digest:
            unchanged += 1
            continue
        if record is None:
            record = models.CatalogImport(source=source[:500], source_kind=source_kind)
            session.add(record)
            session.flush()
        row = session.get(models.Bundle, bundle.code)
        if row is None:
            row = models.Bundle(code=bundle.code)
            session.add(row)
        row.number = bundle.number
        row.name = bundle.name
        row.published = bundle.published
        row.search_text = search_text(
            bundle.name, bundle.keywords, [i.name for i in bundle.items], aliases=bundle.aliases
        )
        session.flush()
        version_no = (
            session.scalar(
                select(func.max(models.GuideVersion.version)).where(models.GuideVersion.bundle_code == bundle.code)
            )
            or 0
        ) + 1
        version = models.GuideVersion(
            bundle_code=bundle.code,
            version=version_no,
            content_hash=digest,
            document=canonical_json(doc),
            import_id=record.id,
        )
        session.add(version)
        session.flush()
        row.current_version_id = version.id
        changed.append(bundle.code)
    if record is None:
        return ImportReport(None, (), unchanged)
    record.new_versions = len(changed)
    session.flush()
    return ImportReport(record.id, tuple(changed), unchanged)


def search_entries(session: Session) -> list[SearchEntry]:
    rows = session.execute(
        select(
            models.Bundle.code,
            models.Bundle.number,
            models.Bundle.name,
            models.Bundle.published,
            models.Bundle.search_text,
        ).order_by(models.Bundle.number, models.Bundle.code)
    )
    return [SearchEntry(r.code, r.number, r.name, r.published, r.search_text) for r in rows]


@functools.lru_cache(maxsize=256)
def _parsed(content_hash: str, document: str) -> Bundle:
    """A stored document read back; versions never change, so the hash is a safe key."""
    bundle, _problems = from_document(json.loads(document))
    return bundle


def _stored(version: models.GuideVersion) -> StoredGuide:
    return StoredGuide(_parsed(version.content_hash, version.document), version.id, version.version)


def current_guide(session: Session, bundle_code: str) -> StoredGuide | None:
    version = session.scalar(
        select(models.GuideVersion)
        .join(models.Bundle, models.Bundle.current_version_id == models.GuideVersion.id)
        .where(models.Bundle.code == bundle_code)
    )
    return None if version is None else _stored(version)


def guide_version(session: Session, version_id: int) -> StoredGuide | None:
    version = session.get(models.GuideVersion, version_id)
    return None if version is None else _stored(version)


def guide_history(session: Session, bundle_code: str) -> list[tuple[int, int]]:
    """(version id, version number) of every version of a bundle, oldest first."""
    rows = session.execute(
        select(models.GuideVersion.id, models.GuideVersion.version)
        .where(models.GuideVersion.bundle_code == bundle_code)
        .order_by(models.GuideVersion.version)
    )
    return [(r.id, r.version) for r in rows]
