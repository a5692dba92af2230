"""The words of the reports to the region's platform for the command line: the events' kinds and states, the
connection's settings and problems, and the lines of the sender and the failed list."""

from __future__ import annotations

from counter.platform.code_lists import no_code_of, unchosen_of
from counter.platform.events import WITHHELD_PREFIX, PlatformKind, WithheldWhy
from counter.platform.mapping import missing_of
from counter.platform.settings import PlatformProblem
from counter.sms.outbox import MessageState
from counter.words.channel_problems import channel_problem
from counter.words.messages import KIND_UNKNOWN
from counter.words.punctuation import ASIDE, LIST_JOIN
from counter.words.ratings import RATING_CHANNEL, RATING_LEVEL
from counter.words.translate import tr

PLATFORM_KIND = {
    PlatformKind.ACCEPTED: tr("受理"),
    PlatformKind.RECEIVED: tr("收件"),
    PlatformKind.DEFERRED: tr("容缺受理"),
    PlatformKind.CORRECTION: tr("补正告知"),
    PlatformKind.REFUSED: tr("不予受理"),
    PlatformKind.ITEM_DECIDED: tr("事项办理决定"),
    PlatformKind.ITEM_ACCEPTED: tr("部门受理"),
    PlatformKind.COMPLETED: tr("办结"),
    PlatformKind.DELIVERED: tr("送达"),
    PlatformKind.RATED: tr("评价"),
    PlatformKind.REVISITED: tr("差评回访"),
    PlatformKind.RECTIFIED: tr("差评整改"),
    PlatformKind.FED_BACK: tr("整改反馈"),
    PlatformKind.RATING_VOIDED: tr("评价申诉作废"),
    PlatformKind.LICENCE_ISSUED: tr("电子证照"),
    PlatformKind.WITHDRAWN: tr("撤回"),
    PlatformKind.VOIDED: tr("作废"),
    PlatformKind.LICENCE_VOIDED: tr("电子证照作废"),
    PlatformKind.LAPSED: tr("补正不来办结"),
    PlatformKind.SPECIAL_PROCEDURE: tr("特别程序"),
}


def platform_kind(kind: PlatformKind | str) -> str:
    """An event's kind in words; one this version does not know (a newer version's row) as such."""
    return PLATFORM_KIND[kind] if isinstance(kind, PlatformKind) else KIND_UNKNOWN


PLATFORM_STATE = {
    MessageState.WAITING: tr("待上报"),
    MessageState.SENDING: tr("上报中"),
    MessageState.SENT: tr("已上报"),
    MessageState.FAILED: tr("上报失败"),
}
PLATFORM_PROBLEM = {
    PlatformProblem.BAD_ENDPOINT: tr(
        "平台接口地址须以 https:// 开头：用明文的 http://，办件和评价数据、申请人的证件号码会在网络上被人看到"
    ),
    PlatformProblem.NO_ACCOUNT: tr("缺少平台接入账号"),
    PlatformProblem.NO_SECRET: tr("缺少平台接入密钥"),
    PlatformProblem.BAD_TIMEOUT: tr("超时须为 1 至 60 秒"),
    PlatformProblem.BAD_ATTEMPTS: tr("尝试次数须为 1 至 30"),
    PlatformProblem.BAD_MAPPING: tr("没有这个名称的数据项对照文件，或文件无法使用"),
    PlatformProblem.UNCHOSEN_CODING: tr(
        "以下代码表尚未选定编码，选定之前不上报、不导出评价：{lists}（各代码表的出处与可选编码见平台对接说明）"
    ),
    PlatformProblem.BAD_CODING: tr("对照文件中没有这些代码表或编码：{lists}"),
    PlatformProblem.BAD_DOWNLOAD_BASE: tr(
        "文书下载地址须以 https:// 开头：短信链接是申请人取回盖章文书的凭据，不能经明文的 http:// 传送"
    ),
    PlatformProblem.TRAINING: tr("培训数据库不向平台上报，不能开启上报：培训中的办件是虚构的，设置也不会保存"),
    PlatformProblem.GATEWAY_SECRET_TRAINING: tr(
        "培训数据库不能设置平台网关的共用密钥：密钥存在本机，是正式使用的服务端核对文书下载请求所用的那一份"
    ),
    PlatformProblem.SECRET_TRAINING: tr(
        "培训数据库不能设置平台接入密钥：密钥存在本机，是正式使用的数据库向平台上报所用的那一份"
    ),
    PlatformProblem.BAD_GATEWAY_SECRET: tr("平台网关的共用密钥中有空格、换行或控制字符：请按平台给出的密钥原样设置"),
}
#: ``--gateway-secret-from-env`` with no such variable in the environment
GATEWAY_SECRET_UNSET = tr(
    "没有找到平台网关的共用密钥：请先在环境变量中设置，再执行本命令；要删除密钥，请把该变量设为空值。密钥未作任何改动。"
)
DOWNLOAD_LINE = tr("短信链接送达：文书下载地址 {base}  平台网关共用密钥：{secret}")
IS_SET, NOT_SET = tr("已设置"), tr("未设置")


def download_line(base: str, secret_set: bool) -> str:
    """The SMS links' settings in a line: the download page's address and whether the gateway's secret is here, never
    the secret itself."""
    return DOWNLOAD_LINE.format(base=base or NOT_SET, secret=IS_SET if secret_set else NOT_SET)


def platform_problem(problem: PlatformProblem, lists: tuple[str, ...] = (), bad: tuple[str, ...] = ()) -> str:
    """A refused setting in words, naming the code lists it is of (``bad``: the choices the file does not have)."""
    return PLATFORM_PROBLEM[problem].format(
        lists=LIST_JOIN.join(bad if problem is PlatformProblem.BAD_CODING else lists)
    )


