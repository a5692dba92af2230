"""What ``counter site seal-anchor`` says of the certificates trusted to make seals: why one is refused, and each
anchor's subject, validity and fingerprint.  The administrator reads it; the reader's own detail is in the log."""

from __future__ import annotations

from counter.case.moments import minute_text
from counter.seals.anchors import Anchor, AnchorProblem
from counter.words.punctuation import CLAUSE_JOIN
from counter.words.translate import tr

ANCHOR_PROBLEM = {
    AnchorProblem.NOT_CERTIFICATE: tr("所给文件不是证书"),
    AnchorProblem.NOT_SM2: tr("这是证书，但不是国密（SM2）证书：电子印章不会由它签发"),
    AnchorProblem.NOT_CA: tr("这不是可以签发证书的根证书：信任的须是制章机构的根证书，不是某个单位的签章证书"),
    AnchorProblem.EXPIRED: tr("证书已过有效期"),
    AnchorProblem.NOT_YET_VALID: tr("证书尚未到生效时间"),
    AnchorProblem.BAD_SIGNATURE: tr("证书自身的签名不对：文件可能已损坏或被改动"),
    AnchorProblem.UNKNOWN: tr("本机没有这个名称的信任证书：名称以信任证书列表所示为准"),
    AnchorProblem.OWN_CA: tr("本站点自己的制章根证书不能删除：本站点制作的电子印章都由它签发"),
    AnchorProblem.TRAINING: tr("培训数据库不能更改信任证书：证书存在本机，正式使用时核验文书用的也是它们"),
}
ANCHOR_REFUSED = tr("信任证书未作改动：{problems}。")
ANCHOR_ADDED = tr("已加入信任证书 {name}：")
ANCHOR_REMOVED = tr("已删除信任证书 {name}。")
ANCHOR_LINE = tr("{name}  {subject}（{organisation}）  签发者：{issuer}  有效期 {start} 至 {end}")
ANCHOR_OWN = tr("（本站点的制章根证书）")
ANCHOR_FINGERPRINT = tr("    SHA-256 指纹：{fingerprint}")
ANCHOR_UNREAD = tr("{name}  无法读取（不是国密证书，或不是本程序能读的格式），不起信任作用：请删除后重新加入")
ANCHOR_NONE = tr("本机没有信任证书。")
ANCHOR_HERE = tr("信任证书只在本机（或本窗口连接的服务器）上起作用；其他校验文书的电脑须各自加入。")


def anchor_lines(anchor: Anchor) -> list[str]:
    """An anchor as two lines: who it is and how long it holds, then its fingerprint to compare with the issuer's."""
    line = ANCHOR_LINE.format(
        name=anchor.name, subject=anchor.subject, organisation=anchor.organisation or "-", issuer=anchor.issuer,
        start=minute_text(anchor.not_before), end=minute_text(anchor.not_after),
    )  # fmt: skip
    return [line + (ANCHOR_OWN if anchor.own else ""), ANCHOR_FINGERPRINT.format(fingerprint=anchor.fingerprint)]


def refused_text(problems: tuple[AnchorProblem, ...]) -> str:
    return ANCHOR_REFUSED.format(problems=CLAUSE_JOIN.join(ANCHOR_PROBLEM[p] for p in problems))
