"""The words of an intake decision: outcomes, material receipts, refusal grounds, the reasons of a decision, and
why an intake or a step cannot be committed (:class:`counter.intake.not_possible.NotPossibleWhy`), the same at the
window and at the command line."""

from __future__ import annotations

from counter.intake.checklist import ProblemCode as IntakeProblemCode
from counter.intake.checklist import Receipt, ReceivedMedium
from counter.intake.licence_use import use_of_record
from counter.intake.licences import TrustLevel, licence_of_record, lookup_failed_of_record
from counter.intake.not_possible import PROGRAM_FAULTS, NotPossibleWhy
from counter.intake.outcome import Outcome, ReasonCode, RefusalGround
from counter.intake.rules import IntakeRule, RuleProblem
from counter.parties.text import FIELD_LIMITS, TextField
from counter.words.cases import UNKNOWN_CODE
from counter.words.punctuation import LIST_JOIN
from counter.words.translate import tr

OUTCOME = {
    Outcome.ACCEPT: tr("受理"),
    Outcome.DEFER: tr("容缺受理"),
    Outcome.CORRECT: tr("补正"),
    Outcome.REFUSE: tr("不予受理"),
    Outcome.INCOMPLETE: tr("材料尚未核对完毕"),
    Outcome.UNPUBLISHED: tr("指南未发布"),
}
OUTCOME_SUMMARY = {
    Outcome.ACCEPT: tr("受理：申请材料齐全、符合法定形式，出具受理凭证"),
    Outcome.DEFER: tr("容缺受理：主要材料齐全，以下材料容缺后补"),
    Outcome.CORRECT: tr("补正：以下材料需补齐补正，出具补齐补正通知书，一次性告知"),
    Outcome.REFUSE: tr("不予受理：出具不予受理通知书，说明理由"),
    Outcome.INCOMPLETE: tr("材料尚未核对完毕，还不能作出是否受理的决定"),
    Outcome.UNPUBLISHED: tr("指南未发布：本窗口不能受理，请引导申请人到实施部门办理"),
}
#: INCOMPLETE where every material is accounted for and something else stands first (a 不予受理 the window may not
#: make, the licences of a 第一项 not chosen, a setting of the site): the materials are not what is unfinished
OUTCOME_SUMMARY_HELD = tr("还不能作出是否受理的决定，请先处理以下事项")
#: the outcome where the hall only receives the items applied for: {paper} is the title of the hall's 收件 paper, as
#: the papers name it (counter.documents.acting.received_title; counter.ui.intake.papers)
#: the intake's headline where the window only receives the items, by Outcome, where it differs from OUTCOME: its
#: paper (the 申请事项告知书) refuses nothing, so the word and its colour are not a refusal's
OUTCOME_RECEIVED = {
    Outcome.ACCEPT: tr("收件"),
    Outcome.DEFER: tr("容缺收件"),
    Outcome.CORRECT: tr("一次性告知"),
    Outcome.REFUSE: tr("申请事项告知"),
}
OUTCOME_SUMMARY_RECEIVED = {
    Outcome.ACCEPT: tr("收件：申请材料齐全，出具{paper}，转送实施部门依法受理"),
    Outcome.DEFER: tr("收件：主要材料齐全，以下材料容缺后补；出具{paper}，由实施部门决定是否容缺受理"),
    Outcome.CORRECT: tr("一次性告知：以下材料需补齐，出具{paper}；本窗口只负责收件，不作决定"),
    Outcome.REFUSE: tr("告知：出具{paper}，说明窗口核对所见和可以申请的机关；本窗口只负责收件，不作决定"),
}
#: the commit button then, by Outcome value: the act and the paper
COMMIT_RECEIVED = {
    "accept": tr("收件，出具{paper}"),
    "defer": tr("收件，出具{paper}"),
    "correct": tr("出具{paper}"),
    "refuse": tr("出具{paper}"),
}
#: an intake's outcome where the hall only received every item (``case show``, the history's line): it accepted none,
#: and refused none — the applicant, told the finding, withdrew (counter.documents.outcome_preview.insists_unasked)
OUTCOME_TAKEN_RECEIVED = {
    Outcome.ACCEPT: tr("收件"),
    Outcome.DEFER: tr("收件（材料容缺后补）"),
    Outcome.CORRECT: tr("一次性告知补齐材料"),
    Outcome.REFUSE: tr("申请人撤回（已出具申请事项告知书）"),
}


