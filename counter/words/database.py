"""The words of the database's faults and of a refused restore, shown by both faces."""

from __future__ import annotations

from counter.backup.schema_diff import Change, Part, SchemaDifference
from counter.backup.sqlite_files import BackupProblem, ForeignRow
from counter.case.moments import written_minute_text
from counter.words.punctuation import CLAUSE_JOIN
from counter.words.translate import tr

# Keys are the values of counter.host.database.database_faults.DbFault: why the database refused, in the clerk's words:
# whom to call, never a command or a file (the command line says those: counter.words.at_command_line).
DB_FAULT = {
    "disk_full": tr("磁盘空间已满，数据库无法写入。请联系运维人员清理磁盘"),
    "read_only": tr("数据库文件是只读的（权限或存储介质的问题），无法写入。请联系运维人员"),
    "busy": tr("数据库正被其他窗口长时间占用，请稍后再试"),
    "locked": tr("另一窗口正在处理这条记录，本次操作没有完成，也没有保存任何改动。请稍后再试"),
    "too_slow": tr(
        "数据库这次查询超过了时限仍未完成，已被中止，没有保存任何改动。请稍后再试；如果一再出现，请联系运维人员检查数据库服务器"
    ),
    "idle_ended": tr(
        "本窗口与数据库的这次操作停顿太久，数据库已将其结束，没有保存任何改动。请再做一次；如果一再出现，请联系运维人员检查本机和网络"
    ),
    "damaged": tr("数据库文件已损坏。请立即联系运维人员，用最近的备份恢复"),
    "unreachable": tr("无法连接数据库"),
    "login_refused": tr("数据库服务器拒绝了登录：用户名或密码不对，或不允许从这台电脑登录。请联系运维人员"),
    "not_ready": tr(
        "数据库服务器正在启动、恢复或关闭，暂时不接受连接。请稍等一两分钟再试；如果一直如此，请联系运维人员查看服务器"
    ),
    "not_permitted": tr(
        "窗口连接数据库所用的角色无权做这项修改：账号、本站点、对端站点和设置只能由管理员用数据库所有者的登录修改。"
        "请联系系统管理员"
    ),
    "plain_connection": tr(
        "数据库地址没有要求加密并核对服务器证书，窗口拒绝以明文连接大厅的数据库服务器。"
        "请联系运维人员按运维手册设置数据库地址的加密方式"
    ),
    "certificate": tr(
        "数据库服务器出示的证书不是大厅 CA 签发的，或与所连的服务器名不符：窗口拒绝连接（可能连到了冒充的服务器）。"
        "请联系运维人员核对数据库地址中的服务器名和大厅 CA 证书"
    ),
    "ca_file": tr(
        "读不了数据库地址所指的大厅 CA 证书文件：文件不存在，或本系统账号没有读它的权限。"
        "没有连接服务器，也没有做任何改动。请联系运维人员（见运维手册“大厅自己的证书”）"
    ),
    "row_altered": tr(
        "要修改的记录与审计日志最后记载的不符（可能被人绕过本程序直接改动过），本次操作未执行。请系统管理员核查审计日志"
    ),
    "schema_behind": tr(
        "数据库的结构比本程序旧，窗口连接所用的角色无权升级它：大厅的数据库服务器要先于各窗口升级。"
        "请联系系统管理员升级数据库（见运维手册“六、升级”），再启动窗口"
    ),
    "unsupported_server": tr(
        "数据库服务器是 {server}，不是本程序能用的 PostgreSQL 12 或更新版本，窗口不使用它，也没有在它上面做任何改动。"
        "请联系运维人员，把数据库地址改为大厅的 PostgreSQL 服务器"
    ),
    "not_postgresql": tr(
        "数据库地址上的服务器不讲 PostgreSQL 的协议（例如达梦 DM，或者根本不是数据库），窗口连不上它，"
        "也没有在上面做任何改动。请联系运维人员核对数据库地址里的服务器名和端口（大厅的 PostgreSQL 默认是 5432）"
    ),
    "upgrade_blocked": tr(
        "数据库升级没有进行，数据库没有任何改动：要修改的表正被其他连接占用。"
        "请联系运维人员，关闭所有窗口、停止短信发送、审计封存和备份后再升级（见运维手册“六、升级”）"
    ),
    "data_key": tr(
        "本站用来加密身份证号、电话、地址的数据密钥已损坏或缺失，涉及这些信息的保存、查找、打印和导出现在都做不了，已有的办件没有任何改动。"
        "请立即联系运维人员，用另行备份的密钥恢复"
    ),
    "other": tr("数据库出了意外的问题，没有完成；详情已写入日志，如一再出现请联系运维人员"),
}

