"""The words of the audit trail: what a verification found wrong."""

from __future__ import annotations

from counter.audit.chain import ChainAlg
from counter.audit.setting_state import SettingKind
from counter.audit.state import MismatchCode, RowMismatch, SubjectKind
from counter.audit.verify import AlgSpan, RestoreNote, TrailProblem, TrailProblemCode
from counter.words.punctuation import CLAUSE_JOIN
from counter.words.translate import tr

TRAIL_PROBLEM = {
    TrailProblemCode.EDITED: tr("记录内容与其哈希值不符：记录被改动过"),
    TrailProblemCode.BROKEN_LINK: tr("记录所接的前一条哈希与前一条记录不符：链条在此断开"),
    TrailProblemCode.MISSING_ENTRIES: tr("记录缺失：被删除"),
    TrailProblemCode.DUPLICATE_SEQ: tr("序号与前一条记录重复"),
    TrailProblemCode.WRONG_CHAIN: tr("记录的站点和窗口与所在的链不符"),
    TrailProblemCode.MISSING_TAIL: tr("链末尾的记录缺失：链头记载的记录比现存的多，末尾记录被删除"),
    TrailProblemCode.HEAD_MISMATCH: tr("链头记载的最后一条哈希与最后一条记录不符"),
    TrailProblemCode.PAST_HEAD: tr("链头记载的最后一条之后还有记录：不是本程序写入的"),
    TrailProblemCode.NO_HEAD: tr("这条链没有链头：无法确认末尾记录是否完整"),
    TrailProblemCode.NO_ENTRIES: tr("链头记载有记录，但这条链的记录全部缺失"),
    TrailProblemCode.SEAL_BROKEN: tr("与签名封签不符：这一段中有记录在封存后被改写（其后的哈希被重新计算过）"),
    TrailProblemCode.DOWNGRADED: tr(
        "前面的记录用 HMAC-SM3 串链，这里又回到 SHA-256：记录被没有审计密钥的人改写过，或写入它的电脑上没有审计密钥"
    ),
    TrailProblemCode.UNKNOWN_ALG: tr("记录所标的串链算法本程序不认识：记录被改动过"),
}

ALG_NAME = {
    ChainAlg.SHA256: "SHA-256",
    ChainAlg.HMAC_SM3: "HMAC-SM3",
}

RESTORE_NOTE = tr(
    "本机恢复过较早的备份，审计日志回到第 {back_to} 号封签：第 {first} 至 {last} 号封签随备份恢复撤回，不是被删除"
)
PEER_RESTORE_NOTE = tr(
    "站点 {site} 恢复过较早的备份：第 {no} 号封签大厅保存了两个，后一个是恢复之后重新封存的（该站点签名说明），不是改写"
)
SEAL_SET_ASIDE = tr("已搁置站点 {site} 第 {no} 号封签的这一行：已记入审计日志，校验不再列出")
SEAL_ALREADY_ASIDE = tr("站点 {site} 第 {no} 号封签的这一行早已搁置")
SEAL_NOT_HELD = tr("大厅没有保存这一行封签：请核对站点代码、封签号和摘要")
SEAL_SIGNED_KEPT = tr("这一行是该站点用登记的密钥签名的封签，不能搁置")

SUBJECT_KIND = {
    SubjectKind.CASE: tr("办件"),
    SubjectKind.RATING: tr("评价"),
    SubjectKind.ACCOUNT: tr("账号"),
}

MISMATCH = {
    MismatchCode.CHANGED: tr("与审计日志最后记载的不符：未经本程序被改动"),
    MismatchCode.DELETED: tr("审计日志中有记载，但已被删除"),
    MismatchCode.UNRECORDED: tr("审计日志中没有任何记载：不是经本程序写入的"),
    MismatchCode.STATUS_OFF_HISTORY: tr("办件状态与其办理记录最后一条不符：状态未经本程序被改动"),
    MismatchCode.QUEUE_OFF_HISTORY: tr("部门待办队列中的事项与办件的办理记录不符：队列未经本程序被改动"),
}


