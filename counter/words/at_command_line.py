"""What the command line says where the window says less: the commands and files support acts on.

A clerk's window names whom to call (:mod:`counter.words.database`, :mod:`counter.words.host`); the command line is
support's, and its sentences name the command to run, the option to give and the file concerned.  Nothing under
``counter/ui`` imports this module (``tests/ui/test_clerk_words.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from counter.resources import MissingResource
from counter.words import database, host
from counter.words.translate import tr

# DbFault values whose command-line sentence names a command, a setting or a file
DB_FAULT_AT_COMMAND_LINE = {
    "damaged": tr("数据库文件已损坏。请立即联系运维人员，用最近的备份恢复（counter restore）"),
    "not_permitted": tr(
        "窗口连接数据库所用的角色无权做这项修改：账号、本站点、对端站点和设置只能由管理员用数据库所有者的登录"
        "（运行 counter db upgrade 的那个）在命令行修改，见运维手册“大厅的 PostgreSQL”"
    ),
    "plain_connection": tr(
        "数据库地址没有要求加密并核对服务器证书（sslmode=verify-full），窗口拒绝以明文连接大厅的数据库服务器。"
        "请按运维手册在地址后加上 ?sslmode=verify-full&sslrootcert=大厅CA证书；"
        "只有在受信任的网络里，才可设置环境变量 COUNTER_DB_TRUSTED_NETWORK=1 允许明文连接"
    ),
    "certificate": tr(
        "数据库服务器出示的证书不是大厅 CA 签发的，或与所连的服务器名不符：窗口拒绝连接（可能连到了冒充的服务器）。"
        "请联系运维人员核对地址中的服务器名和 sslrootcert 所指的大厅 CA 证书"
    ),
    "login_refused": tr(
        "数据库服务器拒绝了登录：数据库地址里的用户名或密码不对，或 pg_hba.conf 不允许从这台电脑以此身份登录。"
        "请核对数据库地址（服务端的在 /etc/counter/serve.env）和运维手册“大厅的 PostgreSQL”一节"
    ),
    "ca_file": tr(
        "读不了数据库地址里 sslrootcert 所指的大厅 CA 证书文件：文件不存在，或本系统账号没有读它的权限"
        "（证书是在只许本人读的设置下生成或复制的）。没有连接服务器，也没有做任何改动。"
        "请运维人员把大厅 CA 证书放到地址所写的位置，并设为所有账号可读（见运维手册“大厅自己的证书”）"
    ),
    "data_key": tr(
        "本站的数据密钥文件已损坏或缺失（密钥目录中的 site-data-sm4-<编号>.key 或 site-data-index-sm3.key："
        "被截短、无权读取、被同名文件夹占了位置，或两种密钥只剩一种），本次操作未执行（没有保存、打印或导出任何东西），数据库没有任何改动；"
        "是哪个文件、什么问题，已写入日志。请用另行备份的密钥目录把该文件恢复原样"
        "（见 docs/commercial-crypto.md“个人信息加密存储”）；不要删掉它让程序另建：已加密的信息只有原来的密钥能打开"
    ),
    "row_altered": tr(
        "要修改的记录与审计日志最后记载的不符（可能被人绕过本程序直接改动过），本次操作未执行。"
        "请系统管理员运行 counter audit verify 核查"
    ),
    "schema_behind": tr(
        "数据库的结构比本程序旧，窗口连接所用的角色无权升级它：大厅的数据库服务器要先于各窗口升级。"
        "请管理员用数据库所有者的登录运行 counter db upgrade（见运维手册“六、升级”），再启动窗口"
    ),
    "unsupported_server": tr(
        "数据库服务器是 {server}，不是本程序能用的 PostgreSQL 12 或更新版本：它缺少本程序的数据库结构要用的功能"
        "（见 docs/domestic-databases.md），窗口不使用它，也没有在它上面做任何改动。"
        "请联系运维人员，把数据库地址改为大厅的 PostgreSQL 服务器"
    ),
    "upgrade_blocked": tr(
        "数据库升级没有进行，数据库没有任何改动：要修改的表正被其他连接占用，等到时限（--lock-timeout）仍未释放。"
        "多半是还有窗口程序开着，或短信发送、审计封存、备份正在运行。"
        "请先关闭所有窗口、停止这些服务（见运维手册“六、升级”），再运行 counter db upgrade"
    ),
}


def fault_text(fault: str, server: str = "") -> str:
    """Why the database refused (a ``DbFault`` value), with the command or setting that puts it right."""
    sentence = DB_FAULT_AT_COMMAND_LINE.get(fault)
    return sentence.format(server=server) if sentence is not None else database.fault_text(fault, server)


NUMBERS_BEHIND = tr(
    "不能受理：数据库中缺少本窗口已发出的编号（最后发出的是 {number}），继续编号可能与已打印给群众的编号重复。"
    "数据库可能丢失了最近的办件（日志文件损坏或恢复了较早的备份）。"
    "请停止在本窗口收件，联系运维人员核对并用最近的备份恢复（counter restore）；"
    "核对后由管理员运行 counter db numbers --skip-issued，从已发出的编号之后继续编号。"
)
NUMBERS_BEHIND_DOCUMENT = tr(
    "不能出具文书：数据库中缺少本窗口已发出的文书编号（最后发出的是 {number}），"
    "继续编号可能与已打印给群众的文书编号重复。"
    "数据库可能丢失了最近的记录（日志文件损坏或恢复了较早的备份）。"
    "请联系运维人员核对并用最近的备份恢复（counter restore）；"
    "核对后由管理员运行 counter db numbers --skip-issued，从已发出的编号之后继续编号。"
)
NOTE_PROBLEM = tr(
    "本机记录本窗口已发出编号的文件{fault}：{path}。"
    "没有这份记录，数据库若丢失了最近的办件（日志文件损坏或恢复了较早的备份），本窗口会再次发出已打印给群众的编号。"
    "请联系运维人员运行 counter db numbers --check 查看；"
    "运维人员核对本窗口最后打印的受理凭证、文书编号不大于数据库中的编号后，"
    "由管理员运行 counter db numbers --renote，按数据库重建这份记录（原文件会保留在旁边）。"
)


def note_problem_text(where: str, note: str) -> str:
    """What is wrong with the note of issued numbers (``where`` is ``note_`` and a NoteFault value), the file and
    the commands that put it right."""
    return NOTE_PROBLEM.format(fault=database.NOTE_FAULT[where.removeprefix("note_")], path=note)


def numbers_behind_text(number: str, where: str = "records", note: str = "") -> str:
    """:func:`counter.words.database.numbers_behind_text`, with the commands support runs."""
    if where.removeprefix("note_") in database.NOTE_FAULT:
        return database.NUMBERS_STOPPED + note_problem_text(where, note)
    return NUMBERS_BEHIND.format(number=number)


def document_numbers_behind_text(number: str, where: str = "records", note: str = "") -> str:
    """:func:`counter.words.database.document_numbers_behind_text`, with the commands support runs."""
    if where.removeprefix("note_") in database.NOTE_FAULT:
        return database.DOCUMENTS_STOPPED + note_problem_text(where, note)
    return NUMBERS_BEHIND_DOCUMENT.format(number=number)


NOT_AN_ADDRESS = tr("应为数据库地址，不是文件路径：SQLite 文件写作 sqlite:///{path}")
VARIABLE_NOT_AN_ADDRESS = tr("环境变量 {variable} 应为数据库地址，不是文件路径：SQLite 文件写作 sqlite:///{path}")


HOSTS_AFTER_AT = tr(
    "数据库地址里的几台数据库要各写一个 host= 参数：postgresql+psycopg://角色:密码@/counter?host=名字:端口&host=名字:端口"
    "&target_session_attrs=read-write（运维手册五、第 12 步），不能在 @ 后面用逗号隔开"
)
VARIABLE_HOSTS_AFTER_AT = tr(
    "环境变量 {variable} 的数据库地址里的几台数据库要各写一个 host= 参数：postgresql+psycopg://角色:密码@/counter?host=名字:端口"
    "&host=名字:端口&target_session_attrs=read-write（运维手册五、第 12 步），不能在 @ 后面用逗号隔开"
)


def not_an_address_text(given: str, variable: str = "") -> str:
    """Why a file's path named for the database is refused, with the address it would be: after the option's own name
    (argparse's ``参数 --db：``) for ``--db``, with the variable's (``COUNTER_DB_URL``) otherwise.  An address refused
    (``checked_address``) was one naming a database pair's nodes libpq's way: said with the form to write, never
    with the address, which holds the password."""
    if "://" in given:
        return VARIABLE_HOSTS_AFTER_AT.format(variable=variable) if variable else HOSTS_AFTER_AT
    if variable:
        return VARIABLE_NOT_AN_ADDRESS.format(variable=variable, path=given)
    return NOT_AN_ADDRESS.format(path=given)


DATABASE_MISSING = tr("找不到数据库文件：{path}")
DATABASE_FOLDER_MISSING = tr("它所在的文件夹 {folder} 也不存在：存放数据的网络共享盘或移动硬盘可能没有连接。")
DATABASE_MISSING_HELP = tr("请联系运维人员：重新连接共享盘，或用最近的备份恢复（counter restore）。")
DATABASE_MISSING_SETUP = tr("如果这是新设置的数据库，请先运行：counter db upgrade --db {url}")
DATABASE_READ_ONLY = tr(
    "数据库文件是只读的，程序无法写入：{path}（文件、它所在的文件夹或存储介质不允许写入）。文件本身没有损坏，不需要恢复备份。请联系运维人员检查权限或挂载方式。"
)


def database_missing_text(path: str, folder_missing: bool, made_at: str) -> str:
    """Why a missing database is not opened, the file and its folder named, and, where it was never made here, the
    command that makes one."""
    lines = [DATABASE_MISSING.format(path=path)]
    if folder_missing:
        lines.append(DATABASE_FOLDER_MISSING.format(folder=str(Path(path).parent)))
    if made_at:
        lines.append(database.was_here_text(made_at))
    lines.append(DATABASE_MISSING_HELP)
    if not made_at:
        lines.append(DATABASE_MISSING_SETUP.format(url=f"sqlite:///{path}"))
    return "\n".join(lines)


def database_read_only_text(path: str) -> str:
    return DATABASE_READ_ONLY.format(path=path)


RESOURCES_INCOMPLETE = tr("程序安装不完整，无法启动。缺少：\n{lines}\n请重新安装 counter，或联系技术支持。")
RESOURCE_LACK = {
    "missing": tr("{what}不存在：{path}"),
    "unreadable": tr("{what}无法打开（{detail}）：{path}"),
    "empty": tr("{what}中没有目录文件（*.toml）：{path}"),
}


def missing_resources_text(missing: Sequence[MissingResource]) -> str:
    """Why the program does not start: each missing shipped file named, with where it was looked for."""
    lines = []
    for item in missing:
        lines.append(
            "  "
            + RESOURCE_LACK[item.lack.value].format(what=host.resource_what(item), path=item.path, detail=item.detail)
        )
    return RESOURCES_INCOMPLETE.format(lines="\n".join(lines))


def key_problem_at_command_line(problem: str, path: Path, encryption: bool = False) -> str:
    """Why the site's key file cannot sign (or open packages), with the file itself: support looks at it."""
    from counter.words.sites import key_problem_text

    return tr("{problem}（密钥文件：{path}）").format(problem=key_problem_text(problem, path, encryption), path=path)
