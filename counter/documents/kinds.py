"""The kinds of printed documents and why one cannot be printed, as codes.

Kept apart from the model so that the faces' words (:mod:`counter.words.documents`) can
word them without loading the model and its renderer.
"""

from __future__ import annotations

from enum import StrEnum

from counter.case.numbers import DocKind
from counter.case.site_authority import EntrustedAct


class DocumentKind(StrEnum):
    """What is printed; the values are the names the command line uses."""

    APPLICATION = "application"  # 一件事联办申请表: the bundle's application forms as one, signed by the applicant
    RECEIPT = "receipt"  # 受理凭证
    DEFERRAL = "deferral"  # 容缺受理通知书
    PLEDGE = "pledge"  # 承诺书 (容缺受理)
    CORRECTION = "correction"  # 补齐补正通知书
    REFUSAL = "refusal"  # 不予受理通知书
    DENIAL = "denial"  # 不予批准决定书
    # 受理通知书 of one item, by its department where the hall only received it (counter.documents.item_acceptance)
    ACCEPTANCE = "acceptance"
    # 补正材料通知书 of one item, by its department, with its 补正 (counter.documents.item_correction)
    SUPPLEMENT = "supplement"
    # 不予受理通知书 of one item, by its department, where the hall only received it (counter.documents.item_refusal)
    ITEM_REFUSAL = "item_refusal"
    SERVICE_RECEIPT = "service"  # 送达回证: one per hand-over of results (counter.case.hand_over)
    DATE_NOTICE = "date_notice"  # 期限告知书: one per change of a date told (counter.case.date_changes)
    GUIDE_NOTICE = "guide_notice"  # 一次性告知单: a bundle's guide for someone who only asks
    BLANK_FORM = "blank_form"  # 空白表格: a form of a guide's materials, to be filled in by the applicant
    SAMPLE_FORM = "sample_form"  # 示范样表: the same form filled in as an example
    # the papers of the 帮您办 agent service (counter.projects.forms.ProjectForm, 附件1-8): a project's, not a case's
    PROJECT_CATALOGUE = "project_catalog"  # 附件1 “帮您办”代办帮办服务事项参考目录
    PROJECT_FLOWCHART = "project_flow"  # 附件2 流程图
    PROJECT_APPLICATION = "project_apply"  # 附件3 申请表
    PROJECT_AUTHORISATION = "project_mandate"  # 附件4 授权委托书
    PROJECT_PLEDGE = "project_pledge"  # 附件5 承诺书
    PROJECT_COMPLETION = "project_done"  # 附件6 办结单
    PROJECT_EVALUATION = "project_rating"  # 附件7 评价表
    PROJECT_TERMINATION = "project_end"  # 附件8 终止单
    RATING_SHEET = "rating_sheet"  # 好差评书面评价表: a desk with no pad (counter.documents.rating_sheet)

    @property
    def number_kind(self) -> DocKind | None:
        """The letter of this document's number (:func:`counter.case.numbers.doc_no`).

        The pledge is the applicant's own act, kept and cited apart from the
        office's notice (a broken pledge is what a credit record names), so it has
        its own series; the guide notice belongs to no case but is numbered too,
        so that every paper handed out is on record.
        """
        return _NUMBER_KIND[self]

    @property
    def needs_case(self) -> bool:
        return self not in _NO_CASE


#: what a department makes of its item at its own desk (:func:`counter.actions.cases.item_papers.make_item_paper`)
DEPARTMENT_PAPERS = frozenset(
    {DocumentKind.ACCEPTANCE, DocumentKind.SUPPLEMENT, DocumentKind.ITEM_REFUSAL, DocumentKind.DENIAL}
)

#: the act each department paper is the paper of (an entrustment covers the paper as it covers the act)
PAPER_ACT = {
    DocumentKind.ACCEPTANCE: EntrustedAct.ACCEPT,
    DocumentKind.SUPPLEMENT: EntrustedAct.CORRECT,
    DocumentKind.ITEM_REFUSAL: EntrustedAct.REFUSE,
    DocumentKind.DENIAL: EntrustedAct.DECIDE,
}

#: the act each of the window's intake papers is the paper of: the receipt and the 容缺 notice are its 受理 (or its
#: 收件), the 补正 and the 不予受理 their own acts, which an agreement may leave out
#: (:func:`counter.documents.acceptance.standing_for`)
INTAKE_PAPER_ACT = {
    DocumentKind.RECEIPT: EntrustedAct.ACCEPT,
    DocumentKind.DEFERRAL: EntrustedAct.ACCEPT,
    DocumentKind.CORRECTION: EntrustedAct.CORRECT,
    DocumentKind.REFUSAL: EntrustedAct.REFUSE,
}

PROJECT_PREFIX = "project_"
_NO_CASE = frozenset(
    {DocumentKind.GUIDE_NOTICE, DocumentKind.BLANK_FORM, DocumentKind.SAMPLE_FORM, DocumentKind.RATING_SHEET}
    | {kind for kind in DocumentKind if kind.value.startswith(PROJECT_PREFIX)}
)