SETTING_KIND = {
    SettingKind.SITE: tr("本站点"),
    SettingKind.PEER: tr("对端站点"),
    SettingKind.SETTING: tr("设置"),
}
# the fields of this site's identity, as a foreign row of kind "site" names them
SITE_FIELD = {
    "code": tr("站点编码"),
    "name": tr("站点名称"),
    "kind": tr("站点类型"),
    "fingerprint": tr("站点密钥"),
}


def foreign_row_text(kind: str, key: str, code: str) -> str:
    """A row the trail does not account for (a backup's): which one and what is wrong, as a mismatch is worded."""
    named: dict[str, str] = {k.value: v for k, v in (*SUBJECT_KIND.items(), *SETTING_KIND.items())}
    shown = SITE_FIELD.get(key, key) if kind == SettingKind.SITE.value else key
    return tr("{kind} {key}：{problem}").format(
        kind=named.get(kind, kind), key=shown, problem=MISMATCH.get(MismatchCode(code), code)
    )


def mismatch_text(mismatch: RowMismatch) -> str:
    """A case, rating or account that is not as the trail says: which one and what is wrong."""
    return tr("{kind} {key}：{problem}").format(
        kind=SUBJECT_KIND[mismatch.kind], key=mismatch.key, problem=MISMATCH[mismatch.code]
    )


def seal_state_text(seals: int, unsealed: int, fingerprint: str) -> str:
    """How far the seals reach: how many, checked against which key, how many entries are not yet sealed."""
    if seals == 0:
        return tr("尚无签名封签：{unsealed} 条记录未封存（在保存站点密钥的电脑上运行 counter audit seal）。").format(
            unsealed=unsealed
        )
    text = tr("签名封签 {seals} 个，用公钥指纹 {fingerprint} 校验；最后一次封存之后尚未封存的记录 {unsealed} 条。")
    return text.format(seals=seals, fingerprint=fingerprint or tr("（无）"), unsealed=unsealed)


#: what is wrong with one seal (number ``no``; ``last`` the end of a range)
SEAL_PROBLEM = {
    TrailProblemCode.SEAL_FORGED: tr("第 {no} 号封签的签名不是本站点密钥所签：封签是伪造的"),
    TrailProblemCode.SEAL_REVOKED: tr("第 {no} 号封签由本站点已停用的旧密钥签署，签署时间在停用或吊销之后：不能采信"),
    TrailProblemCode.SEAL_BACKDATED: tr("第 {no} 号封签的时间早于它前面的封签：封存时电脑时钟被调回，或封签是伪造的"),
    TrailProblemCode.SEAL_DOWNGRADED: tr(
        "第 {no} 号封签以 SHA-256 摘要接续，而它前面已有以 SM3 摘要接续的封签：不是本程序所封，或是有人退回了较弱的算法"
    ),
    TrailProblemCode.SEAL_ANCHOR: tr("第 {no} 号封签与本机密钥旁保存的封签记录不符：封签在数据库中被删除或替换"),
    TrailProblemCode.SEAL_ANCHORS_UNREADABLE: tr(
        "本机密钥旁保存的封签记录读不了（被同名文件夹占了位置、无权读取或文件过大）：封签未能与它核对，"
        "数据库中的封签是否被删除或替换无从得知"
    ),
    TrailProblemCode.SEAL_MISSING: tr("第 {no} 至 {last} 号封签缺失：被删除或替换"),
    TrailProblemCode.SEAL_KEY: tr("本机的站点密钥文件与数据库中登记的站点公钥不符：数据库中的公钥被替换过"),
    TrailProblemCode.SEAL_SENT: tr(
        "第 {no} 号封签已报送大厅，但本机的这个封签被删除或改写：它封存的评价、作废和办件记录已报送大厅，不能删除或修改"
    ),
    TrailProblemCode.PEER_SEAL_TWO: tr(
        "站点 {site} 报送了两个不同的第 {no} 号封签：该站点在报送后改写了已封存的审计记录（例如删除了评价或作废）"
    ),
    TrailProblemCode.PEER_SEAL_LINK: tr(
        "站点 {site} 的第 {no} 号封签没有接上大厅保存的前一个封签：该站点的封签在报送后被重做过"
    ),
    TrailProblemCode.PEER_SEAL_DOWNGRADED: tr(
        "站点 {site} 的第 {no} 号封签以 SHA-256 摘要接续，而该站点此前报送的封签已以 SM3 摘要接续："
        "不是该站点的程序所封，或是有人退回了较弱的算法"
    ),
    TrailProblemCode.PEER_SEAL_UNSIGNED: tr(
        "大厅保存的站点 {site} 第 {no} 号封签（摘要 {digest}）不是该站点用登记的密钥签名的："
        "这一行是有人写进本厅数据库的，不能说明该站点改写了审计记录；查明后由管理员将这一行搁置"
    ),
}


