"""The sentences of law a notice prints, by the 事项类型 of the items it concerns.

Paper words, like :mod:`counter.documents.words` (never translated: a notice is
legal paper in Chinese).  Kept apart because each sentence here stands on a
source, and docs/notice-wording.md gives the table type → sentence → source:

- 行政许可 (01): 《中华人民共和国行政许可法》 第三十二条第一款 (补正, 不予受理),
  第三十八条第二款 (不予批准), 第七十八条 (虚假材料: the window refuses and refers; the department's own
  不予批准 carries the one-year bar and leaves the 警告 to its procedure).
- Every other type: no 行政许可法.  The league's own rules apply to every
  政务服务事项 (《兴安盟政务服务标准化管理办法》 第十六条第二项: 补齐补正通知书;
  第十七条第二项: 不予批准 with its reason), and the item's own 设定依据 as the
  catalog gives it says what the department decides under.
- The rights clause follows the item's remedy, not its type (:mod:`counter.catalog.remedies`): 复议 or 诉讼,
  复议前置 with its conditions, or a complaint channel where no 行政行为 is made.
"""

from __future__ import annotations

from counter.catalog.platform_columns import ITEM_TYPE_NAMES

LICENSING_LAW = "《中华人民共和国行政许可法》"
LEAGUE_RULES = "《兴安盟政务服务标准化管理办法》"

# the national names of the item types: the paper prints the same vocabulary the region's workbooks are written in
ITEM_TYPE = ITEM_TYPE_NAMES
ITEM_TYPE_UNKNOWN = "未载明"

# 补齐补正通知书: the basis of the demand, per item
CORRECTION_BASIS_LICENSING = LICENSING_LAW + "第三十二条第一款第四项"
CORRECTION_BASIS_OTHER = LEAGUE_RULES + "第十六条第二项；本事项设定依据：{basis}"
CORRECTION_INTRO_PLAIN = (
    "{you}于{received}提交的“{bundle}”申请材料不齐全或者不符合法定形式。现一次性告知{you}需要补齐补正的全部内容"
    "（所涉事项及告知依据见本通知书末）："
)

# a department's own paper of one item that is no 行政许可 (受理, 补正, 不予受理 of an item the hall only received): the
# league's rule for the act (seed 001 第十六条: 作出是否受理的决定; 第一项 受理凭证; 第二项 补齐补正通知书) and the
# item's own 设定依据, in place of a bare 特此通知
ITEM_ACCEPTANCE_BASIS_OTHER = "依据" + LEAGUE_RULES + "第十六条第一项和本事项设定依据（{basis}），特此通知。"
ITEM_CORRECTION_BASIS_OTHER = "依据" + LEAGUE_RULES + "第十六条第二项和本事项设定依据（{basis}），特此通知。"
ITEM_REFUSAL_BASIS_OTHER = "依据" + LEAGUE_RULES + "第十六条和本事项设定依据（{basis}），特此通知。"

# 不予受理通知书: the basis per item when not every item is a 行政许可
REFUSAL_BASIS_OTHER = "本事项设定依据：{basis}"
ITEMS_BASIS = "{items}：{basis}"  # a group of the table's items and their basis, as the desk repeats it before issuing
REFUSAL_INTRO_PLAIN = (
    "{you}于{received}提出的“{bundle}”申请，经审查，{ground}。根据下表所列各事项的依据，本机关决定不予受理。"
)
# 第七十八条 on the window's 不予受理: the ground, for the licences alone, and the referral.  Its 警告 and the one-year
# bar are sanctions, the deciding department's in its own decision after its own procedure (行政处罚法), never the
# window's paper under the hall's seal
FALSE_MATERIALS_GROUND = (
    "依照" + LICENSING_LAW + "第七十八条，申请人隐瞒有关情况或者提供虚假材料申请行政许可的，行政机关不予受理。"
)
FALSE_MATERIALS_REFERRED = "本机关已将申请人隐瞒有关情况或者提供虚假材料的情况移送{departments}，由其依照法定程序处理。"
FALSE_MATERIALS_NOT_LICENCE = "不属于行政许可，不适用" + LICENSING_LAW + "第七十八条；本通知书不对该事项作出决定"
FALSE_MATERIALS_INTRO_MIXED = (
    "{you}于{received}提出的“{bundle}”申请，经审查，{ground}。依照" + LICENSING_LAW + "第七十八条，"
    "本机关决定对{licences}不予受理；{others}不属于行政许可，不适用该条，本通知书不对其作出决定。"
)
DOC_H_REFERRED = "移送处理"
# 第一项 found of some items (counter.documents.no_licence): the licences named are refused, the others not decided
NO_LICENCE_ARTICLE = LICENSING_LAW + "第三十二条第一款第一项"
NO_LICENCE_INTRO_PART = (
    "{you}于{received}提出的“{bundle}”申请，经审查，{licences}依法不需要取得行政许可。依照" + NO_LICENCE_ARTICLE + "，"
    "本机关决定对{licences}不予受理；{others}本通知书不对其作出决定。"
)
NO_LICENCE_NOT_FOUND = "未认定依法不需要取得行政许可；本通知书不对该事项作出决定"
NO_LICENCE_NOT_LICENCE = "不属于行政许可，不适用" + NO_LICENCE_ARTICLE + "；本通知书不对该事项作出决定"
NO_LICENCE_RECEIVED = "{licences}可能依法不需要取得行政许可；其他事项本告知书不作认定"  # a 收件 window's finding
# a department's own 不予批准 of a licence under 第七十八条 (counter.case.decisions.FALSE_MATERIALS_MARK)
DENIAL_FALSE_MATERIALS = (
    "{you}隐瞒有关情况或者提供虚假材料申请行政许可，依照" + LICENSING_LAW + "第七十八条，不予行政许可。"
)
DENIAL_FALSE_MATERIALS_BAR = "该行政许可直接关系公共安全、人身健康、生命财产安全，{you}在一年内不得再次申请该行政许可。"
DENIAL_FALSE_MATERIALS_WARNING = (
    "依照该条应当给予的警告，由本机关依照《中华人民共和国行政处罚法》规定的程序另行作出决定。"
)
DOC_H_CONSEQUENCE = "法律后果"

