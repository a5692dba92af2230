"""A printed document as plain data: every word on the paper, laid out by :mod:`counter.documents.render`.

The blocks are the few shapes an official notice is made of: a heading, a
paragraph, a two-column table of labels and values, a table with a header row,
a numbered list.  The renderer knows nothing of cases or guides, and a test can
read what a document says without a PDF.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.documents.kinds import DocumentKind, DocumentProblem


@dataclass(frozen=True, slots=True)
class OfficeSettings:
    """The office whose paper this is.  Defaults: the league hall of Xing'an League.

    ``review_body`` is where 行政复议 goes (since the 2023 行政复议法, the
    government at the office's level: for the league hall, 兴安盟行政公署);
    ``court`` the court of first instance for 行政诉讼 at the office's seat.
    Both are what the office's own papers (a 不予受理 by the hall) print; a
    department's decision prints the rights of that department, found from the
    places below by :mod:`counter.documents.deciders`.

    ``address``, ``hours`` and the two phones are where the office receives applicants and how they reach it: what
    a paper prints where the guide names no place of its own, and always at a township centre, whose catalog guides
    name the league hall's building and windows (:func:`counter.documents.words.at_own_place`).

    The ``<level>_place`` / ``_government`` / ``_court`` fields are what the site
    knows of each administrative level (a township's are empty at the hall); a
    level without a place is unknown, and its departments' names keep their
    placeholder.  ``rights_overrides`` is the administrator's list of exceptions,
    one per line: ``部门全称=复议机关|法院``.

    ``office_level`` is the hall's own level (an :class:`~counter.catalog.departments.AdminLevel` value), as the
    administrator records it.  Seed 001 第三十二条 lets a department entrust the 同级 service department by
    agreement; the clause is no agreement itself, whatever the levels.  ``entrustments`` are the agreements the site
    holds, one per line: ``部门全称=协议名称、文号及日期``; the receipt cites the agreement, and where there is none
    the hall is the department's 收件 window and the department accepts (:mod:`counter.documents.acceptance`).

    ``department_contacts``: who handles a department's decisions and its phone, one department per line,
    ``部门全称=承办人|电话``.  A paper in a department's name (the 不予批准决定书) prints them; a department not
    listed gets blank lines to be filled in by hand, never the hall's clerk or phone.
    """

    office_name: str = "兴安盟政务服务中心"
    # the office's name in Mongolian script, printed above the Chinese at the head of every paper (内政办发〔1996〕32号
    # 第二条、第三条: 文件头 in both scripts, the Mongolian above); empty: the Chinese alone, as before
    office_name_mn: str = ""
    seal_caption: str = "兴安盟政务服务中心政务服务专用章"
    consult_phone: str = "0482-8261008"
    complaint_phone: str = "12345"
    address: str = "兴安盟乌兰浩特市兴安北大路1号"
    hours: str = "星期一至星期五 08:30-11:30 14:30-17:30（法定节假日除外）"
    review_body: str = "兴安盟行政公署"
    court: str = "乌兰浩特市人民法院"
    # the site's own progress page, the case's number after it; empty (the default): no QR code on the papers until
    # the site sets the address its 政务服务网 gives (a default would send every applicant to an address nobody set)
    progress_url_base: str = ""
    online_portal: str = "兴安盟政务服务网"
    county_place: str = "乌兰浩特市"
    county_government: str = "乌兰浩特市人民政府"
    county_court: str = "乌兰浩特市人民法院"
    league_place: str = "兴安盟"
    league_government: str = "兴安盟行政公署"
    league_court: str = "乌兰浩特市人民法院"  # the league's bodies sit in 乌兰浩特: its basic court (诉讼法 第十八条)
    region_place: str = "内蒙古自治区"
    region_government: str = "内蒙古自治区人民政府"
    region_court: str = ""  # unknown to a league hall: printed as 有管辖权的人民法院
    township_place: str = ""
    township_government: str = ""
    township_court: str = ""
    rights_overrides: str = ""
    office_level: str = "league"
    entrustments: str = ""
    department_contacts: str = ""
    # the 司法局's answer: is this office a 行政机关 that may be entrusted with a 行政许可 (许可法 第二十四条第一款)?
    # "yes", "no" (counter.documents.acceptance.OrganAnswer); empty until answered: no paper is then made in an
    # entrusting department's name for a licence
    administrative_organ: str = ""


@dataclass(frozen=True, slots=True)
class Pair:
    """A label and its value in a two-column table; ``wide`` spans the whole row."""

    label: str
    value: str
    wide: bool = False


@dataclass(frozen=True, slots=True)
class Pairs:
    pairs: tuple[Pair, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    text: str


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    indent: bool = True  # first line indented two characters, as Chinese paragraphs are
    strong: bool = False


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    weight: float  # share of the table's width
    centred: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Numbered:
    """A list whose items carry their own numbers ("1. ", "一、"), hung so wrapped lines align."""

    items: tuple[tuple[str, str], ...]  # (number, text)


@dataclass(frozen=True, slots=True)
class Fields:
    """The boxes of a form: a label and a box tall enough to write in by hand, filled in on a sample."""

    pairs: tuple[Pair, ...]


@dataclass(frozen=True, slots=True)
class Flow:
    """A flow chart: its steps in boxes from top to bottom, each joined to the next by an arrow, and one way back.

    The way back leaves step ``back_from`` (on the condition ``back_label``), passes a box of its own at the side
    (``back_box``) and returns to step ``back_to``: the 补充材料 loop of the 帮您办 flow chart (附件2), where an
    approval that needs more papers goes back to the department's acceptance.  The chart is one figure and is never
    split over two pages; the first and last steps (the application and the end) are shaded.
    """

    steps: tuple[str, ...]
    back_from: int = -1  # index into steps; -1: no way back
    back_to: int = -1
    back_box: str = ""
    back_label: str = ""


Block = Heading | Text | Pairs | Table | Numbered | Fields | Flow


@dataclass(frozen=True, slots=True)
class SignOff:
    """The closing block: who handled it, who signs for it, and where the seal goes."""

    clerk_label: str
    clerk: str
    phone: str
    signers: tuple[str, ...]  # signature lines ("申请人（签字）")
    signed_at: str  # the line for the time of receipt
    issuer: str  # printed where the seal goes: the office, or the company that pledges
    date: str
    seal_caption: str  # whose seal goes there; empty: no seal (a person's pledge)
    fingerprint: str = ""  # caption of a box beside the first signature for a fingerprint (捺印); empty: none
    party_seal: str = ""  # caption of a second seal's place, left of the issuer's: the other side's (申请人盖章)
    party: str = ""  # printed in the second seal's place: the party that stamps it

    @property
    def blank(self) -> bool:
        """Nothing to sign or stamp: a leaflet (the 帮您办 reference list and flow chart) ends with its last block."""
        return not (self.clerk_label or self.signers or self.signed_at or self.issuer or self.date or self.seal_caption)


@dataclass(frozen=True, slots=True)
class DocumentData:
    kind: DocumentKind
    title: str
    office_name: str
    doc_no: str  # empty: not numbered (a guide notice may be)
    case_no: str  # empty: no case (the guide notice)
    header: tuple[Pair, ...]
    blocks: tuple[Block, ...]
    sign_off: SignOff
    copies: tuple[str, ...]  # the footer label of each copy; one full set of pages per copy
    copies_note: str
    barcode: str  # the value of the Code128, or ""
    qr: str  # the content of the QR code, or ""
    qr_caption: str
    issued_on: dt.date
    check_dates: bool = False  # the printed dates are provisional (computed beyond the holiday data)
    subject: str = ""  # PDF metadata
    training: bool = False  # made in a training database: every page says 培训样张 across it
    watermark: str = ""  # across every page instead (示范样表): the paper is an example, never an application
    office_name_mn: str = ""  # the issuer's name in Mongolian script, above office_name; empty: none
    # 补充评价: the 自治区 好差评 page of the case, printed as a second QR code beside the progress one
    # (:mod:`counter.documents.rating_qr`); empty: none
    rating_qr: str = ""
    rating_qr_caption: str = ""


class DocumentNotPossible(ValueError):
    """The document does not fit the case; every reason is listed.

    ``unnamed``: for :attr:`~DocumentProblem.REVIEW_BODY_UNNAMED`, each department whose 复议 body the site must name
    first, with the bodies the law may mean (:func:`counter.documents.deciders.unnamed_bodies`).
    """

    def __init__(
        self, problems: tuple[DocumentProblem, ...], unnamed: tuple[tuple[str, tuple[str, ...]], ...] = ()
    ) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = problems
        self.unnamed = unnamed