#: ``counter db grant-desk`` and ``db upgrade --desk-role``, retired: what a technician following an old manual does
DESK_ROLE_RETIRED = tr(
    "大厅已不再给窗口设数据库角色，本命令什么也没有做：各窗口经大厅服务端（counter serve）办理业务，"
    "数据库只接受服务端的角色和数据库管理员的连接。新装的大厅按运维手册“五、大厅的服务端和 PostgreSQL”设置；"
    "已有窗口角色（如 counter_desk）的大厅，按运维手册第五节“从窗口角色改为服务端”撤销它。"
    "升级数据库结构用 counter db upgrade（不带 --desk-role）"
)

#: ``counter db upgrade`` on a hall whose tables other roles than the owner (the server's) may still write
DESK_ROLES_LEFT = tr(
    "注意：除了服务端的角色，数据库里还有角色能直接读写这些表：{roles}。多半是旧手册给窗口设的角色。"
    "大厅的窗口现在只经服务端办理业务，拿到这个角色密码的人仍能绕过程序改数据库："
    "请按运维手册第五节“从窗口角色改为服务端”撤销它"
)


def fault_text(fault: str, server: str = "") -> str:
    """Why the database refused (a ``DbFault`` value), in the clerk's words: what it raised is the log's, in
    English, and never shown beside them.  ``server``: the server a desk reached, as it names itself, for the
    fault of a server this program does not use (``StoreFault.server``)."""
    return DB_FAULT[fault].format(server=server)


#: a database made before the first release (counter.host.database.database_faults.SchemaPreRelease); its revision is
#: the log's
SCHEMA_PRE_RELEASE = tr(
    "数据库由正式版本发布之前的试用程序建立，本程序不能打开，数据库未作任何改动。试用时的数据不能带入正式版本，请联系运维人员另建数据库。"
)