# the per-item table of a notice that concerns items of several types
DOC_H_ITEM_BASIS = "所涉事项及依据"
DOC_COL_ITEM = "事项名称"
DOC_COL_TYPE = "事项类型"
DOC_COL_DECIDER = "实施主体"
DOC_COL_BASIS = "依据"

# 不予批准决定书: the basis sentence, by the denied item's type
DENIAL_LICENSING_ARTICLE = LICENSING_LAW + "第三十八条第二款"
DENIAL_BASIS_LICENSING = (
    "依照" + DENIAL_LICENSING_ARTICLE + "的规定，书面告知不予批准的理由，"
    "并告知{you}享有依法申请行政复议或者提起行政诉讼的权利。"
)
DENIAL_BASIS_OTHER = (
    "依照{basis}和" + LEAGUE_RULES + "第十七条第二项的规定，书面告知不予批准的理由，并告知{you}享有{rights}。"
)
DENIAL_RIGHTS = "依法申请行政复议或者提起行政诉讼的权利"
DENIAL_RIGHTS_REVIEW_FIRST = "依法先申请行政复议、对行政复议决定不服再提起行政诉讼的权利"
# a lapsed 容缺: the ground is the league's rule for a lapse; 第三十八条第二款 (or 第十七条第二项) stays the duty to
# give the reasons in writing, which the sentence after this one names
DENIAL_LAPSE_GROUND = (
    "容缺受理时承诺补交的材料逾期未补交，依照" + LEAGUE_RULES + "第十六条第三项的规定，容缺受理失效，对该事项不予批准。"
)
DENIAL_BASIS_SERVICE = "依照" + LEAGUE_RULES + "第十七条第二项的规定，书面告知不予办理的理由。"

# the rights clause: 行政复议 and 行政诉讼 where a department decides, a complaint where it serves
RIGHTS = (
    "如对本决定不服，可以自收到本决定之日起六十日内向{review_body}申请行政复议，或者六个月内向{court}提起行政诉讼。"
)
RIGHTS_FOR = (
    "对{items}的决定不服的，可以自收到本决定之日起六十日内向{review_body}申请行政复议，"
    "或者六个月内向{court}提起行政诉讼。"
)
# 复议前置 (the catalog's remedy ``review_first``: 税收征收管理法 第八十八条第一款 for a 纳税 decision): 复议 first, on
# its conditions (the tax and late fee paid or secured first; 税务行政复议规则 第三十三条: sixty days from the day
# they are paid or the security confirmed), 诉讼 only against the 复议 decision (行政诉讼法 第四十五条: fifteen days)
RIGHTS_REVIEW_FIRST = (
    "如对本决定涉及的纳税事项不服，应当先依照税务机关的纳税决定缴纳或者解缴税款及滞纳金或者提供相应的担保，"
    "然后可以自缴清税款和滞纳金或者所提供的担保得到确认之日起六十日内向{review_body}申请行政复议；"
    "对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向{court}提起行政诉讼（{basis}）。"
)
RIGHTS_REVIEW_FIRST_FOR = (
    "对{items}的决定涉及的纳税事项不服的，应当先依照税务机关的纳税决定缴纳或者解缴税款及滞纳金或者提供相应的担保，"
    "然后可以自缴清税款和滞纳金或者所提供的担保得到确认之日起六十日内向{review_body}申请行政复议；"
    "对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向{court}提起行政诉讼（{basis}）。"
)
REVIEW_UNKNOWN = "依法有权受理的行政复议机关"  # a body the site's settings cannot name: true in law whatever it is
COMPLAINT_ONLY = "{items}属于公共服务事项，不作出行政决定；如有异议，可以向{department}反映，或者拨打投诉电话{phone}。"

# 收件 and 受理 (who receives, who accepts, in whose name): counter.documents.acceptance_words

LIST_JOIN = "、"
