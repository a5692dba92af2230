"""What ``counter paper verify`` and the printing commands say of a paper's electronic seal, in the desks' words.

The verdict names who sealed what and when, and for a paper that fails, what failed: a clerk, a court or an
applicant reads it, so it speaks of the paper, the seal and the body, never of files, digests or certificates by
their technical names.
"""

from __future__ import annotations

from counter.case.moments import minute_text
from counter.seals.province import ProvinceProblem, SealFault
from counter.seals.verify import PaperCheck, PaperVerdict
from counter.words.punctuation import LIST_JOIN
from counter.words.translate import tr


def paper_check_lines(check: PaperCheck) -> list[str]:
    """The verdict's lines: the first says good or not, the next who sealed what and when, then what differs."""
    who = ""
    if check.body and check.sealed_at is not None:
        who = tr("由{body}于{at}加盖电子印章。").format(body=check.body, at=minute_text(check.sealed_at))
    title = check.title or tr("（无标题）")
    verdict = check.verdict
    if verdict is PaperVerdict.GOOD:
        return [tr("电子印章有效：《{title}》自盖章后未被改动。").format(title=title), who]
    if verdict is PaperVerdict.NOT_OFD:
        return [tr("这不是 OFD 版式文件，无法校验电子印章。")]
    if verdict is PaperVerdict.UNSEALED:
        return [tr("《{title}》未加盖电子印章：它只是电子副本，不具有加盖印章的文书的效力。").format(title=title)]
    if verdict is PaperVerdict.BROKEN_SEAL:
        lines = [tr("电子印章无效：《{title}》的印章或签名已损坏或被改动，不能采信。").format(title=title)]
        return [*lines, who] if who else lines
    if verdict is PaperVerdict.UNTRUSTED:
        return [
            tr("电子印章不可信：《{title}》的印章不是本站点（或已登记的站点）制作的，或盖章时已不在有效期内。").format(
                title=title
            ),
            who,
        ]
    pages = sum(1 for path in check.files if path.endswith("Content.xml"))
    changed = tr("《{title}》盖章后已被改动，电子印章不能证明现在的内容：").format(title=title)
    detail = (
        tr("有 {count} 页的内容与盖章时不同或已缺失。").format(count=pages)
        if pages
        else tr("文件的组成部分与盖章时不同（也可能是印章被移到了另一份文书上）。")
    )
    return [changed + detail, who]


def sealed_ofd_text(body: str) -> str:
    return tr("OFD 文书已加盖{body}的电子印章。").format(body=body)


def unsealed_ofd_text(body: str) -> str:
    """Said when a paper asked for as OFD was made without a seal: this machine holds none of its body's."""
    return tr(
        "注意：本机没有{body}的电子印章，另存的 OFD 文书未加盖电子印章，只是电子副本，不能代替盖章的纸质文书送达；"
        "须由系统管理员为该单位制作电子印章后再出具。"
    ).format(body=body)


def no_seal_text(bodies: tuple[str, ...], *, named: bool = True) -> str:
    """Said at set-up and when the 单位信息 is saved: the bodies whose papers go out as paper only."""
    if not named:
        count = tr("提示：{count} 个出具文书的单位在本机未设电子印章，其文书只出纸质文书（PDF），OFD 不加盖电子印章。")
        return count.format(count=len(bodies))
    return tr(
        "提示：以下 {count} 个出具文书的单位在本机未设电子印章，其文书只出纸质文书（PDF），另存的 OFD 不加盖电子印章，"
        "不能代替纸质文书送达；须由系统管理员为其制作电子印章：{bodies}"
    ).format(count=len(bodies), bodies=LIST_JOIN.join(bodies))


PROVINCE_PROBLEM = {
    ProvinceProblem.BAD_ENDPOINT: tr("省电子印章系统的地址须以 https:// 开头：签章请求不能明文传输"),
    ProvinceProblem.NO_ACCOUNT: tr("请填写省电子印章系统分配给本中心的账号"),
    ProvinceProblem.NO_SECRET: tr("本机没有省电子印章系统的密钥：请由系统管理员在本机设置"),
    ProvinceProblem.BAD_TIMEOUT: tr("超时秒数须在 1 到 30 之间"),
}

_WHY = {
    SealFault.NOT_SET: tr("本中心尚未设置省电子印章系统"),
    SealFault.SILENT: tr("省电子印章系统没有按时应答"),
    SealFault.MALFORMED: tr("省电子印章系统的应答无法识别"),
    SealFault.REFUSED: tr("省电子印章系统给出的印章或签名与本单位、本文书不符"),
    SealFault.UNTRUSTED: tr("省电子印章系统的印章不是本站点信任的制章机构制作的，须由系统管理员登记其根证书"),
}


def seal_not_taken_text(fault: SealFault, body: str) -> str:
    """Said when a body's seal could not be taken from the province: nothing was kept, its papers are as before."""
    return tr("未能从省电子印章系统取用{body}的电子印章：{why}。本机的印章设置没有改变。").format(
        body=body, why=_WHY[fault]
    )


def province_unsealed_text(fault: str, body: str) -> str:
    """Said when a paper's OFD was made unsealed because the province's system did not seal it: the paper itself
    is printed as ever, and the OFD is sealed at its next print."""
    why = _WHY[SealFault(fault)] if fault in {f.value for f in SealFault} else _WHY[SealFault.SILENT]
    return tr(
        "注意：{why}，另存的 OFD 文书未加盖{body}的电子印章，只是电子副本，不能代替盖章的纸质文书送达；"
        "纸质文书照常打印，再次打印时会重新请求盖章。"
    ).format(why=why, body=body)