RESTORE_REFUSED = tr("未恢复，当前数据库没有任何改动：{reason}")
RESTORE_PROBLEM = {
    "missing": tr("找不到备份文件 {detail}"),
    "folder": tr("{detail} 是文件夹，不是备份文件：请指定其中的备份文件"),
    "not_sqlite": tr("该文件不是 SQLite 数据库文件"),
    "not_counter": tr("该文件不是本程序的数据库"),
    "newer": tr("该备份由更新版本的程序写入（结构版本 {detail}），本程序不能使用，请先升级程序"),
    "pre_release": tr(
        "该备份由正式版本发布之前的试用程序建立（结构版本 {detail}），本程序不能使用，试用时的数据不能带入正式版本"
    ),
    "damaged": tr("该备份文件已损坏（完整性检查未通过）"),
    "foreign_schema": tr("该文件的数据库结构与本程序在该结构版本下建立的不一致，可能被人改动过：{differences}"),
    "foreign_rows": tr(
        "该备份中有审计日志无法说明来历的记录，可能被人绕过本程序植入或改动过：{rows}。请核实备份的来源，改用其他备份"
    ),
}
# A schema difference, keyed by counter.backup.schema_diff's Part and Change.
SCHEMA_PART = {
    Part.TABLE: tr("表"),
    Part.COLUMN: tr("列"),
    Part.CONSTRAINT: tr("约束"),
    Part.FOREIGN_KEY: tr("外键"),
    Part.INDEX: tr("索引"),
    Part.TRIGGER: tr("触发器"),
    Part.VIEW: tr("视图"),
    Part.OTHER: tr("对象"),
}
SCHEMA_CHANGE = {
    Change.EXTRA: tr("多出{part} {name}"),
    Change.MISSING: tr("缺少{part} {name}"),
    Change.CHANGED: tr("{part} {name} 被改动"),
}
SCHEMA_DROPPED = tr("{part} {name} 被删除")  # a missing trigger, index or constraint: a guard taken away
_DROPPED_PARTS = frozenset({Part.TRIGGER, Part.INDEX, Part.CONSTRAINT, Part.FOREIGN_KEY})
RESTORE_FAILED = tr("恢复失败：{reason}。")
#: why a backup was not made, after 备份失败：(the detail in the log, for support)
BACKUP_PROBLEM = {
    BackupProblem.NO_DATABASE: tr("找不到数据库文件"),
    BackupProblem.COPY_DAMAGED: tr("备份副本未通过完整性校验"),
    BackupProblem.COPY_FAILED: tr("复制数据库时出错（原因已记入日志）"),
    BackupProblem.NOT_SQLITE: tr("大厅数据库不是本机文件，由服务器管理员在数据库服务器上备份"),
}


def schema_difference_text(difference: SchemaDifference) -> str:
    """One difference of a file's schema from this program's: 多出触发器 steal_id, 缺少表 rating…"""
    dropped = difference.change is Change.MISSING and difference.part in _DROPPED_PARTS
    wording = SCHEMA_DROPPED if dropped else SCHEMA_CHANGE[difference.change]
    return wording.format(part=SCHEMA_PART[difference.part], name=difference.name)


def restore_refused(
    problem: str, detail: str, differences: tuple[SchemaDifference, ...] = (), foreign: tuple[ForeignRow, ...] = ()
) -> str:
    """Why a backup was not restored, every difference of its schema and every foreign row named, and that nothing
    changed."""
    from counter.words.audit import foreign_row_text

    named = CLAUSE_JOIN.join(schema_difference_text(d) for d in differences)
    rows = CLAUSE_JOIN.join(foreign_row_text(r.kind, r.key, r.code) for r in foreign)
    return RESTORE_REFUSED.format(reason=RESTORE_PROBLEM[problem].format(detail=detail, differences=named, rows=rows))


DATABASE_MISSING = tr("找不到数据库文件。")
DATABASE_FOLDER_MISSING = tr("它所在的文件夹也不存在：存放数据的网络共享盘或移动硬盘可能没有连接。")
DATABASE_WAS_HERE = tr(
    "本机自 {made_at} 起使用过这个数据库，现在它不见了。程序不会新建一个空数据库代替它（那样会重复使用已打印的编号）。"
)
DATABASE_MISSING_HELP = tr("请联系运维人员：重新连接共享盘，或用最近的备份恢复。")
DATABASE_MISSING_SETUP = tr("如果这是新设置的数据库，请联系运维人员先建立数据库的结构。")
DATABASE_READ_ONLY = tr(
    "数据库文件是只读的，程序无法写入（文件、它所在的文件夹或存储介质不允许写入）。文件本身没有损坏，不需要恢复备份。请联系运维人员检查权限或挂载方式。"
)


def was_here_text(made_at: str) -> str:
    """Since when this machine used the database: the note keeps the moment in UTC, the clerk reads the desk's."""
    return DATABASE_WAS_HERE.format(made_at=written_minute_text(made_at))


