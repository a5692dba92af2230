"""What a guide must be before a site publishes it: every problem at once, as data.

Validation (:mod:`counter.catalog.validate`) checks that a guide reads and carries its elements, and a 待核 guide
passes it while still saying what nobody confirmed.  Publishing is the site's word that the guide is right
(:func:`counter.actions.catalog.guide_status.publish_guide`), so it is refused while the guide:

- lists one item twice: the same 事项名称, or the same 基本编码.  007's draft listed 申请从事互联网上网服务经营活动审批
  twice, as 筹建审批 with 20 working days and as 最终审核 with 15: one licence, whose stages are its 办理流程, shown
  to the applicant as two matters with two promises;
- states a 法定办结时限 without the article that sets it (:attr:`Rule.LIMIT_WITHOUT_SOURCE`: a warning at import,
  since only the department can confirm the limit; the site's confirmation when it publishes).  The league's
  24-point table (兴署办发〔2021〕8号, 附件, 第12项) asks the limit "按照《行政许可法》等规定，准确标注";
- sets the applicant a condition or a limit of its own (a term, an area, a sum: 不少于, 不超过 …) without naming the
  law that sets it.  "租期不少于一年" stood in 006, 008 and 086 with no source: 行政许可法 第十六条第四款 lets no
  rule add conditions the law above it does not set, and a guide is no rule at all;
- where the site reports to the region's platform (:func:`counter.db.platform_store.reporting`), has an item
  without the official list's codes (基本编码): its 实施编码 is then the draft's own, which the platform does not
  know (:mod:`counter.catalog.review` says the same of a draft, once for the guide); is a 样例, whose codes
  (``SJ-SLDJ``, ``152201-YJS008-01``) only illustrate and would leave the site as if they were the list's; or has
  a code outside GB/T 39046-2020's format (表 6: 基本编码 an..10, 实施编码 an..24: letters and digits only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from counter.catalog.limits import limit_warnings
from counter.catalog.model import Bundle
from counter.catalog.problems import Problem, Rule

# a bound set on the applicant, with its quantity: 租期不少于一年, 面积不低于50平方米, 不超过3人
_BOUND = re.compile(
    r"(?:不得|不|至)?(?:少于|低于|超过|多于|小于|大于|高于)\s*[0-9０-９零〇一二两三四五六七八九十百千万半]"
    r"|(?:至少|最少|最多|最低|最高)\s*[0-9０-９零〇一二两三四五六七八九十百千万半]"
)
# a source named in the clause itself: a law's title, an article, a numbered document
_SOURCE = re.compile(r"《[^》]+》|第[一二三四五六七八九十百零〇0-9]+条|〔\d{4}〕")
_CLAUSES = re.compile(r"[。；;\n]")


def publish_problems(bundle: Bundle, *, reporting: bool) -> list[Problem]:
    """Every reason the guide may not be published (none: it may); ``reporting``: the site reports to the platform.
    The problems name no file: the guide is the database's."""
    found = [*_repeated_items(bundle), *limit_warnings("", bundle), *_unsourced_bounds(bundle)]
    if reporting:
        found.extend(
            Problem(Rule.ITEM_WITHOUT_OFFICIAL_CODE, "", bundle.code, item.code, field="items.basic_code")
            for item in bundle.items
            if not item.basic_code.strip()
        )
        found.extend(_platform_codes(bundle))
    return found


# GB/T 39046-2020 表 6: 基本编码 an..10, 实施编码 an..24 (an: letters and digits)
_CODE_FORMATS = (("items.basic_code", 10), ("items.code", 24))


def _platform_codes(bundle: Bundle) -> Iterator[Problem]:
    """What of an item's codes cannot go up to the platform: a 样例's, or one outside the standard's format."""
    for item in bundle.items:
        if bundle.sample:
            yield Problem(Rule.SAMPLE_CODE, "", bundle.code, item.code, field="items.code", detail=item.code)
            continue
        for field, longest, value in ((f, n, getattr(item, f.split(".")[1]).strip()) for f, n in _CODE_FORMATS):
            if value and not (len(value) <= longest and value.isascii() and value.isalnum()):
                extra = (("max", str(longest)),)
                yield Problem(Rule.CODE_FORMAT, "", bundle.code, item.code, field=field, detail=value, extra=extra)


def unsourced_bounds(text: str) -> tuple[str, ...]:
    """The clauses of ``text`` that set a bound (不少于一年) and name no source, as written."""
    clauses = (clause.strip() for clause in _CLAUSES.split(text))
    return tuple(c for c in clauses if _BOUND.search(c) and not _SOURCE.search(c))


def _repeated_items(bundle: Bundle) -> Iterator[Problem]:
    """An item whose name, or whose 基本编码, an earlier item of the guide already has."""
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    for item in bundle.items:
        name, basic = item.name.strip(), item.basic_code.strip()
        if name in names:
            yield _repeated(bundle, item.code, "items.name", name, names[name])
        elif basic and basic in codes:
            yield _repeated(bundle, item.code, "items.basic_code", basic, codes[basic])
        names.setdefault(name, item.code)
        if basic:
            codes.setdefault(basic, item.code)


def _repeated(bundle: Bundle, item: str, field: str, value: str, first: str) -> Problem:
    return Problem(Rule.DUPLICATE_ITEM, "", bundle.code, item, field=field, detail=value, extra=(("other", first),))


def _unsourced_bounds(bundle: Bundle) -> Iterator[Problem]:
    yield from _bounds(bundle, "conditions", bundle.conditions)
    for item in bundle.items:
        yield from _bounds(bundle, "items.conditions", item.conditions, item=item.code)
    for material in bundle.materials:
        yield from _bounds(bundle, "materials.requirement", (material.requirement,), material=material.code)


def _bounds(
    bundle: Bundle, field: str, texts: Iterable[str], *, item: str = "", material: str = ""
) -> Iterator[Problem]:
    for text in texts:
        for clause in unsourced_bounds(text):
            yield Problem(Rule.BOUND_WITHOUT_SOURCE, "", bundle.code, item, material, field=field, detail=clause)
