"""Guide versions in the database: write an import, read what the desk needs.

An import writes a new :class:`GuideVersion` only for bundles whose content
changed; an unchanged bundle keeps its version, so a case's version number means
"the guide as it read then" and not "the n-th time someone pressed import".

A 待核 guide becomes published only by a site's administrator (:func:`publish_draft`): a new version, the draft's
content with the published status, recorded as an import of its own kind (:data:`SITE_PUBLISHED`, its source who
published it, its time when).  An import never silently undoes that: a draft whose content is that of the current
version but for the status is the same guide, already confirmed here (or by the hall whose catalog this township
took in by sync), and counts as unchanged.  A draft whose content differs is a guide nobody here confirmed: it
becomes the current version as 待核, and the report names it (:attr:`ImportReport.back_to_draft`) so the
administrator sees which publications a revised draft replaced.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, bindparam, func, select, text
from sqlalchemy.orm import Session

from counter.catalog.document import canonical_json, content_hash, from_document, to_document
from counter.catalog.haystack import search_text
from counter.catalog.import_result import ImportReport
from counter.catalog.model import Bundle, GuideStatus
from counter.catalog.publication import NotADraft, Publication
from counter.catalog.search import SearchEntry
from counter.catalog.stored_guide import StoredGuide
from counter.db import models

SITE_PUBLISHED = "published"  # the import kind of a version made by publishing a draft; its source names who
CONFIRMED_KINDS = (SITE_PUBLISHED, "sync")  # versions a site confirmed: published here, or sent by the hall


# PostgreSQL's advisory lock for writing the bundled catalog: one bigint for the whole database ("counter", 1)
_CATALOG_LOCK = 0x636F756E74657201


def lock_catalog(session: Session) -> None:
    """Wait until no other desk is writing the bundled catalog, then keep it so until this transaction ends.

    Desks started together on a fresh hall database each found the catalog missing and imported it at once, and all
    but one failed on the bundle's primary key.  Whoever holds the lock imports; the others wait here and, once it
    commits, find its work done (the caller checks again after the lock).  PostgreSQL: a transaction-scoped advisory
    lock.  SQLite: a write that changes nothing takes the file's one write lock, as ``BEGIN IMMEDIATE`` would, within
    the busy timeout.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CATALOG_LOCK})
    else:
        session.execute(text("DELETE FROM setting WHERE 0"))


def import_bundles(session: Session, bundles: Sequence[Bundle], source: str, source_kind: str) -> ImportReport:
    """Write the bundles as guide versions.  The caller commits (all or nothing).

    The import itself is recorded only when some bundle changed, so a desk that
    starts a thousand times with the same files does not fill the table.
    """
    record: models.CatalogImport | None = None
    v, batch = models.GuideVersion, models.CatalogImport
    current = {
        row.bundle_code: (row.content_hash, row.source_kind in CONFIRMED_KINDS, row.published)
        for row in session.execute(
            select(v.bundle_code, v.content_hash, batch.source_kind, models.Bundle.published)
            .join(models.Bundle, models.Bundle.current_version_id == v.id)
            .join(batch, batch.id == v.import_id)
        )
    }
    changed: list[str] = []
    back_to_draft: list[str] = []
    unchanged = 0
    for bundle in bundles:
        doc = to_document(bundle)
        digest = content_hash(doc)
        old = current.get(bundle.code)
        if old is not None and (old[0] == digest or (old[1] and old[0] in _as_published(bundle))):
            unchanged += 1
            continue
        if old is not None and old[2] and bundle.status is GuideStatus.DRAFT:
            back_to_draft.append(bundle.code)
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
        row.status = bundle.status.value
        row.search_text = search_text(
            bundle.name, bundle.keywords, [i.name for i in bundle.items], aliases=bundle.aliases
        )
        session.flush()
        _add_current_version(session, row, doc, digest, record.id)
        changed.append(bundle.code)
    if record is None:
        return ImportReport(None, (), unchanged)
    record.new_versions = len(changed)
    session.flush()
    return ImportReport(record.id, tuple(changed), unchanged, tuple(back_to_draft))


def _add_current_version(
    session: Session, row: models.Bundle, doc: dict[str, Any], digest: str, import_id: int
) -> models.GuideVersion:
    """Store ``doc`` as the bundle's next guide version and make it the current one."""
    last = session.scalar(
        select(func.max(models.GuideVersion.version)).where(models.GuideVersion.bundle_code == row.code)
    )
    version = models.GuideVersion(
        bundle_code=row.code,
        version=(last or 0) + 1,
        content_hash=digest,
        document=canonical_json(doc),
        import_id=import_id,
    )
    session.add(version)
    session.flush()
    row.current_version_id = version.id
    return version


def unconfirmed(bundle: Bundle) -> bool:
    """Whether the guide awaits the site's confirmation: 待核, or a 样例 shipped as published (its papers say so)."""
    return bundle.status is GuideStatus.DRAFT or (bundle.status is GuideStatus.PUBLISHED and bundle.sample)