def taken_outcome_text(outcome: str, received: bool, withdrawn: bool) -> str:
    """An intake's outcome as ``case show``, its history line and the case page say it: where the intake ended in
    the applicant's withdrawal (the case kept as withdrawn at its intake, however many bodies its items had:
    :func:`counter.documents.outcome_preview.withdrawn_at_window`) or the hall only received every item
    (``received``), in the 收件's words; else as :data:`OUTCOME`.  An unknown code is said as it stands."""
    try:
        said = Outcome(outcome)
    except ValueError:
        return UNKNOWN_CODE.format(code=outcome)
    if received or (withdrawn and said is Outcome.REFUSE):
        return OUTCOME_TAKEN_RECEIVED.get(said, OUTCOME[said])
    return OUTCOME[said]


RECEIPT = {
    Receipt.PENDING: tr("未核对"),
    Receipt.RECEIVED: tr("已收取"),
    Receipt.DEFECTIVE: tr("已提交，不符合要求"),
    Receipt.MISSING: tr("未提交"),
    Receipt.SHARED_CONFIRMED: tr("共享获取，已确认"),
    Receipt.CORRECTED_ON_SPOT: tr("当场更正"),
}
RECEIVED_MEDIUM = {
    ReceivedMedium.PAPER: tr("纸质"),
    ReceivedMedium.ELECTRONIC: tr("电子"),
    ReceivedMedium.SHARED: tr("证照库免提交"),
}
REFUSAL_GROUND = {
    RefusalGround.NO_LICENCE_NEEDED: tr("申请事项依法不需要取得行政许可"),
    RefusalGround.NOT_IN_REMIT: tr("申请事项依法不属于本行政机关职权范围"),
    RefusalGround.FALSE_MATERIALS: tr("申请人隐瞒有关情况或者提供虚假材料申请行政许可"),
}

# 第一项 on the case page: the ground and the licences it was found of (counter.intake.no_licence)
NO_LICENCE_ITEMS = tr("{ground}：{codes}")

#: a ground's reason where the hall only receives the items: its 申请事项告知书 tells what the window found, and the
#: department decides (counter.documents.acting.received_refusal_lines); no 不予受理 is the hall's to say
INTAKE_REASON_RECEIVED = {
    ReasonCode.REFUSED_NO_LICENCE_NEEDED: tr(
        "窗口核对所见：申请事项依法不需要取得行政许可（行政许可法第三十二条第一款第一项）"
    ),
    ReasonCode.REFUSED_NOT_IN_REMIT: tr(
        "窗口核对所见：申请事项不属于实施部门的职权范围，告知申请人向有关行政机关申请（行政许可法第三十二条第一款第二项）"
    ),
    ReasonCode.REFUSED_FALSE_MATERIALS: tr(
        "窗口核对所见：申请人隐瞒有关情况或者提供虚假材料，移送实施部门依法处理（行政许可法第七十八条）"
    ),
}

