"""How the 一件事联办申请表 is worded: its parts, its instructions and the applicant's declaration.

Chinese on paper, never translated, as every document's words (:mod:`counter.documents.words` says why).  Kept
apart from those because the form speaks to the applicant in the first person and asks to be checked and signed,
where a notice tells what the office decided.  Templates take ``{we}`` (本人 / 本单位), ``{bundle}`` the bundle's
name, ``{office}`` the office that forwards the form, ``{form}`` a form's name.
"""

from __future__ import annotations

APP_INTRO = (
    "本表汇集“{bundle}”各事项申请表要填写的内容：申请人、代办人和几个事项都要填的内容，只填一次。"
    "已有内容的栏目，是窗口按受理时登记的信息打印的，请逐项核对；有错的，请在错处划一横线，"
    "在旁边写上正确内容并签字。空白栏目请用黑色钢笔或签字笔填写。"
)
APP_NUMBERED_PART = "{numeral}、{title}"
APP_PART_APPLICANT = "申请人（各事项共用，只填一次）"
APP_PART_AGENT = "代办人"
APP_PART_DELIVERY = "结果送达和办理通知"
APP_PART_SHARED = "各事项共同填写的内容（只填一次）"
APP_PART_ITEMS = "各事项还需要填写的内容"
APP_PART_DECLARATION = "申请人声明"
APP_ITEM_TITLE = "（{numeral}）{name}"
APP_COL_LABEL = "栏目"
APP_COL_FILL = "填写内容"
APP_ITEM_ABOUT = "实施部门：{department}\n{forms}"

# the applicant and the agent, as the intake recorded them; the ID numbers whole: this is what the departments
# register, and the paper is filed, not handed out (counter.documents.application)
APP_NAME = {"person": "申请人姓名", "company": "申请单位名称"}
APP_ID_KIND = "证件类型"
APP_ID_KIND_VALUE = {"person": "居民身份证", "company": "营业执照"}
APP_ID_NO = {"person": "证件号码", "company": "统一社会信用代码"}
APP_LEGAL_REP = "法定代表人"
APP_PHONE = "联系电话"
APP_ADDRESS = {"person": "住址", "company": "住所"}
APP_AGENT_NAME = "代办人姓名"
APP_AGENT_ID_KIND_VALUE = "居民身份证"
APP_AGENT_SCOPE = "委托事项"
APP_DELIVERY = "结果送达方式"
APP_DELIVERY_PICKUP = "窗口领取"
APP_DELIVERY_POST = "邮寄送达（免费）：{address}"
APP_DELIVERY_ELECTRONIC = "电子送达"
APP_NOTIFY_PHONE = "短信通知号码"
# a business this case registers has no 统一社会信用代码 yet: the registration gives it (counter.documents.application)
APP_CREDIT_CODE = "统一社会信用代码"
APP_CREDIT_CODE_LATER = "由本件的设立登记赋予，登记后按营业执照填写，申请人不填"

# each item's part: the forms whose boxes follow, named and never replaced: a department's application form, above
# all one a ministry prescribes (Material.prescribed_by), is signed as itself
APP_ITEM_FORMS = "申请表：{forms}"
APP_FORM_NAME = "《{form}》"
APP_FORM_PRESCRIBED = "《{form}》（{prescriber}规定格式）"
APP_FORM_JOIN = "、"
APP_NO_FORM = "本事项不另填申请表"
APP_ALL_ASKED = "该表的栏目都已在本表前面填写，本事项不需要再填。"
APP_FORM_UNLISTED = "填写要求"  # a form whose boxes the catalog does not list: what it must hold, then one blank
APP_FORM_UNLISTED_PLAIN = "办事指南未列明该表的栏目，请按该表的要求在下面空白处填写"
APP_FILL_IN = "请在此填写"

APP_DECLARATION = (
    "{we}申请办理“{bundle}”，上列各事项一并申请。{we}已核对本表内容，确认无误。{we}承诺所填内容和提交的申请材料"
    "真实、合法、有效，复印件与原件一致；如有不实，愿意承担相应的法律责任。{we}同意由{office}将本表和申请材料分送"
    "各实施部门办理。"
)
APP_WE = {"person": "本人", "company": "本单位"}
APP_OTHER_PAPERS = "本表不代替各部门规定的申请表和其他文书，下列表格文书仍须另行填写签署：{forms}。"
APP_SIGNER = {"person": "申请人（签字）", "company": "法定代表人（签字）"}
APP_SIGNER_AGENT = "代办人（签字）"
APP_SIGNED_ON = "日期：　　　　年　　月　　日"
APP_COMPANY_SEAL = "申请单位盖章"
APP_COPY = "申请人签字后存档"
APP_COPY_NOTE = "本表由申请人核对签字后，随申请材料存档。"