_NUMBER_KIND: dict[DocumentKind, DocKind | None] = {
    # the applicant's own act, as the pledge: the departments' files cite the application they decided on
    DocumentKind.APPLICATION: DocKind.APPLICATION,
    DocumentKind.RECEIPT: DocKind.RECEIPT,
    DocumentKind.DEFERRAL: DocKind.DEFERRAL,
    DocumentKind.PLEDGE: DocKind.PLEDGE,
    DocumentKind.CORRECTION: DocKind.CORRECTION,
    DocumentKind.REFUSAL: DocKind.REFUSAL,
    DocumentKind.DENIAL: DocKind.DENIAL,
    DocumentKind.ACCEPTANCE: DocKind.ACCEPTANCE,
    DocumentKind.SUPPLEMENT: DocKind.SUPPLEMENT,
    DocumentKind.ITEM_REFUSAL: DocKind.ITEM_REFUSAL,
    DocumentKind.SERVICE_RECEIPT: DocKind.SERVICE,
    DocumentKind.DATE_NOTICE: DocKind.DATE_NOTICE,
    DocumentKind.GUIDE_NOTICE: DocKind.GUIDE,
    # a form is the guide's, handed out like a leaflet: nothing of the office's is decided or told on it
    DocumentKind.BLANK_FORM: None,
    DocumentKind.SAMPLE_FORM: None,
    # the applicant's answer to the 好差评 system, not the office's paper: found by its 办件编号
    DocumentKind.RATING_SHEET: None,
    # a project's paper is numbered after the project (its number and the annex): the project is what is on record
    **{kind: None for kind in DocumentKind if kind.value.startswith(PROJECT_PREFIX)},
}


ITEM_MARK = "."  # a record of one item's paper: the kind, the mark and the item's place in the guide (denial.2)


def record_kind(kind: DocumentKind, item_no: int = 0) -> str:
    """The ``document_record.kind`` of a paper: the kind, and for one item's paper its place (1…) in the guide.

    A case has one paper of each kind but the denial and the department's 受理通知书, which are per item, and the
    送达回证, which is per hand-over; the item's place in the case's own guide version (kept by the case), or the
    hand-over's among the case's, tells them apart within the record's sixteen characters.
    """
    return f"{kind.value}{ITEM_MARK}{item_no}" if item_no else kind.value


def kind_of_record(text: str) -> str:
    """The document kind's value of a stored record kind."""
    return text.partition(ITEM_MARK)[0]


class DocumentProblem(StrEnum):
    """Why a document cannot be made for this case; all of them are reported at once."""

    NEEDS_NO_CASE = "needs_no_case"  # the guide notice is made from a bundle, not a case
    NOT_ACCEPTED = "not_accepted"  # receipt: the case was never accepted (受理 or 容缺受理)
    NOT_DEFERRED = "not_deferred"  # deferral notice, pledge: the case was not accepted under deferral
    NO_DEFERRED_MATERIALS = "no_deferred_materials"  # deferral notice, pledge: nothing was deferred
    NOT_CORRECTION = "not_correction"  # correction notice: the outcome was not 补正
    NOTHING_TO_CORRECT = "nothing_to_correct"  # correction notice: no material is missing or defective
    NOT_REFUSED = "not_refused"  # refusal notice: the outcome was not 不予受理
    # refusal notice: the case keeps no ground this version knows (a record of a newer release's township): the
    # notice states its legal ground, so it is not made rather than made on another
    UNKNOWN_REFUSAL_GROUND = "unknown_refusal_ground"
    REFUSED = "refused"  # application form: the case was refused, nothing goes to the departments to apply for
    NOT_DENIED = "not_denied"  # denial: the item named is not denied (or no item is named)
    NO_HAND_OVER = "no_hand_over"  # 送达回证: the case has no such hand-over of results on record
    NO_DATE_CHANGE = "no_date_change"  # 期限告知书: the case has no such change of a date on record
    BUNDLE_MISMATCH = "bundle_mismatch"  # the guide given is of another bundle
    DOC_NO_INVALID = "doc_no_invalid"  # empty, or longer than 30 characters
    ISSUED_BEFORE_RECEIVED = "issued_before_received"  # the date on the paper precedes the intake
    # correction notice first issued after the office's five working days (行政许可法 第三十二条第一款第四项)
    NOTIFIED_TOO_LATE = "notified_too_late"
    # the rights it prints are of a department whose 复议 body the catalog leaves to the site, not named there yet
    REVIEW_BODY_UNNAMED = "review_body_unnamed"
    # the department's 受理通知书: its department has not signed for the item (签收), or no such item is named
    NOT_SIGNED = "not_signed"
    # the department's 受理通知书: the window accepted the item (its own, or in the entrusting department's name), so
    # the 受理凭证 is the 受理 and the department issues none
    ACCEPTED_AT_WINDOW = "accepted_at_window"
    # the department's 补正材料通知书: its department has not asked the item's 补正 (a pause for correction)
    NO_ITEM_CORRECTION = "no_item_correction"
    # the department's 不予受理通知书: its department has not refused to accept the item
    NOT_ITEM_REFUSED = "not_item_refused"
    # a township centre whose 单位信息 still says the league hall's (seal, phone, 复议 body …): its paper would go out
    # under the hall's seal and send the applicant to the hall (counter.actions.admin.office.office_still_the_halls)
    OFFICE_STILL_THE_HALLS = "office_still_the_halls"
