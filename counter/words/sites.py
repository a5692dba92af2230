"""The words of sites and their signing keys: the kind of a site, and why a site card or a key is refused."""

from __future__ import annotations

from counter.words.translate import tr

# Keyed by the codes' values: counter.sync.sites.SiteKind and SiteProblem, counter.sync.keys.KeyProblem.

# keyed by the suite a site card names (counter.sync.sites.SiteIdentity.suite): "" is today's
CARD_SUITE = {
    "": tr("名片所示数据包算法：现有算法（Ed25519 签名，X25519 密钥协商，ChaCha20-Poly1305 加密，SHA-256）"),
    "sm2enc-sm4gcm+sm2sm3": tr("名片所示数据包算法：国密算法（SM2 签名和密钥封装，SM4-GCM 加密，SM3 杂凑）"),
}
SITE_KIND = {"hall": tr("政务服务中心"), "township": tr("苏木乡镇便民服务中心"), "league": tr("盟级政务服务中心")}
SITE_PROBLEM = {
    "code_format": tr("站点编码应为 2-12 位大写字母或数字：{code}"),
    "name_missing": tr("请填写站点名称"),
    "name_too_long": tr("站点名称不能超过 100 个字"),
    "kind_unknown": tr("站点类型只能是政务服务中心、苏木乡镇便民服务中心或盟级政务服务中心"),
    "kind_missing": tr("请选择站点类型：大厅（政务服务中心）或乡镇（苏木）便民服务中心"),
    "key_format": tr("公钥格式不正确：应为 32 字节公钥的 Base64 文本"),
    "own_code": tr("{code} 是本站点自己的编码，不能登记为对方站点"),
    "not_a_card": tr("这不是站点名片文件"),
    "old_card": tr("这是旧版站点名片，没有加密公钥：请对方升级程序后重新导出名片"),
    "fingerprint_mismatch": tr("名片上的指纹与其中的公钥不符：文件可能在传递中被改动，请向对方重新索取名片"),
    "office_missing": tr(
        "请填写单位的印章名称、地址、办理时间、咨询电话、投诉电话和行政复议机关：本站点的文书都印这些"
    ),
    "desk_no_format": tr("窗口号应为1至9999的整数，不以0开头"),
    "county_format": tr("旗县市区代码应为 6 位行政区划代码（如乌兰浩特市 152201）"),
    "clerk_missing": tr("请填写本窗口工作人员的姓名：受理凭证、办件记录和评价器上都印这个姓名"),
    "clerk_name": tr(
        "工作人员姓名应是本人的姓名：不能是职务名称（如“工作人员”“管理员”），不能含看不见的字符，不能过长"
    ),
}
# the key files' places are named in the log, not in these sentences (the window shows them)
KEY_PROBLEM = {
    "missing": tr("本机没有本站点的签名密钥文件。请在保存本站点签名密钥的那台电脑上操作，或联系系统管理员。"),
    "unreadable": tr("无法读取本站点的签名密钥文件。请联系系统管理员。"),
    "not_a_key": tr("本站点的签名密钥文件不可用（已损坏或被替换）。请勿删除，先联系系统管理员。"),
    "wrong_type": tr("本站点的签名密钥文件中不是签名密钥。请勿删除，先联系系统管理员。"),
    "other_site": tr("本机的签名密钥与本站点登记的公钥不符：请在保存本站点签名密钥的那台电脑上操作。"),
}
ENCRYPTION_KEY_PROBLEM = {
    "missing": tr("本机没有本站点的解密密钥文件。请在保存本站点密钥的那台电脑上导入数据包。"),
    "unreadable": tr("无法读取本站点的解密密钥文件。请联系系统管理员。"),
    "not_a_key": tr("本站点的解密密钥文件不可用（已损坏或被替换）。请勿删除，先联系系统管理员。"),
    "wrong_type": tr("本站点的解密密钥文件中不是解密密钥。请勿删除，先联系系统管理员。"),
    "other_site": tr("本机的解密密钥与本站点名片上的公钥不符：请在保存本站点密钥的那台电脑上操作。"),
}

# Keyed by counter.sync.site_view.PeerChange: what registering a site's card changed.
PEER_CHANGE = {
    "new": tr("已登记站点 {code}，今后接受其签名的数据包。"),
    "same_key": tr("已更新站点 {code} 的登记，公钥未变。"),
    "new_key": tr("已更新站点 {code} 的登记：原公钥（指纹 {old}）已换为名片上的新公钥。"),
}
STORED_KEYS_CHANGED = tr(
    "数据库中保存的本站点公钥与本机的密钥文件不符：数据库中的公钥已被改动。"
    "上面的指纹按本机密钥文件计算。请联系技术支持。"
)
CARD_REFUSED_KEYS_CHANGED = tr(
    "名片未导出：数据库中保存的本站点公钥与本机的密钥文件不符，数据库中的公钥已被改动，"
    "这样的名片会让对方把数据发给改动者。请联系技术支持。"
)
FINGERPRINT_DIFFERS = tr("未登记：对方告知的指纹 {given} 与名片上的 {fingerprint} 不符。请向对方重新索取名片。")


def peer_change_text(change: str, code: str, old: str = "") -> str:
    return PEER_CHANGE[change].format(code=code, old=old)


def site_problem_text(problem: str, code: str = "") -> str:
    return SITE_PROBLEM[problem].format(code=code)


def key_problem_text(problem: str, path: object, encryption: bool = False) -> str:
    """Why the key file at ``path`` cannot sign (or open packages), and what to do; the file's place is the log's
    and support's, not the clerk's screen.

    Never to delete a damaged key first: it may be the only copy.
    """
    return (ENCRYPTION_KEY_PROBLEM if encryption else KEY_PROBLEM)[problem].format(path=path)


OTHER_SERIES_TITLE = tr("本窗口暂停收件：站点代码与本数据库不符")
OTHER_SERIES = tr(
    "本窗口设置的站点代码是 {desk}，但本数据库属于站点 {site}：不能用其他站点的编号收件，否则会与该站点的办件编号"
    "重复。请由管理员把本窗口的站点代码改回 {site}，再重新启动。"
)