CODING_LINE = tr("{title}（{name}）：{chosen}  可选：{presets}")
CODING_UNCHOSEN = tr("未选定")
#: in place of the code lists' lines when the mapping file that holds them cannot be read (the reason in the log)
CODINGS_UNREAD = tr("数据项对照文件“{mapping}”无法读取，各代码表选定的编码未能列出。")
#: ``platform send`` refused where the site reports under a mapping file it cannot read (the reason in the log)
MAPPING_UNREAD = tr("数据项对照文件“{mapping}”无法读取，没有上报任何事件。")
RATINGS_EXPORT_CODINGS = tr("所用编码：{codings}")
RATINGS_EXPORT_UNCHOSEN = tr(
    "以下代码表尚未选定编码，不能导出评价：{lists}。请对接方用 counter platform settings --coding 代码表=编码 选定"
)
RATINGS_EXPORT_NO_CODE = tr("代码表“{list}”的编码 {preset} 没有“{value}”的代码，不能导出")


def export_no_code_text(title: str, preset: str, list_name: str, value: str) -> str:
    """:data:`RATINGS_EXPORT_NO_CODE`, the value by its name where the export's list has one for it (a 书面评价
    under a numbered 评价渠道 coding): the stored value (``written``) is the program's, not the reader's."""
    return RATINGS_EXPORT_NO_CODE.format(list=title, preset=preset, value=_value_name(list_name, value))


def _value_name(list_name: str, value: str) -> str:
    """A value a coding has no code for, by its name where the list is a rating's channel or level; else as stored."""
    return {"channel": RATING_CHANNEL, "level": RATING_LEVEL}.get(list_name, {}).get(value, value)


CODING_BAD_ARGUMENT = tr("须写成 名称=值，例如 --coding level=gbt39046：{text}")
PLATFORM_SENT = tr("已上报 {sent} 条，待重试 {waiting} 条，上报失败 {failed} 条。")
PLATFORM_STOPPING = tr("平台上报已停止。")
PLATFORM_NONE = tr("没有上报事件。")
PLATFORM_LINE = tr("{id}  {case_no}  {kind}  {state}  尝试 {attempts} 次  {error}")
PLATFORM_RETRIED = tr("上报事件 {id} 已重新排队。")
PLATFORM_NOT_FAILED = tr("没有编号为 {id} 的上报失败事件。")
PLATFORM_OFF = tr("本站点不向一体化政务服务平台上报。")
PLATFORM_VIA_HALL = tr("本站点上报，但不直接发送：事件经同步包由服务中心上报。")
PLATFORM_SETTINGS_LINE = tr(
    "平台接口：{endpoint}  账号：{account}  超时 {timeout} 秒  最多 {attempts} 次  对照文件：{mapping}  CA：{ca_file}"
)

# the supervision page's list of reports the platform would not take
REPORTS_TAB = tr("平台上报")
REPORTS_TITLE = tr("上报失败的事件（平台拒收、数据项不全或平台多次答复失败）")
REPORTS_NONE = tr("没有上报失败的事件。")
REPORTS_COLUMNS = (tr("编号"), tr("办件编号"), tr("事件"), tr("尝试次数"), tr("原因"))
REPORTS_RETRY = tr("重新上报")
REPORTS_RETRIED = tr("已重新排队：{count} 条")
REPORTS_READ = tr("暂时无法读取上报事件（{fault}）")

# why an event waits in the failed list without being sent (its stored reason, counter.platform.events.WithheldWhy)
WITHHELD = {
    WithheldWhy.SAMPLE_GUIDE: tr("依样例办事指南受理的办件不上报：样例中的事项编码只是示意，不是平台的编码"),
    WithheldWhy.NO_CODES: tr("办事指南中有事项缺少实施编码，不上报"),
    WithheldWhy.CASE_VOIDED: tr("办件已作废：其电子证照不上报"),
    WithheldWhy.LICENCE_REVOKED: tr("许可已撤销：其电子证照不上报"),
    WithheldWhy.NO_LICENCE: tr("该事项已不颁发证照，不上报"),
    WithheldWhy.DATA_KEY: tr(
        "本站的数据密钥已损坏或缺失，办件中的身份证号、电话打不开，没有上报。请联系运维人员恢复数据密钥后重新上报"
    ),
}
REPORT_MISSING = tr("缺少必填数据项：{elements}")
REPORT_NO_CODE = tr("代码表 {list}（{preset}）没有“{value}”的代码，不上报")
REPORT_UNCHOSEN = tr("代码表尚未选定编码：{lists}")


def report_problem(text: str) -> str:
    """Why an event failed, as the failed list shows it (the platform's and the 前置库's): the app's own reasons
    worded, the other system's words after them as they came
    (:func:`counter.words.channel_problems.channel_problem`)."""
    if text.startswith(WITHHELD_PREFIX):
        code, _, detail = text.removeprefix(WITHHELD_PREFIX).partition(" ")
        why = next((w for w in WithheldWhy if w.value == code), None)
        if why is not None:
            return ASIDE.format(text=WITHHELD[why], aside=detail) if detail else WITHHELD[why]
    missing = missing_of(text)
    if missing is not None:
        return REPORT_MISSING.format(elements=LIST_JOIN.join(missing))
    no_code = no_code_of(text)
    if no_code is not None:
        list_name, preset, value = no_code
        return REPORT_NO_CODE.format(list=list_name, preset=preset, value=_value_name(list_name, value))
    unchosen = unchosen_of(text)
    if unchosen is not None:
        return REPORT_UNCHOSEN.format(lists=LIST_JOIN.join(unchosen))
    return channel_problem(text)
