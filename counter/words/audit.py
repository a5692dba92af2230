"""The words of the audit trail: what a verification found wrong."""

from __future__ import annotations

from counter.audit.verify import TrailProblem, TrailProblemCode
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
}


def trail_problem_text(problem: TrailProblem) -> str:
    """One problem of the trail: which chain (site-desk), which entry or entries, what is wrong."""
    if problem.last == problem.seq:
        where = tr("第{seq}条").format(seq=problem.seq)
    else:
        where = tr("第{seq}至{last}条").format(seq=problem.seq, last=problem.last)
    return tr("链 {chain} {where}：{problem}").format(
        chain=problem.chain, where=where, problem=TRAIL_PROBLEM[problem.code]
    )
