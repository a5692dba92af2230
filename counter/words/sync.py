"""The words of sync packages: why one is refused, why a record waits for review, what an import did."""

from __future__ import annotations

from collections.abc import Sequence

from counter.words.punctuation import LIST_JOIN
from counter.words.translate import tr

# Keyed by the codes' values: counter.sync.package.RejectCode, counter.sync.exchange.SyncProblem and
# counter.actions.sync.sync_apply.HoldReason.

PACKAGE_REJECTED = {
    "not_a_package": tr("这不是同步数据包文件。"),
    "too_new": tr("该数据包由更新版本的程序写出，本程序无法读取，请先升级程序。"),
    "old_format": tr(
        "该数据包为旧版格式（COUNTER-SYNC/1，内容未加密），本程序不再接受：请发送方升级程序，"
        "与本站点重新交换站点名片后重新导出。"
    ),
    "unknown_suite": tr("该数据包使用了本程序不支持的加密或签名算法，请先升级程序。"),
    "too_large": tr("数据包超过允许的大小或记录数（或解压后远大于其声明），不能接受：请与对方核对。"),
    "truncated": tr("数据包不完整（复制或传输中断），请让对方重新导出或重新复制。"),
    "bad_header": tr("数据包的包头已损坏或被改动。"),
    "unsigned": tr("数据包没有签名，不能接受。"),
    "unknown_site": tr("数据包来自未登记的站点：请先读入对方的站点名片并核对公钥指纹。"),
    "bad_signature": tr("数据包签名无效：内容在签名后被改动过，或不是由登记的站点签发。"),
    "wrong_destination": tr("该数据包不是发给本站点的（或方向不对：办件由乡镇发给中心，更新由中心发给乡镇）。"),
    "body_mismatch": tr("数据包内容与签名时不一致：已损坏或被改动。"),
    "not_for_this_key": tr(
        "数据包无法用本站点的解密密钥打开：它是加密发给另一站点（或本站点更换密钥前的名片）的，或内容被改动过。"
    ),
    "bad_structure": tr("数据包内容的格式不正确，无法读取。"),
    "number_reused": tr("对方同一编号的数据包已导入过，但这一份内容不同：请与对方核对。"),
    "series_incomplete": tr("该数据包是同一批导出的多个数据包中靠后的一个，同一批前面的数据包尚未导入。"),
    "stale": tr(
        "该数据包的生成时间早于已从对方导入的最新数据包（或早于对方站点在本站点登记之前），是旧文件或被重复带来的文件："
        "请让对方重新导出最新的数据包。"
    ),
    "dated_ahead": tr(
        "该数据包的生成时间比本机当前时间晚两天以上：请对方核对电脑的日期和时间，改正后重新导出（也请核对本机的日期和时间）。"
    ),
}
SERIES_FIRST = tr("请先导入同一批的第 {parts} 个文件（编号 {numbers}），再导入这一个。")
PACKAGE_REJECTED_TAIL = tr("整个数据包未导入，本站点数据没有任何改动。")
SYNC_NOT_POSSIBLE = {
    "no_hall": tr("尚未登记政务服务中心：请先登记中心的站点名片。"),
    "several_halls": tr("登记了多个政务服务中心（{site}）：请指明发给哪一个。"),
    "to_site_required": tr("政务服务中心导出更新时须指明发给哪个乡镇便民服务中心。"),
    "unknown_peer": tr("站点 {site} 未登记。"),
    "wrong_peer_kind": tr("站点 {site} 的类型不对：乡镇只向中心导出办件，中心只向乡镇导出更新。"),
    "training": tr("这是培训数据库：培训中办理的办件不是真实办件，不能导出同步数据包。"),
    "old_card": tr(
        "站点 {site} 是用旧版名片登记的，没有加密公钥，数据包无法加密发给它："
        "请对方升级程序后重新导出名片，在本站点重新登记。"
    ),
}
HOLD_REASON = {
    "unknown_guide": tr("办件所依据的办事指南版本本站点没有：待该版本指南导入后自动补入"),
    "case_no_taken": tr("本站点已有另一个办件使用该办件编号"),
    "previous_missing": tr("该办件所对应的补正前办件尚未收到"),
    "document_conflict": tr("办件的文书编号已被本站点另一个办件使用"),
    "other_site": tr("办件不是由发送数据包的站点受理的"),
    "case_unknown": tr("本站点没有该办件，无法登记其办理进度"),
    "project_no_taken": tr("本站点已有另一个帮您办项目使用该项目编号"),
    "page_case_missing": tr("材料照片所属的办件本站点还没有（或在待核对记录中）：该办件导入后自动补入"),
    "page_unreadable": tr("材料照片的图像数据无法读取（不是本程序导出的格式），未导入"),
    "bad_seal": tr("封签不是用发送站点登记的签名密钥签发的，或不是发送站点的封签，未导入"),
    "not_hall_owned": tr(
        "该设置不归政务服务中心管理，中心的更新不能改动它（中心只管评价器设置、节假日覆盖年份、帮您办事项清单"
        "和本站点的办公信息），未写入"
    ),
    # counter.sync.sender_checks.Refusal: the record is not the sender's to send
    "not_own_number": tr("办件编号不属于发送站点的编号序列（编号中的站点代码或窗口号与办件不符），未导入"),
    "not_own_part": tr("办件所附的文书、评价或评价请求写的是其他站点或无效的窗口号，未导入"),
    "not_own_case": tr("该办件（或其补正前办件）在本站点属于其他站点，发送站点不能向其添加记录，未导入"),
    "hall_clerk": tr("办件的评价所评的经办人是本站点自己的工作人员，乡镇的数据包不能添加对其的评价，未导入"),
    "not_township_event": tr("办件的办理记录含有只能由政务服务中心或审批部门作出的环节，未导入"),
    "bad_date": tr("办件中的日期超出本程序支持的范围（早于2004年，已发生的事晚于今天，或期限在两年以后），未导入"),
    "bad_characters": tr("办件中的姓名、地址或说明超过长度，或含有看不见的字符、控制字符或文字方向控制符，未导入"),
    "bare_hand_over": tr("办件的送达或出件记录没有列明交付的结果及其文书编号（送达回证的内容），未导入"),
    "not_decided_here": tr(
        "乡镇交付的结果与本中心的审批记录不符（事项尚未决定、决定或证照编号不一致、已交付过，或办件尚未办结就送达），"
        "未导入"
    ),
    "not_own_project": tr(
        "帮您办项目不是发送站点的（站点代码或项目编号不属于发送站点，或该项目在本站点属于其他站点），未导入"
    ),
    "bad_project": tr("帮您办项目中的日期超出本程序支持的范围，或名称含有控制字符或文字方向控制符，未导入"),
    "not_township_item": tr(
        "办件的办理记录含有不由乡镇（苏木）作出决定的事项的办理或审批环节（如逾期未补齐容缺材料后对审批部门事项的"
        "不予批准）：这些事项由其实施部门决定，未导入"
    ),
    "hall_holds_case": tr("本中心已收到该办件，乡镇不能再对其作出不予批准或作废，未导入"),
    "second_taken": tr("办件的办理记录含有第二条受理记录，未导入"),
    "backdated": tr("办件的新办理记录的时间早于（或等于）本中心该办件最后一条记录的时间，未导入"),
}
SYNC_EXPORTED = tr("已导出第 {export_no} 号数据包（发往 {to_site}，{records} 条记录）：{path}")
SYNC_EXPORTED_SERIES = tr(
    "待上报的办件超出一个数据包的容量，已分为 {count} 个数据包导出（第 {first} 至 {last} 号，发往 {to_site}，"
    "共 {records} 条记录），请按编号顺序全部导入：{paths}"
)
SYNC_IMPORTED = tr(
    "已导入 {from_site} 的第 {export_no} 号数据包：新增或更新 {applied} 条，无变化 {unchanged} 条，待核对 {held} 条。"
)
SYNC_REPLAYED = tr("{from_site} 的第 {export_no} 号数据包此前已导入，本次没有任何改动。")