# Templates take {name} (the material, situation or bundle name) and {subject} (its code).
INTAKE_REASON: dict[ReasonCode | IntakeProblemCode, str] = {
    ReasonCode.GUIDE_UNPUBLISHED: tr("“{name}”的指南未发布，不能受理"),
    ReasonCode.GUIDE_DRAFT: tr("“{name}”的指南待核（尚未经本中心管理员核定发布），本中心未允许依待核指南受理"),
    ReasonCode.REFUSED_NO_LICENCE_NEEDED: (
        tr("申请事项依法不需要取得行政许可，不予受理（行政许可法第三十二条第一款第一项）")
    ),
    ReasonCode.REFUSED_NOT_IN_REMIT: (
        tr(
            "申请事项依法不属于本行政机关职权范围，不予受理，并告知申请人向有关行政机关申请"
            "（行政许可法第三十二条第一款第二项）"
        )
    ),
    ReasonCode.REFUSED_FALSE_MATERIALS: (
        tr("申请人隐瞒有关情况或者提供虚假材料申请行政许可，不予受理，移送实施部门依法处理（行政许可法第七十八条）")
    ),
    ReasonCode.GROUND_NOT_APPLICABLE: tr("“{name}”不含行政许可事项，只能以“不属于本机关职权范围”不予受理"),
    ReasonCode.GROUND_MISSING: tr("不予受理须选定法定理由"),
    ReasonCode.REVIEW_BODY_UNNAMED: tr(
        "不予受理通知书须告知“{subject}”的行政复议机关，办事指南规定由本中心设定：请管理员先在“单位信息”的“例外”中"
        "写明，可选：{name}"
    ),
    ReasonCode.REFUSAL_NOT_THE_WINDOWS: tr(
        "本窗口对“{name}”只负责收件，不作决定，也不退回申请材料：请取消“告知：出具申请事项告知书”，按收件办理，"
        "将核对意见告知申请人，材料转送{subject}，由其依法决定是否受理"
    ),
    ReasonCode.INSISTS_UNASKED: tr(
        "本窗口对“{name}”只负责收件，不作出不予受理决定：请将核对意见告知申请人，并询问是否坚持按本次申请办理——"
        "坚持的，按收件办理，当日转送{subject}依法决定；不坚持的，出具申请事项告知书，记为申请人撤回申请"
    ),
    ReasonCode.NO_LICENCE_ITEMS_MISSING: tr(
        "以“依法不需要取得行政许可”不予受理的，须逐项选定不需要取得行政许可的事项（行政许可法第三十二条第一款第一项）"
    ),
    ReasonCode.NO_LICENCE_NOT_LICENCE: tr(
        "“{name}”不是行政许可事项，不能以“依法不需要取得行政许可”不予受理；本通知书不对其作出决定"
    ),
    ReasonCode.TURN_TO_MISSING: tr("不属于本机关职权范围的，须逐项写明有权机关：“{name}”应当向哪个行政机关申请"),
    ReasonCode.TURN_TO_NOT_TAKEN: tr("应当向哪个行政机关申请：含有看不见的字符或控制字符，或超过{most}个字").replace(
        "{most}", str(FIELD_LIMITS[TextField.NOTE].most)
    ),
    ReasonCode.ALL_PRESENT: tr("申请材料齐全、符合法定形式"),
    ReasonCode.REQUIRED_MISSING: tr("必要材料未提交：{name}"),
    ReasonCode.REQUIRED_DEFECTIVE: tr("必要材料不符合要求：{name}"),
    ReasonCode.DEFERRABLE_MISSING: tr("容缺材料未提交，不能容缺受理，须补齐：{name}"),
    ReasonCode.DEFERRABLE_DEFECTIVE: tr("容缺材料不符合要求，不能容缺受理，须补正：{name}"),
    ReasonCode.DEFERRED: tr("容缺后补：{name}"),
    ReasonCode.DEFERRAL_NOT_REQUESTED: tr("申请人未申请容缺受理"),
    ReasonCode.DEFERRAL_CREDIT_UNCONFIRMED: tr("申请人未确认无不良信用记录，不能容缺受理"),
    ReasonCode.DEFERRAL_PLEDGE_UNSIGNED: tr("申请人未签署承诺书，不能容缺受理"),
    ReasonCode.DEFERRAL_MAIN_MISSING: tr("主要材料不齐全，不能容缺受理"),
    ReasonCode.DEFERRAL_NOTHING_HANDED_IN: tr("未提交任何材料，不能容缺受理"),
    ReasonCode.DEFERRAL_NO_DEADLINE: tr("“{name}”没有可依据的容缺补交时限或承诺办结时限，不能容缺受理"),
    ReasonCode.DEFERRAL_NO_MARGIN: tr(
        "“{name}”的补交期限距承诺办结日不足规定的工作日，部门无法按时办结，不能容缺受理，须补齐"
    ),
    ReasonCode.DEFERRAL_PAST_LEGAL: tr(
        "“{name}”按办事指南的补交期限补交后，部门审查所需的工作日将超过所服务事项的法定办结时限，不能容缺受理，须补齐"
    ),
    ReasonCode.CORRECTION_NOTICE_LATE: tr(
        "收到申请材料已超过五个工作日，逾期未告知补正，依法自收到申请材料之日起视为受理"
        "（行政许可法第三十二条第一款第四项），不再出具补齐补正通知书"
    ),
    ReasonCode.SHARED_TO_FETCH: tr("“{name}”可通过数据共享获取，不要求申请人提交，由本机关调取"),
    ReasonCode.BEYOND_CALENDAR_DATA: tr("日期为暂定：按法定节假日推算，以国务院办公厅公布的节假日安排为准"),
    IntakeProblemCode.BUNDLE_MISMATCH: tr("核对单不属于“{name}”"),
    IntakeProblemCode.ANSWER_UNKNOWN: tr("指南中没有这个情形选项：{subject}"),
    IntakeProblemCode.SITUATION_UNANSWERED: tr("尚未确认情形：{name}"),
    IntakeProblemCode.MATERIAL_NOT_IN_LIST: tr("材料不在所选情形的清单中：{subject}"),
    IntakeProblemCode.MATERIAL_UNACCOUNTED: tr("尚未核对：{name}"),
    IntakeProblemCode.DEFECT_NOTE_MISSING: tr("“{name}”不符合要求，须写明问题所在"),
    IntakeProblemCode.CORRECTION_NOTE_MISSING: tr("“{name}”当场更正，须写明更正了什么"),
    IntakeProblemCode.NOTE_NOT_TAKEN: tr("“{name}”的说明含有看不见的字符或控制字符，或超过{most}个字").replace(
        "{most}", str(FIELD_LIMITS[TextField.NOTE].most)
    ),
    IntakeProblemCode.MEDIUM_MISSING: tr("“{name}”须注明收取的是纸质材料还是电子材料"),
    IntakeProblemCode.MEDIUM_NOT_ACCEPTED: tr("“{name}”的材料形式不符合指南要求"),
    IntakeProblemCode.COUNT_TOO_LOW: tr("“{name}”的原件或复印件份数少于指南要求"),
    IntakeProblemCode.ORIGINAL_NOT_CHECKED: tr("“{name}”是申请人自行上传的电子证照，须核验原件后按 1 收取"),
}


