"""The catalog: the search list, a guide as this site shows it, the 待核 guides an administrator publishes, and the
imports that bring guides in (a source named by the administrator, the bundled catalog at start, the region's list).

An import is work of several transactions (read and checked, then written whole or not at all): declared
``whole``, it carries no idempotency receipt, being safe to repeat by its own rule.  Checking a source writes
nothing and needs no database: a face calls :func:`counter.catalog.check.check_source` itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from counter.access.roles import Permission
from counter.catalog.import_result import BundledSync, ImportOutcome, Pulled
from counter.catalog.publication import DraftIntake, GuideToConfirm, Publication
from counter.catalog.search import SearchAnswer, SearchEntry
from counter.catalog.site_contacts import SiteContacts
from counter.catalog.stored_guide import StoredGuide
from counter.service.operation import Open, Operation, read, write

_RUNS = "counter.service.runs.catalog:"


@dataclass(frozen=True)
class CatalogAsked:
    """A request that carries nothing."""


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


@dataclass(frozen=True)
class BundleNamed:
    """A bundle named exactly, by code, number or whole name: no search, no guess."""

    wanted: str


@dataclass(frozen=True)
class BundleCode:
    code: str


@dataclass(frozen=True)
class SiteGuides:
    site_code: str


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
    (:func:`counter.host.item_list.item_list_source`), never the request's."""

    timeout: float = 30.0


SEARCH_ENTRIES = read(
    "catalog.search_entries",
    CatalogAsked,
    tuple[SearchEntry, ...],
    Open.ANY_DESK,
    _RUNS + "search_entries",
    doc="Every bundle as the search list shows it, published or not, in the catalog's order.",
)
FIND_BUNDLES = read(
    "catalog.find_bundles",
    FindBundles,
    SearchAnswer,
    Open.ANY_DESK,
    _RUNS + "find_bundles",
    doc="The window's search: every hit ranked, and the suggestion when none is exact.",
)
READ_GUIDE: Operation[GuideAsked, GuideShown | None] = read(
    "catalog.read_guide",
    GuideAsked,
    GuideShown | None,
    Open.ANY_DESK,
    _RUNS + "read_guide",
    doc="A bundle's current guide with this site's deciders and contacts, in one unit of work; None when unknown.",
)
BUNDLE_NAMED: Operation[BundleNamed, str | None] = read(
    "catalog.bundle_named",
    BundleNamed,
    str | None,
    Open.ANY_DESK,
    _RUNS + "bundle_named",
    doc="The code of the bundle named exactly by code, number or name; None when none is.",
)
CURRENT_GUIDE: Operation[BundleCode, StoredGuide | None] = read(
    "catalog.current_guide",
    BundleCode,
    StoredGuide | None,
    Open.ANY_DESK,
    _RUNS + "current_guide",
    doc="The newest guide version of a bundle; None when the bundle is unknown.",
)
GUIDES_TO_CONFIRM = read(
    "catalog.guides_to_confirm",
    SiteGuides,
    tuple[GuideToConfirm, ...],
    Open.ANY_DESK,
    _RUNS + "guides_to_confirm",
    doc="Every current 待核 guide with what its departments must confirm, in the league's order.",
)
DRAFT_INTAKE = read(
    "catalog.draft_intake",
    CatalogAsked,
    DraftIntake,
    Open.ANY_DESK,
    _RUNS + "draft_intake",
    doc="Whether intakes may be taken on 待核 guides here, and why.",
)
PUBLISH_GUIDE = write(
    "catalog.publish_guide",
    BundleCode,
    Publication,
    Permission.MANAGE_CATALOG,
    _RUNS + "publish_guide",
    faults=("counter.catalog.publication:NotADraft", "counter.catalog.publication:PublishRefused"),
    doc="Publish a bundle's 待核 or 样例 guide at this site, as a new version.",
)
ALLOW_DRAFT_INTAKE = write(
    "catalog.allow_draft_intake",
    AllowDraftIntake,
    None,
    Permission.CHANGE_SETTINGS,
    _RUNS + "allow_draft_intake",
    doc="The site's setting: whether real work takes intakes on 待核 guides.",
)
IMPORT_SOURCE = write(
    "catalog.import_source",
    ImportSource,
    ImportOutcome,
    Permission.MANAGE_CATALOG,
    _RUNS + "import_source",
    whole=True,
    doc="Check a catalog source, then import it all or nothing; the problems when it fails anywhere.",
)
SYNC_BUNDLED = write(
    "catalog.sync_bundled",
    SyncBundled,
    BundledSync,
    Open.ANY_DESK,  # the program's own act at start, not a person's
    _RUNS + "sync_bundled",
    whole=True,
    doc="Import what changed in the bundled catalog; a file that fails is skipped and named.",
)
PULL_ITEM_LIST = write(
    "catalog.pull_item_list",
    PullItemList,
    Pulled,
    Permission.MANAGE_CATALOG,
    _RUNS + "pull_item_list",
    whole=True,
    doc="Fetch the region's 实施清单 from the 事项库 the running machine is set to (its address, account and "
    "secret never in the request) and import it as 待核 guides, with what publishing each would change.",
)