#: an account or setting whose mark under the trail key does not hold (keyed by the table the problem names)
ROW_MARK_PROBLEM = {
    "account": tr("账号 {name} 与其 HMAC-SM3 校验值不符：这一行（角色、部门、口令或停用状态）在数据库中被直接改动过"),
    "setting": tr("设置 {name} 与其 HMAC-SM3 校验值不符：这一行在数据库中被直接改动过"),
}


def trail_problem_text(problem: TrailProblem) -> str:
    """One problem of the trail: which chain (site-desk), which entry or entries, what is wrong."""
    if problem.code is TrailProblemCode.ROW_MARK:
        table, _, name = problem.chain.partition(":")
        return ROW_MARK_PROBLEM.get(table, ROW_MARK_PROBLEM["setting"]).format(name=name)
    if problem.code in SEAL_PROBLEM:
        return SEAL_PROBLEM[problem.code].format(
            no=problem.seq, last=problem.last, site=problem.chain, digest=problem.digest[:16]
        )
    if problem.last == problem.seq:
        where = tr("第{seq}条").format(seq=problem.seq)
    else:
        where = tr("第{seq}至{last}条").format(seq=problem.seq, last=problem.last)
    return tr("链 {chain} {where}：{problem}").format(
        chain=problem.chain, where=where, problem=TRAIL_PROBLEM[problem.code]
    )


def restore_note_text(note: RestoreNote) -> str:
    """A restore this machine recorded, as ``audit verify`` names it beside its findings."""
    return RESTORE_NOTE.format(back_to=note.back_to, first=note.first, last=note.last)


def unmarked_rows_text(unmarked: int) -> str | None:
    """The accounts and settings this machine could not check by their marks: none written where the key was."""
    if unmarked <= 0:
        return None
    return tr("账号和设置中有 {count} 行没有 HMAC-SM3 校验值（在没有审计密钥的电脑上写入），未能按校验值核对").format(
        count=unmarked
    )


def alg_spans_text(spans: tuple[AlgSpan, ...], unchecked: int) -> list[str]:
    """Each chain's runs of entries by algorithm, one line a chain, and the entries this machine could not check;
    nothing for a trail all under SHA-256 (every trail before the trail key), which its ``--json`` still lists."""
    if all(span.alg is ChainAlg.SHA256 for span in spans) and not unchecked:
        return []
    by_chain: dict[str, list[str]] = {}
    for span in spans:
        where = tr("第{first}至{last}条").format(first=span.first, last=span.last)
        by_chain.setdefault(span.chain, []).append(f"{where} {ALG_NAME[span.alg]}")
    lines = [
        tr("链 {chain} 的串链算法：{spans}").format(chain=c, spans=CLAUSE_JOIN.join(s)) for c, s in by_chain.items()
    ]
    if unchecked:
        lines.append(
            tr("用 HMAC-SM3 串链的记录 {count} 条未在本机校验：本机没有审计密钥（在保存站点密钥的电脑上校验）").format(
                count=unchecked
            )
        )
    return lines