def intake_reason(code: ReasonCode | IntakeProblemCode, subject: str = "", name: str = "") -> str:
    """One reason of an intake decision (or one checklist problem) as the clerk reads it."""
    return INTAKE_REASON[code].format(subject=subject, name=name or subject)


# the hall's intake rules (counter.intake.rules), refused out of range: the window and ``counter site rules``
RULE_PROBLEM = {
    IntakeRule.DEFERRAL_MARGIN: tr("容缺材料补交期限后留给部门审查的工作日数应为{low}至{high}，不能是{value}"),
    IntakeRule.CORRECTION_PERIOD: tr("补正期限应为{low}至{high}个工作日，不能是{value}"),
}


def rule_problem_text(problem: RuleProblem) -> str:
    return RULE_PROBLEM[problem.rule].format(low=problem.low, high=problem.high, value=problem.value)


LICENCE_TAKEN = tr("电子证照 {number}号（{issuer}，可信等级{trust}{checked}）")
LICENCE_LOOKUP_FAILED = tr("证照库未能查询，收取纸质材料")
#: a C-level licence (用户自行上传, 国办函〔2016〕108号) on a line still pending: the clerk checks the original, then 1
LICENCE_CHECK_ORIGINAL = tr("电子证照 {number}号（{issuer}，可信等级C，用户自行上传）：须核验原件，核验无误后按 1 收取")
#: the 108号 words a copy checked against its original is kept with
LICENCE_CHECKED = tr("，此件经与原件核对无误")
LICENCE_USED = tr("；用证：{by}，{reason}")


def licence_text(record: str) -> str:
    """A checklist line's 电子证照 as the case page and the command line show it; "" for a line with none."""
    licence = licence_of_record(record)
    if licence is not None and licence.trust is TrustLevel.C and not licence.checked_original:
        return LICENCE_CHECK_ORIGINAL.format(number=licence.number, issuer=licence.issuer)
    if licence is not None:
        checked = LICENCE_CHECKED if licence.checked_original else ""
        said = LICENCE_TAKEN.format(
            number=licence.number, issuer=licence.issuer, trust=licence.trust.value, checked=checked
        )
        use = use_of_record(record)
        return said + LICENCE_USED.format(by=use.by, reason=use.reason) if use is not None else said
    return LICENCE_LOOKUP_FAILED if lookup_failed_of_record(record) else ""


#: IntakeNotPossible.why as the clerk reads it, by code; {names}: its names, joined (the materials not awaited)
NOT_POSSIBLE_WHY = {
    NotPossibleWhy.GUIDE_VERSION_MISSING: tr("本次受理所依据的指南版本已不存在，请重新打开受理页"),
    NotPossibleWhy.BAD_UID: tr("本次受理的编号不是本机生成的格式，请重新打开受理页"),
    NotPossibleWhy.PREVIOUS_OTHER_BUNDLE: tr("原办件办理的不是同一件事，不能作为本件的补正前办件"),
    NotPossibleWhy.LICENCE_EXPIRED: tr("所选电子证照已超过有效期，不能作为申请材料：请重新查询证照库，或收取纸质材料"),
    NotPossibleWhy.CLERK_UNNAMED: tr("本窗口没有设置工作人员姓名，不能受理：请在主窗口按 F8，在“本窗口”中填写本人姓名"),
    NotPossibleWhy.NOT_AWAITED: tr("以下材料不是本件正在等待补交的材料：{names}"),
    NotPossibleWhy.REASON_REQUIRED: tr("没有填写理由，不能办理：请填写理由"),
}
#: a code only a fault of the program reaches (PROGRAM_FAULTS): one plain sentence, the code left to the log
NOT_POSSIBLE_PROGRAM = tr("程序内部错误，本次操作没有保存，请联系技术支持")


def not_possible_text(why: NotPossibleWhy, names: tuple[str, ...] = ()) -> str:
    """What stands in the way, in one sentence; the codes of a fault of the program in the one sentence they share."""
    if why in PROGRAM_FAULTS:
        return NOT_POSSIBLE_PROGRAM
    return NOT_POSSIBLE_WHY[why].format(names=LIST_JOIN.join(names))
