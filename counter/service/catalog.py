"""The catalog: the search list, a guide as this site shows it, the 待核 guides an administrator publishes, and the
imports that bring guides in (a source named by the administrator, the bundled catalog at start, the region's list).

An import is work of several transactions (read and checked, then written whole or not at all): declared
``whole``, it carries no idempotency receipt, being safe to repeat by its own rule.  Checking a source writes
nothing and needs no database: a face calls :func:`counter.catalog.check.check_source` itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.catalog.import_result import BundledSync, ImportOutcome, Pulled
from counter.catalog.publication import DraftIntake, GuideToConfirm, Publication
from counter.catalog.search import SearchAnswer, SearchEntry
from counter.catalog.site_contacts import SiteContacts
from counter.catalog.stored_guide import StoredGuide
from counter.service.call import Call
from counter.service.operation import Open, read, write
from counter.service.requests import BundleCode, Nothing, SiteCode

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker


@dataclass(frozen=True)
class FindBundles:
    text: str


@dataclass(frozen=True)
class GuideAsked:
    """A bundle's current guide, with the names this site (``site_code``) gives its deciders and its contacts.

    ``wanted``: the bundle's code; with ``found``, whatever a clerk or a script typed (a code, a number, a name, or
    the best search hit for it)."""

    wanted: str
    site_code: str
    found: bool = False


@dataclass(frozen=True)
class GuideShown:
    stored: StoredGuide
    deciders: dict[str, str]  # 实施编码 → the deciding department as this site names it
    site: SiteContacts
    received: bool = False  # the site only receives every item: its 办理流程 says 收件 (counter.catalog.received_step)


@dataclass(frozen=True)
class BundleNamed:
    """A bundle named exactly, by code, number or whole name: no search, no guess."""

    wanted: str


@dataclass(frozen=True)
class AllowDraftIntake:
    allowed: bool


@dataclass(frozen=True)
class ImportSource:
    path: Path  # a catalog folder, one catalog file, or a workbook


@dataclass(frozen=True)
class SyncBundled:
    folder: Path


@dataclass(frozen=True)
class PullItemList:
    """A pull of the region's list; the 事项库's address, account and secret are the running machine's own
    (:func:`counter.host.outward.item_list.item_list_source`), never the request's."""

    timeout: float = 30.0


def search_entries(work: Session, call: Call, request: Nothing) -> tuple[SearchEntry, ...]:
    """Every bundle as the search list shows it, published or not, in the catalog's order."""
    from counter.actions.catalog import guides

    return tuple(guides.search_entries(work))


SEARCH_ENTRIES = read("catalog.search_entries", Open.ANY_DESK, search_entries)


def find_bundles(work: Session, call: Call, request: FindBundles) -> SearchAnswer:
    """The window's search: every hit ranked, and the suggestion when none is exact."""
    from counter.actions.catalog import guides

    return guides.find_bundles(work, request.text)


FIND_BUNDLES = read("catalog.find_bundles", Open.ANY_DESK, find_bundles)


def read_guide(work: Session, call: Call, request: GuideAsked) -> GuideShown | None:
    """A bundle's current guide with this site's deciders and contacts, in one unit of work; None when unknown."""
    from counter.actions.cases.item_track import receives_only
    from counter.actions.catalog import guides

    shown = guides.guide_shown(work, request.wanted, request.site_code, found=request.found)
    if shown is None:
        return None
    return GuideShown(*shown, received=receives_only(work, shown[0].bundle, request.site_code))


READ_GUIDE = read("catalog.read_guide", Open.ANY_DESK, read_guide)


def bundle_named(work: Session, call: Call, request: BundleNamed) -> str | None:
    """The code of the bundle named exactly by code, number or name; None when none is."""
    from counter.actions.catalog import guide_status

    return guide_status.bundle_named(work, request.wanted)


BUNDLE_NAMED = read("catalog.bundle_named", Open.ANY_DESK, bundle_named)


def guides_to_confirm(work: Session, call: Call, request: SiteCode) -> tuple[GuideToConfirm, ...]:
    """Every current 待核 guide with what its departments must confirm, in the league's order."""
    from counter.actions.catalog import guide_status

    return tuple(guide_status.guides_to_confirm(work, request.site_code))


GUIDES_TO_CONFIRM = read("catalog.guides_to_confirm", Open.ANY_DESK, guides_to_confirm)


def draft_intake(work: Session, call: Call, request: Nothing) -> DraftIntake:
    """Whether intakes may be taken on 待核 guides here, and why."""
    from counter.actions.catalog import guide_status

    return guide_status.draft_intake(work)


DRAFT_INTAKE = read("catalog.draft_intake", Open.ANY_DESK, draft_intake)


def publish_guide(work: Session, call: Call, request: BundleCode) -> Publication:
    """Publish a bundle's 待核 or 样例 guide at this site, as a new version."""
    from counter.actions.catalog import guide_status

    return guide_status.publish_guide(work, request.bundle_code, desk=call.desk)


PUBLISH_GUIDE = write(
    "catalog.publish_guide",
    Permission.MANAGE_CATALOG,
    publish_guide,
    faults=("counter.catalog.publication:NotADraft", "counter.catalog.publication:PublishRefused"),
)


def allow_draft_intake(work: Session, call: Call, request: AllowDraftIntake) -> None:
    """The site's setting: whether real work takes intakes on 待核 guides."""
    from counter.actions.catalog import guide_status

    guide_status.allow_draft_intake(work, request.allowed, desk=call.desk)


ALLOW_DRAFT_INTAKE = write("catalog.allow_draft_intake", Permission.CHANGE_SETTINGS, allow_draft_intake)


def import_source(work: sessionmaker[Session], call: Call, request: ImportSource) -> ImportOutcome:
    """Check a catalog source, then import it all or nothing; the problems when it fails anywhere."""
    from counter.actions.catalog import imports

    return imports.import_source(work, request.path, desk=call.desk)


IMPORT_SOURCE = write("catalog.import_source", Permission.MANAGE_CATALOG, import_source, whole=True)


def sync_bundled(work: sessionmaker[Session], call: Call, request: SyncBundled) -> BundledSync:
    """Import what changed in the bundled catalog; a file that fails is skipped and named."""
    from counter.actions.catalog import imports

    return imports.sync_bundled(work, request.folder, desk=call.desk)


# the program's own act at start, not a person's
SYNC_BUNDLED = write("catalog.sync_bundled", Open.ANY_DESK, sync_bundled, whole=True)


def pull_item_list(work: sessionmaker[Session], call: Call, request: PullItemList) -> Pulled:
    """Fetch the region's 实施清单 from the 事项库 the running machine is set to (its address, account and secret never
    in the request) and import it as 待核 guides, with what publishing each would change.

    The source read here, where the operation runs: the server's own settings at a hall, a township's at home."""
    from counter.actions.catalog.item_list import pull_item_list as pull
    from counter.host.outward.item_list import item_list_source

    source = item_list_source()
    return pull(work, source.endpoint, source.account, source.secret, timeout=request.timeout, desk=call.desk)


PULL_ITEM_LIST = write("catalog.pull_item_list", Permission.MANAGE_CATALOG, pull_item_list, whole=True)