def database_missing_text(path: str, folder_missing: bool, made_at: str) -> str:
    """Why the desk does not open a missing database, and whom to call; the file is the log's and the command
    line's (:func:`counter.words.at_command_line.database_missing_text`), not the clerk's.  A database never used
    here (no note that it was made: ``made_at`` empty) may only need making."""
    del path  # named by the command line and the log, not on the clerk's screen
    lines = [DATABASE_MISSING]
    if folder_missing:
        lines.append(DATABASE_FOLDER_MISSING)
    if made_at:
        lines.append(was_here_text(made_at))
    lines.append(DATABASE_MISSING_HELP)
    if not made_at:
        lines.append(DATABASE_MISSING_SETUP)
    return "\n".join(lines)


def database_read_only_text(path: str) -> str:
    del path  # as database_missing_text
    return DATABASE_READ_ONLY


NUMBERS_BEHIND = tr(
    "不能受理：数据库中缺少本窗口已发出的编号（最后发出的是 {number}），继续编号可能与已打印给群众的编号重复。"
    "数据库可能丢失了最近的办件（日志文件损坏或恢复了较早的备份）。"
    "请停止在本窗口收件，联系运维人员核对并恢复最近的备份，或由管理员核对后从已发出的编号之后继续编号。"
)


# Keys are counter.host.notes.database_notes.NoteFault values: what is wrong with this machine's note of issued numbers.
NOTE_FAULT = {
    "missing": tr("已丢失（被删除，或本机的用户文件夹被换过）"),
    "unreadable": tr("无法读取（内容已损坏，或不是本程序写的）"),
    "not_a_file": tr("不是普通文件（被换成了管道、设备或文件夹）"),
}
NOTE_PROBLEM = tr(
    "本机记录本窗口已发出编号的文件{fault}。"
    "没有这份记录，数据库若丢失了最近的办件（日志文件损坏或恢复了较早的备份），本窗口会再次发出已打印给群众的编号。"
    "请联系运维人员核对本窗口最后打印的受理凭证、文书编号，并重建这份记录。"
)
NUMBERS_STOPPED = tr("不能受理：")
DOCUMENTS_STOPPED = tr("不能出具文书：")


def note_problem_text(where: str, note: str) -> str:
    """What is wrong with the note of issued numbers (``where`` is ``note_`` and a NoteFault value) and whom to call
    (its file, ``note``, and the commands are the command line's: counter.words.at_command_line)."""
    del note
    return NOTE_PROBLEM.format(fault=NOTE_FAULT[where.removeprefix("note_")])


def numbers_behind_text(number: str, where: str = "records", note: str = "") -> str:
    """Why no intake is numbered now: the database is behind a number already issued (``number``, the last one),
    or (``where`` a note fault) the note to compare it with is not there (at ``note``)."""
    if where.removeprefix("note_") in NOTE_FAULT:
        return NUMBERS_STOPPED + note_problem_text(where, note)
    return NUMBERS_BEHIND.format(number=number)


NUMBERS_BEHIND_DOCUMENT = tr(
    "不能出具文书：数据库中缺少本窗口已发出的文书编号（最后发出的是 {number}），"
    "继续编号可能与已打印给群众的文书编号重复。"
    "数据库可能丢失了最近的记录（日志文件损坏或恢复了较早的备份）。"
    "请联系运维人员核对并恢复最近的备份，或由管理员核对后从已发出的编号之后继续编号。"
)


def document_numbers_behind_text(number: str, where: str = "records", note: str = "") -> str:
    """Why no notice is numbered now: its series is behind a number already issued (``number``, the last one), or
    the note to compare it with is not there (as :func:`numbers_behind_text`)."""
    if where.removeprefix("note_") in NOTE_FAULT:
        return DOCUMENTS_STOPPED + note_problem_text(where, note)
    return NUMBERS_BEHIND_DOCUMENT.format(number=number)


NUMBERS_BEHIND_TITLE = tr("本窗口暂停收件：继续编号可能与已发出的编号重复")
