"""The site's connection to the region's platform, as settings.

``enabled``: the site reports; every step the platform is told of is queued from then on.  ``endpoint``: where this
site sends them itself.  A township that reports through its hall is enabled without an endpoint: its events wait
in its own outbox while it has no network (nothing is lost, nothing sent from there), and the hall queues the same
events, under the same keys, when the township's package brings the cases (:mod:`counter.db.platform_store`), and
sends them.  A township with a network of its own sends directly too; the platform keeps each key once.

The secret signs each request (:mod:`counter.host.outward.platform_client`) and is kept as the SMS gateway's is, in a
file of the machine that sends, never in the database; the endpoint is ``https://`` only.  ``mapping``: the name of the
mapping file (``counter/resources/platform/<name>.toml``, :mod:`counter.platform.mapping`).  ``codings``: the
preset the integrator chose of each code list the field codes in more than one way (list → preset,
:mod:`counter.platform.code_lists`): a site reports nothing, and exports no ratings, until each is chosen.
``org_codes``: the 统一社会信用代码 of the office and of the departments whose licences it reports, by full name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum

from counter.outbox.credentials import credential_problems

DEFAULT_MAPPING = "nmg"  # 内蒙古自治区: counter/resources/platform/nmg.toml
DEFAULT_TIMEOUT = 10.0
DEFAULT_ATTEMPTS = 10  # failed answers (5xx…) before the failed list; no answer at all is waited out
_MAPPING_NAME = re.compile(r"^[a-z0-9_-]{1,40}$")
#: a blank inside a secret: the file is read back stripped, and a secret typed with a space is a mistake
_BLANK = re.compile(r"\s")


class PlatformProblem(StrEnum):
    BAD_ENDPOINT = "bad_endpoint"  # not an https:// address
    NO_ACCOUNT = "no_account"
    NO_SECRET = "no_secret"
    BAD_TIMEOUT = "bad_timeout"  # 1 to 60 seconds
    BAD_ATTEMPTS = "bad_attempts"  # 1 to 30
    BAD_MAPPING = "bad_mapping"  # no mapping file of that name, or one that cannot be used
    UNCHOSEN_CODING = "unchosen_coding"  # reporting on with a code list whose coding was not chosen
    BAD_CODING = "bad_coding"  # a coding chosen for a list the file does not have, or a preset it does not have
    BAD_DOWNLOAD_BASE = "bad_download_base"  # the download page's address given, and not an https:// one
    TRAINING = "training"  # reporting turned on in a training database, which never reports: nothing would be kept
    # the gateway's secret changed from a training database: the file is this machine's, the live server's too
    GATEWAY_SECRET_TRAINING = "gateway_secret_training"
    SECRET_TRAINING = "secret_training"  # a secret given in a training database: the file is the live one's
    BAD_GATEWAY_SECRET = "bad_gateway_secret"  # blanks or control characters in it: not a secret as the file keeps it


@dataclass(frozen=True, slots=True)
class PlatformSettings:
    enabled: bool = False
    endpoint: str = ""
    account: str = ""
    secret: str = ""
    timeout: float = DEFAULT_TIMEOUT
    attempts: int = DEFAULT_ATTEMPTS
    mapping: str = DEFAULT_MAPPING
    ca_file: str = ""  # the platform's own CA (a PEM file on the sending machine); "": the machine's trusted ones
    codings: dict[str, str] = field(default_factory=dict)  # code list → the preset chosen of it
    # an office's or a department's full name → its 统一社会信用代码 (GB 32100-2015): 受理单位统一社会信用代码 and a
    # licence's 发证单位代码 (GB/T 39046 表 6, 表 8); the catalog names departments and keeps no codes of them
    org_codes: dict[str, str] = field(default_factory=dict)
    # the hall's download page as the applicant reaches it: the platform's gateway in front of the hall server
    # (https://; the SMS links of 电子送达 start with it, :mod:`counter.documents.paper_link`); "": no links sent
    download_base: str = ""
    # the secret the platform's gateway signs the downloads it passes on with (counter.server.paper_download): a
    # file of the key folder of the machine that serves them, never in the database, as ``secret``
    gateway_secret: str = ""

    @property
    def sends(self) -> bool:
        """Whether this site sends its events itself (else they wait, or go up through the hall)."""
        return self.enabled and bool(self.endpoint.strip())

    def problems(self) -> tuple[PlatformProblem, ...]:
        """Every problem at once (the mapping's file is the caller's to check: :data:`BAD_MAPPING`)."""
        found: list[PlatformProblem] = []
        if self.endpoint.strip() or self.account.strip():
            found += [PlatformProblem(p) for p in credential_problems(self.endpoint, self.account, self.secret)]
        if not 1 <= self.timeout <= 60:
            found.append(PlatformProblem.BAD_TIMEOUT)
        if not 1 <= self.attempts <= 30:
            found.append(PlatformProblem.BAD_ATTEMPTS)
        if self.download_base.strip() and not self.download_base.strip().startswith("https://"):
            found.append(PlatformProblem.BAD_DOWNLOAD_BASE)
        if not _MAPPING_NAME.match(self.mapping):
            found.append(PlatformProblem.BAD_MAPPING)
        if self.gateway_secret and (not self.gateway_secret.isprintable() or _BLANK.search(self.gateway_secret)):
            found.append(PlatformProblem.BAD_GATEWAY_SECRET)
        return tuple(found)


def platform_from_json(raw: str | None) -> PlatformSettings:
    """The settings a stored text says; not reporting when there is none or it cannot be read."""
    if not raw:
        return PlatformSettings()
    try:
        stored = json.loads(raw)
        return PlatformSettings(
            enabled=bool(stored.get("enabled", False)),
            endpoint=str(stored.get("endpoint", "")),
            account=str(stored.get("account", "")),
            timeout=float(stored.get("timeout", DEFAULT_TIMEOUT)),
            attempts=int(stored.get("attempts", DEFAULT_ATTEMPTS)),
            mapping=str(stored.get("mapping", DEFAULT_MAPPING)),
            ca_file=str(stored.get("ca_file", "")),
            codings={str(k): str(v) for k, v in dict(stored.get("codings") or {}).items()},
            org_codes={str(k): str(v) for k, v in dict(stored.get("org_codes") or {}).items()},
            download_base=str(stored.get("download_base", "")),
        )
    except (ValueError, TypeError, AttributeError):
        return PlatformSettings()
