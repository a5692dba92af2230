"""The words the faces use about documents (not the documents' own wording: :mod:`counter.documents.words`)."""

from __future__ import annotations

DOC_PROBLEM: dict[str, str] = {
    "needs_no_case": "一次性告知单按办事指南打印，不属于某个办件",
    "not_accepted": "该办件未受理，不能出具受理凭证",
    "not_deferred": "该办件不是容缺受理，不能出具容缺受理通知书或承诺书",
    "no_deferred_materials": "该办件没有容缺后补的材料",
    "not_correction": "该办件不是补正，不能出具补齐补正通知书",
    "nothing_to_correct": "该办件没有需要补齐补正的材料",
    "not_refused": "该办件不是不予受理，不能出具不予受理通知书",
    "not_denied": "该办件未作出不予批准决定（或缺少理由），不能出具不予批准决定书",
    "bundle_mismatch": "所给办事指南不是该办件受理时的一件事",
    "doc_no_invalid": "文书编号为空或超过30个字符",
    "issued_before_received": "文书日期早于收件日期",
}
