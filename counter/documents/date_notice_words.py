"""The wording of the 期限告知书: a 容缺 deadline extended, or a lapse the holiday notice showed early.

Legal paper, Chinese by law, never translated (as :mod:`counter.documents.words`).  It decides nothing: it tells the
applicant a date the office is bound by (domain §11) and, for a lapse found early, that the body which decided will
correct it itself; no article is cited that is not the ground of what it tells.
"""

from __future__ import annotations

EXTENDED = (
    "{you}于{received}申请办理的“{bundle}”，已于{accepted}容缺受理。因{reason}，所缺材料的补交期限延长至{due}，"
    "延长后的期限未超过所涉事项的法定办理期限。请在该期限内补交下列材料："
)
EXTENDED_LATE = "逾期未补交，或者补交的材料仍不符合要求的，容缺受理失效，{deciders}，由此产生的后果由申请人承担。"
H_MATERIALS = "补交的材料"
COL_NO = "序号"
COL_MATERIAL = "材料名称"
COL_DUE = "补交期限"

ITEM_EXTENDED = (
    "{you}于{received}申请办理的“{bundle}”中的“{item}”事项，{department}{basis}经负责人（{approved_by}）批准，"
    "将办理期限延长{days}个工作日。延长理由：{reason}。"
)
ITEM_EXTENDED_BASIS = "依照《中华人民共和国行政许可法》第四十二条第一款的规定，"

EARLY = (
    "{you}于{received}申请办理的“{bundle}”，国务院办公厅公布节假日安排后，{what}按公布的安排为{due}，"
    "本机关于{lapsed}作出的逾期处理早于该期限届满（期限届满后的下一个工作日为{first}）。"
)
EARLY_WHAT_CORRECTION = "补正材料的提交期限"
EARLY_WHAT_MATERIAL = "“{name}”的补交期限"
EARLY_CORRECTED = (
    "该逾期处理及据此作出的决定，由作出决定的机关依法自行纠正，恢复办理，纠正结果另行书面告知。"
    "所涉事项及作出决定的机关如下："
)
EARLY_RIGHTS = "{you}依法享有的申请行政复议或者提起行政诉讼的权利不受影响。"
H_ITEMS = "所涉事项"
COL_ITEM = "事项"
COL_BODY = "作出决定的机关"