def exported_text(export_no: int, count: int, to_site: str, records: int, paths: list[str]) -> str:
    """What an export wrote: its one package, or a series of them and the order to take them in."""
    if count == 1:
        return SYNC_EXPORTED.format(export_no=export_no, to_site=to_site, records=records, path=paths[0])
    return SYNC_EXPORTED_SERIES.format(
        count=count, first=export_no, last=export_no + count - 1, to_site=to_site, records=records,
        paths=LIST_JOIN.join(paths),
    )  # fmt: skip


SENT_SEAL_CHANGED = tr(
    "警告：第 {no} 号封签已报送大厅，但本机的这个封签被删除或改写。它封存的评价、作废和办件记录已报送大厅，"
    "不能删除或修改；大厅核查审计记录时也会发现。请立即联系管理员。"
)


def package_rejected(code: str, earlier: Sequence[tuple[int, int]] = ()) -> str:
    """Why a package was refused, and that nothing of it went in; ``earlier``: (part, number) to take in first."""
    if not earlier:
        return f"{PACKAGE_REJECTED[code]}{PACKAGE_REJECTED_TAIL}"
    parts = LIST_JOIN.join(str(part) for part, _no in earlier)
    numbers = LIST_JOIN.join(str(no) for _part, no in earlier)
    return f"{PACKAGE_REJECTED[code]}{PACKAGE_REJECTED_TAIL}{SERIES_FIRST.format(parts=parts, numbers=numbers)}"


def sync_not_possible(problem: str, site: str = "") -> str:
    return SYNC_NOT_POSSIBLE[problem].format(site=site)


HOLD_REASON_UNKNOWN = tr("本程序不认识的原因（对方的程序可能较新）：请凭编号向技术人员查询")


def hold_reason(reason: str) -> str:
    """A hold reason's words; a code this program does not know (a newer hall's) is never shown as it is."""
    return HOLD_REASON.get(reason, HOLD_REASON_UNKNOWN)


#: the kinds of record a package carries (``Record.TYPE``), as the review list names them to people
SYNC_RECORD_TYPE = {
    "case": tr("办件"),
    "progress": tr("办件进度"),
    "guide": tr("办事指南"),
    "holiday": tr("节假日"),
    "setting": tr("设置"),
    "page": tr("材料照片"),
    "seal": tr("审计封签"),
    "project": tr("帮您办项目"),
    "appeal": tr("评价申诉决定"),
}


def record_type_text(record_type: str) -> str:
    """A held record's kind in words, in the window's review list and on the command line alike; a kind this program
    does not know (a newer site's) as its sender named it, for support to look up."""
    return SYNC_RECORD_TYPE.get(record_type, record_type)
