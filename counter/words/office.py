"""The words of office settings refused (:class:`counter.documents.office_check.OfficeRefused`): every problem named,
as the window's 单位信息 page and ``counter office`` both say it; and each setting's name, as the page labels it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.words.paper_seals import no_seal_text
from counter.words.punctuation import LIST_JOIN
from counter.words.texts import text_problem_text
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.documents.office_check import OfficeRefused
    from counter.documents.paper_blanks import PaperBlanks

OFFICE_FIELD = {
    "office_name": tr("单位名称"),
    "office_name_mn": tr("单位名称（蒙古文，印在文书抬头汉文名称之上；不填则只印汉文）"),
    "seal_caption": tr("印章名称"),
    "consult_phone": tr("咨询电话"),
    "complaint_phone": tr("投诉电话"),
    "address": tr("单位地址（申请人办事、取件的地方）"),
    "hours": tr("办理时间"),
    "review_body": tr("行政复议机关"),
    "court": tr("行政诉讼法院"),
    "progress_url_base": tr("进度查询网址（二维码）"),
    "online_portal": tr("网上办事平台"),
    "county_place": tr("旗县市区名称"),
    "county_government": tr("旗县市区人民政府（复议机关）"),
    "county_court": tr("旗县市区部门所在地法院"),
    "league_place": tr("盟市名称"),
    "league_government": tr("盟市人民政府（行政公署）"),
    "league_court": tr("盟市部门所在地法院"),
    "region_place": tr("自治区名称"),
    "region_government": tr("自治区人民政府"),
    "region_court": tr("自治区部门所在地法院（可空）"),
    "township_place": tr("苏木乡镇名称（可空）"),
    "township_government": tr("苏木乡镇人民政府（可空）"),
    "township_court": tr("苏木乡镇部门所在地法院（可空）"),
    "rights_overrides": tr("例外（每行：部门全称=复议机关|法院，可空）"),
    "office_level": tr("本单位层级"),
    "entrustments": tr("委托受理协议（每行：部门全称=协议名称及文号，可空）"),
    "department_contacts": tr("部门联系人（每行：部门全称=承办人|电话，可空）"),
    "administrative_organ": tr("本单位是否为行政机关（按司法局意见；以委托部门名义出具行政许可文书前须设定）"),
}

OFFICE_MISSING = tr("以下各项不能为空：{fields}")
OFFICE_MONGOLIAN_BAD = tr("单位名称（蒙古文）不能印在文书上：{why}")
OFFICE_OVERRIDES_BAD = tr("以下例外写法不对，应为“部门全称=复议机关|法院”，没有保存：{lines}")
OFFICE_ENTRUSTMENTS_BAD = tr("以下委托受理协议写法不对，应为“部门全称=协议名称及文号”，没有保存：{lines}")
OFFICE_CONTACTS_BAD = tr("以下部门联系人写法不对，应为“部门全称=承办人|电话”，没有保存：{lines}")


def office_refused_text(err: OfficeRefused) -> str:
    """The sentences of ``err``, one a line: the name in Mongolian, the empty fields, then each kind of line that does
    not read, the lines quoted as written."""
    said = (
        [OFFICE_MONGOLIAN_BAD.format(why=text_problem_text(err.mongolian, err.mongolian_detail))]
        if err.mongolian
        else []
    )
    if err.missing:
        said.append(OFFICE_MISSING.format(fields=LIST_JOIN.join(OFFICE_FIELD[name] for name in err.missing)))
    for lines, template in (
        (err.overrides, OFFICE_OVERRIDES_BAD),
        (err.agreements, OFFICE_ENTRUSTMENTS_BAD),
        (err.contacts, OFFICE_CONTACTS_BAD),
    ):
        if lines:
            said.append(template.format(lines=LIST_JOIN.join(f"“{line}”" for line in lines)))
    return "\n".join(said)


#: what the papers would print blank, told at set-up and when the 单位信息 is saved (counter.documents.paper_blanks)
OFFICE_NO_PROGRESS_PAGE = tr(
    "提示：尚未设定进度查询网址，文书不印进度查询二维码，只印咨询电话；"
    "请在“单位信息”的“进度查询网址（二维码）”中填写本地政务服务网给出的地址后才会印出。"
)
OFFICE_NO_CONTACTS_COUNT = tr(
    "提示：{count} 个实施部门未登记承办人或电话，其以本部门名义出具的文书联系方式一栏将留空，须手工填写；"
    "保存“单位信息”时列出部门名称，请在“部门联系人”中登记。"
)
OFFICE_NO_CONTACTS = tr(
    "提示：以下 {count} 个实施部门未登记承办人或电话，其以本部门名义出具的文书（受理通知书、补正材料通知书、"
    "不予受理通知书、不予批准决定书等）联系方式一栏将留空，须手工填写；请在“单位信息”的“部门联系人”中登记："
    "{departments}"
)


def paper_blanks_lines(blanks: PaperBlanks, named: bool = True) -> list[str]:
    """What the site's papers would print blank, a sentence each; none where nothing would.  ``named``: each
    department by name (``counter site init``, ``counter office``, the 单位信息 page); else their count, where a
    line of the set-up page has no room for a catalog's departments."""
    lines = [OFFICE_NO_PROGRESS_PAGE] if blanks.no_progress_page else []
    if blanks.no_contacts and not named:
        lines.append(OFFICE_NO_CONTACTS_COUNT.format(count=len(blanks.no_contacts)))
    elif blanks.no_contacts:
        departments = LIST_JOIN.join(blanks.no_contacts)
        lines.append(OFFICE_NO_CONTACTS.format(count=len(blanks.no_contacts), departments=departments))
    if blanks.no_seal:
        lines.append(no_seal_text(blanks.no_seal, named=named))
    return lines