def _as_published(bundle: Bundle) -> frozenset[str]:
    """The content hashes a guide would have once a site published it, to know it for the one a site confirmed.

    A 样例 confirmed is no longer a sample; a draft published before that rule kept its sample mark, and is still
    the one the site confirmed.
    """
    if not unconfirmed(bundle):
        return frozenset()
    published = dataclasses.replace(bundle, status=GuideStatus.PUBLISHED)
    candidates = (published, dataclasses.replace(published, sample=False))
    return frozenset(content_hash(to_document(b)) for b in candidates)


def publish_draft(session: Session, bundle_code: str, who: str) -> Publication:
    """Make the current 待核 (or 样例) version of a bundle the site's published one, as a new version; the old one
    stays as it was.  A 样例 so confirmed is the site's own guide: its papers no longer say 样例.

    The caller checks the permission, records the audit entry and commits.  ``who`` (the administrator as the
    trail names them) is kept as the publication's source, beside its time, so the catalog itself says who
    confirmed each published guide, whatever becomes of the trail's retention.
    """
    stored = current_guide(session, bundle_code)
    if stored is None or not unconfirmed(stored.bundle):
        raise NotADraft(bundle_code, stored.bundle.status if stored else None)
    published = dataclasses.replace(stored.bundle, status=GuideStatus.PUBLISHED, sample=False)
    doc = to_document(published)
    record = models.CatalogImport(source=who[:500], source_kind=SITE_PUBLISHED, new_versions=1)
    session.add(record)
    session.flush()
    row = session.get(models.Bundle, bundle_code)
    assert row is not None  # current_guide found it
    version = _add_current_version(session, row, doc, content_hash(doc), record.id)
    row.published = True
    row.status = GuideStatus.PUBLISHED.value
    session.flush()
    return Publication(bundle_code, version.version, stored.version, record.id)


def search_entries(session: Session) -> list[SearchEntry]:
    rows = session.execute(
        select(
            models.Bundle.code,
            models.Bundle.number,
            models.Bundle.name,
            models.Bundle.published,
            models.Bundle.search_text,
            models.Bundle.status,
        ).order_by(models.Bundle.number, models.Bundle.code)
    )
    draft = GuideStatus.DRAFT.value
    return [SearchEntry(r.code, r.number, r.name, r.published, r.search_text, r.status == draft) for r in rows]


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


def current_guides(session: Session) -> list[StoredGuide]:
    """Every bundle's current guide version, by the bundle's code."""
    versions = session.scalars(
        select(models.GuideVersion)
        .join(models.Bundle, models.Bundle.current_version_id == models.GuideVersion.id)
        .order_by(models.Bundle.code)
    )
    return [_stored(version) for version in versions]


#: Guides read back, by their content's hash: at most this many kept per process
KNOWN_GUIDES = 256
_known_guides: dict[str, Bundle] = {}


def guide_version(session: Session, version_id: int) -> StoredGuide | None:
    """The guide of a version, its document read and parsed only the first time its content is met.

    Every case page opens its case's guide; a document is tens of kilobytes, and reading it cost more than the rest
    of the page.  The kept guides are keyed by the content's hash, not by the version's id: a version never
    changes, but an id means another guide in another database (a league server's, a restored backup), and the
    hash cannot.  The few hundred guides of a catalog fit, so a desk reads each once; beyond :data:`KNOWN_GUIDES`
    the oldest kept is let go, so a process never holds more than that.
    """
    head, _whole = _version_statements()
    found = session.execute(head, {"version_id": version_id}).first()
    if found is None:
        return None
    return known_guide(session, version_id, *found)


def known_guide(session: Session, version_id: int, version: int, digest: str) -> StoredGuide | None:
    """The guide of a version whose number and content hash were just read (with other reads, in one statement:
    :mod:`counter.db.intake_reads`), as :func:`guide_version` finds it; its document read only when not kept."""
    bundle = _known_guides.get(digest)
    if bundle is None:
        document = session.execute(_version_statements()[1], {"version_id": version_id}).scalar()
        if document is None:  # removed between the two reads (a catalog pruned meanwhile)
            return None
        bundle = _parsed(digest, document)
        if len(_known_guides) >= KNOWN_GUIDES:
            del _known_guides[next(iter(_known_guides))]
        _known_guides[digest] = bundle
    return StoredGuide(bundle, version_id, version)


@functools.cache
def _version_statements() -> tuple[Select[int, str], Select[str]]:
    """A version's number and hash, and its document: built once, as every case page asks them."""
    v = models.GuideVersion
    key = v.id == bindparam("version_id")
    return select(v.version, v.content_hash).where(key), select(v.document).where(key)


def guide_history(session: Session, bundle_code: str) -> list[tuple[int, int]]:
    """(version id, version number) of every version of a bundle, oldest first."""
    rows = session.execute(
        select(models.GuideVersion.id, models.GuideVersion.version)
        .where(models.GuideVersion.bundle_code == bundle_code)
        .order_by(models.GuideVersion.version)
    )
    return [(r.id, r.version) for r in rows]
