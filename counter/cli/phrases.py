"""Sentences only the command line prints: accounts, audit, sites, sync, backups, ratings export."""

from __future__ import annotations

from counter.words.translate import tr

# the command line
TRAINING_DEMO_ON_LIVE = tr(
    "counter demo 不写入正式数据库：示例办件会被当作真实办件（乡镇会随下一个数据包报送中心）。"
    "去掉 --db 即写入培训数据库 {training}。"
)
TRAINING_ON_LIVE = tr("注意：--today 用于正式数据库，所查所办均为真实办件，日期按 {today} 计。")
SEND_ON_A_PRETEND_DAY = tr("短信和上报只在真实的日期发送，不能带 --today：培训数据库不向外发送任何内容。")
TRAINING_NO_BACKUP = tr("培训数据库不做备份和恢复：其中都是练习办件，不用时可以直接删除。")
CATALOG_FIND_NONE = tr("没有找到匹配的一件事：{text}")
CATALOG_FIND_LINE = tr("{number:>3}  {code}  {name}{unpublished}{match}")
CATALOG_FIND_UNPUBLISHED = tr("  （{unpublished}）")
CATALOG_FIND_MATCH = tr("  〔{match}〕")
CATALOG_VALID_WITH_WARNINGS = tr(
    "通过：{count} 个一件事，0 个错误。另有 {warnings} 条提示（不影响导入和受理；"
    "待核指南须部门确认的内容见 counter catalog review）："
)
CATALOG_PUBLISH_HELP = tr("发布一件事的待核或样例办事指南（管理员；生成新版本并记入审计日志，文书不再注明样例或待核）")
CATALOG_PUBLISHED = tr("已发布：{number} {name}，指南第{version}版（核定第{draft}版）")
CATALOG_PUBLISH_UNKNOWN = tr("没有这个一件事：{bundle}（请写编码、序号或完整名称）")
CATALOG_PUBLISH_ALREADY = tr("“{name}”的指南已经由本中心发布，无需再发布。")
CATALOG_PUBLISH_NO_GUIDE = tr("“{name}”没有办事指南（未发布），无可发布。")
CATALOG_DRAFT_INTAKE_HELP = tr("查看或设定：正式办件能否依待核指南受理（on 允许，off 不允许；管理员）")
CATALOG_DRAFT_INTAKE_ON = tr("本中心允许依待核指南受理：受理凭证和各类文书均注明“依据待核办事指南”。")
CATALOG_DRAFT_INTAKE_OFF = tr("本中心不允许依待核指南受理：待核指南的一件事须经管理员发布后才能受理。")
CATALOG_DRAFT_INTAKE_TRAINING = tr("培训数据库：待核指南始终可以受理。")
RATINGS_EXPORT_DONE = tr("共导出 {count} 条评价，{coding}")
RATINGS_EXPORT_BAD_RANGE = tr("--to 的日期不能早于 --from")
ACCOUNT_PASSWORD_PROMPT = tr("{login} 的密码：")
ACCOUNT_NEW_PASSWORD_PROMPT = tr("为 {login} 设定密码（至少 8 位，含字母和数字）：")
ACCOUNT_REPEAT_PASSWORD_PROMPT = tr("再输入一次：")
ACCOUNT_PASSWORDS_DIFFER = tr("两次输入的密码不一致，未作任何改动。")
ACCOUNT_NO_PASSWORD = tr("没有输入密码，未作任何改动。")
ACCOUNT_PASSWORD_STDIN_EMPTY = tr("--password-stdin：标准输入中没有密码。")
ACCOUNT_ADDED = tr("已添加账号：{login}")
ACCOUNT_DISABLED = tr("已停用账号：{login}（记录保留，不能再登录）")
ACCOUNT_PASSWORD_SET = tr("已重设 {login} 的密码，账号锁定已解除。")
ACCOUNT_COUNT = tr("共 {count} 个账号。")
ACCOUNT_LINE = tr("{login}  {name}  工号：{staff_no}  角色：{roles}  {state}  上次登录：{last_login}")
ACCOUNT_STATE_ENABLED = tr("可用")
ACCOUNT_STATE_DISABLED = tr("已停用")
ACCOUNT_STATE_LOCKED = tr("锁定至 {until}")
ACCOUNT_NEVER = tr("无")
ACCOUNT_ROLE_DEPARTMENT = tr("{roles}（{department}）")
ACCOUNT_ROLE_JOIN = tr("、")
ACCOUNT_CLI_SIGN_IN_HINT = tr("命令行请加 --user 登录名（密码取自环境变量 COUNTER_PASSWORD，或按提示输入）。")
AUDIT_WHOLE = tr("审计日志完整：共 {chains} 条链、{entries} 条记录，逐条校验未发现问题。")
AUDIT_NOT_ANCHORED = tr(
    "注意：上一个封签（第 {no} 号）没有记入封签记录文件 {path}："
    "那里不是能写入的文件（被同名文件夹占了位置，或无权写入），具体原因见日志。"
    "这个封签若被人从数据库删除，在本机校验时查不出。"
    "请把该位置改回本系统账号能写的普通文件（原有的记录照旧保留），再运行 counter audit seal，从最新的封签起接着记入"
)
AUDIT_BROKEN = tr(
    "审计日志有 {count} 个问题（共 {chains} 条链、{entries} 条记录）。请保留数据库文件，并报告系统管理员。"
)
AUDIT_READ_LINE = tr("{at}  {login}（{name}）  {site}-{desk}窗口  办件 {case_no}  {operation}")
AUDIT_READ_NO_CASE = tr("（无办件）")
AUDIT_READ_COUNT = tr("共 {count} 次完整查看身份证号。")
AUDIT_SEALED = tr(
    "已封存审计日志：第 {no} 号封签，{chains} 条链、{entries} 条记录。封签摘要 {digest}，请记入值班登记簿。"
)
CASE_VOID_REASON_REQUIRED = tr("作废办件须写明原因：--reason TEXT")
CASE_VOID_NOT_ALLOWED = tr("办件 {case_no} 现在的状态是“{status}”，不能作废。")
CASE_VOIDED_DONE = tr("办件 {case_no} 已作废，原因已记入经办记录和审计日志：{reason}")
CASE_CORRECTION_LAPSE_NOT_ALLOWED = tr("办件 {case_no} 现在的状态是“{status}”，不是待补正的办件。")
CASE_CORRECTION_LAPSE_NOT_DUE = tr(
    "办件 {case_no} 的补正期限是 {due}，期限届满后的下一个工作日（{first_day}）起才能确认逾期未补正。"
)
CASE_CORRECTION_LAPSED_DONE = tr("办件 {case_no}：逾期未补正，视为放弃申请，已记入经办记录和审计日志。")
SITE_SHOW = tr(
    "站点编码：{code}\n站点名称：{name}\n站点类型：{kind}\n公钥：{public_key}\n加密公钥：{encryption_key}\n公钥指纹：{fingerprint}"
)
SITE_KEY_HERE = tr("本机保存有本站点的签名密钥，可以签发数据包。")
SITE_KEY_ELSEWHERE = tr("本机没有本站点的签名密钥（{path}）：请在保存密钥的那台电脑上导出数据包。")
SITE_INIT_DONE = tr("已设定本站点：")
SITE_DESK_SET = tr("本机窗口的站点已设为 {code}（{name}），此后的办件编号以 {code} 开头（窗口设置：{path}）。")
SITE_SETUP_WRITE_FAILED = tr("无法写入 {path}：{error}。本站点的设定没有任何改动。")
SITE_CATALOG_LOADED = tr("数据库中原来没有事项目录，已载入随程序提供的目录：{count} 个事项的办事指南。")
SITE_KEY_NOTE = tr(
    "签名密钥保存在 {path}，不进入数据库。密钥不会自动更换：如确需更换（电脑丢失、密钥文件被复制到别处），"
    "由管理员在本机执行 counter site rotate-key，旧密钥签过的封签仍能校验。修改了编码或名称的，请把新名片交给对方站点。"
)
SITE_CARD_WRITTEN = tr(
    "已写出本站点名片：{path}\n请把名片交给对方站点登记，并通过电话与对方核对公钥指纹：{fingerprint}"
)
SITE_CARD_REFUSED = tr("未登记：站点名片 {path} 有以下问题。")
SITE_REGISTER_CHECK = tr(
    "对方站点：{code}  {name}（{kind}）\n公钥指纹：{fingerprint}\n请通过电话与对方核对此指纹，一致才能信任其数据包。"
)
SITE_PEER_LINE = tr("{code}  {name}  {kind}  指纹：{fingerprint}  登记于：{registered_at}")
SITE_PEER_COUNT = tr("共 {count} 个对方站点。")
SITE_NO_PEERS = tr("尚未登记任何对方站点：用 counter site register 读入对方的站点名片。")
SYNC_KEY_UNUSABLE = tr("无法使用签名密钥 {path}：请在保存本站点签名密钥的那台电脑上导出（counter site show 查看）。")
SYNC_WRITE_FAILED = tr("无法写入 {path}：{error}。未导出。")
SYNC_REVIEW_LINE = tr("#{id}  {from_site} 第{export_no}号包  {record_type} {record_key}  {reason}  {detail}")
SYNC_REVIEW_COUNT = tr("共 {count} 条待核对记录。")
SYNC_STATUS_LINES = tr(
    "本站点：{site_code}（{kind}）\n待上报办件：{pending} 件{since}\n待上报帮您办项目：{projects} 个\n"
    "最近导出：{exported}\n最近导入：{imported}\n"
    "待核对记录：{review} 条"
)
SYNC_NEVER = tr("无")
SYNC_HELD_AT_HALL = tr("中心未导入的本站点记录：{count} 条（据中心最近一次发来的更新）")
SYNC_HELD_AT_HALL_LINE = tr("  {number}  {reason}（{detail}）  中心 {hall}，{at}")


# RESTORE_PROBLEM is keyed by the values of counter.backup.sqlite_files.RestoreProblem.

BACKUP_DONE = tr("备份完成，已校验完整：{path}")
BACKUP_FAILED = tr("备份失败：{reason}。未写入任何备份文件。")
BACKUP_FILE_FAILED = tr("备份失败：{path}：{reason}。未写入任何备份文件。")
BACKUP_FOLDER_IS_FILE = tr(
    "备份失败：{path} 是一个文件，不是文件夹，备份不能写进它里面。"
    "请换一个文件夹，或先把这个文件移走。未写入任何备份文件。"
)
BACKUP_POSTGRESQL = tr(
    "本机连接的是 PostgreSQL 数据库，请用 PostgreSQL 自带的工具备份和恢复：\n"
    "  备份：{dump}\n"
    "  恢复：{restore}\n"
    "（密码请通过环境变量 PGPASSWORD 或 ~/.pgpass 提供。）"
)
RESTORE_CONFIRM = tr(
    "将用备份 {file} 替换当前数据库 {database}。\n"
    "当前数据库会先另存在它旁边，不会丢失。确认无误后请加 --yes 再运行；其他窗口须先关闭程序。"
)
RESTORE_DONE = tr("恢复完成：数据库 {database} 已换成备份 {file}（结构版本 {revision}）。")
RESTORE_KEPT = tr("原来的数据库已另存为：{kept}")
RESTORE_NOTHING_KEPT = tr("原来没有数据库文件，无需另存。")

NO_COMMAND = tr("请指定命令（counter -h 列出全部命令）；不带参数运行 counter 即启动窗口程序。")

# counter desk: DESK_FIELD is keyed by the fields of counter.host.machine.desk_config.DeskConfig, DESK_SOURCE by the
# values of its Source, MACHINE_PROBLEM by the values of counter.host.machine.machine_config.MachineFault.

DESK_SUMMARY = tr("站点：{site_code} {site_name}  窗口：{desk_no}号  工作人员：{clerk}")
# DESK_NAME_PROBLEM (counter.words.desks: the window says it too) is keyed by counter.case.desk_names.NameProblem.
DESK_NAME_REFUSED = tr("窗口设置未保存：{problems}")
DESK_FIELD = {
    "site_code": tr("站点编码"),
    "site_name": tr("站点名称"),
    "desk_no": tr("窗口号"),
    "clerk": tr("工作人员"),
    "staff_no": tr("工号"),
    "photo": tr("照片"),
    "pad_screen": tr("评价器屏幕"),
    "area_code": tr("行政区划代码"),
    "printer": tr("打印机"),
    "pad_mode": tr("评价器方式"),
    "pad_keyboard": tr("评价器有键盘"),
    "pad_language": tr("评价器语言"),
    "pad_voice": tr("评价器语音提示"),
    "text_scale": tr("文字大小（%）"),
    "id_reader": tr("身份证阅读器"),
    "id_reader_at": tr("身份证阅读器端口或地址"),
    "id_reader_format": tr("身份证阅读器服务格式文件"),
    "queue_at": tr("叫号系统地址"),
    "queue_format": tr("叫号系统格式文件"),
    "camera": tr("高拍仪"),
    "camera_at": tr("高拍仪设备"),
}
DESK_SOURCE = {"machine": tr("本机设置文件"), "user": tr("用户设置文件"), "default": tr("默认值")}
# a default that stands for a value nobody set (the site XAM01, the area 152200): not to be taken for the hall's own
DESK_SOURCE_DEFAULT_UNSET = tr("默认值，未设置")
DESK_SUMMARY_DEFAULT_SITE = tr("（站点为默认值，未设置）")
DESK_VALUE_LINE = tr("  {field}：{value}（{source}）")
DESK_VALUE_EMPTY = tr("未设置")
DESK_MACHINE_FILE = tr("本机设置文件（本机所有用户）：{path}")
DESK_MACHINE_FILE_ABSENT = tr("本机设置文件（本机所有用户）：{path}（没有此文件）")
DESK_USER_FILE = tr("用户设置文件（保存在这里）：{path}")
DESK_MACHINE_PROBLEM = tr("本机设置文件 {path} 有问题：{problem}")
MACHINE_PROBLEM = {
    "unreadable": tr("无法读取（{detail}），整个文件未使用"),
    "not_toml": tr("不是有效的 TOML 格式（{detail}），整个文件未使用"),
    "unknown_field": tr("没有 {field} 这一设置项，已忽略"),
    "not_text": tr("{field} 应为文字或数字，已忽略"),
    "bad_site_code": tr("{field} = {detail} 不是有效的站点编码（2-12位大写字母或数字），已忽略"),
    "bad_desk_no": tr("{field} = {detail} 不是有效的窗口号（1至9999的整数，不以0开头），已忽略"),
    "not_a_choice": tr("{field} = {detail} 不是可选的值，已忽略"),
}

# counter case take: an intake from a file; {path} is the place in the file (materials.M05.medium)
CASE_TAKE_HELP = tr("按 JSON 请求文件办理一件收件（与窗口相同的核对和结果），输出办件；文件名为 - 时从标准输入读取")
CASE_TAKE_REQUEST_HELP = tr("收件请求的 JSON 文件（字段见 docs/command-line.md）；写 - 则从标准输入读取")
CASE_TAKE_TODAY_HELP = tr("培训：以该日期为收件日期（只用于培训数据库）")
CASE_TAKE_NO_FILE = tr("无法读取请求文件 {path}：{error}")
CASE_TAKE_NOT_UTF8 = tr("请求文件 {path} 不是 UTF-8 编码的文字")
CASE_TAKE_ON_LIVE = tr(
    "不能带 --today 在正式数据库上收件：办件编号和收件日期只能是今天。去掉 --db 即在培训数据库 {training} 上练习。"
)
# a name taken whole, a character of which the papers print as □ (GB 18030-2022 Amendment 1's Extension I, say)
CASE_TAKE_UNPRINTED = tr("注意：{where}中的“{char}”（{code}）本机字体无法显示，打印件上将以□代替，请在纸面手写补正")
CASE_TAKE_NOT_TAKEN = tr("未办理，请先处理以下 {count} 个问题：")
CASE_TAKE_PROBLEM_LINE = tr("  • {where}：{problem}")
CASE_TAKE_PROBLEM_PLAIN = tr("  • {problem}")
CASE_TAKE_WHOLE_FILE = tr("请求文件")
CASE_TAKE_NO_CLERK = tr(
    "未办理：本窗口还没有设置工作人员姓名，受理凭证、办件记录和评价上都不能没有经办人。"
    "请先设置：counter desk --clerk 姓名（或在窗口中按 F10 设置）。"
)
CASE_TAKE_PREVIOUS_NOT_FOUND = tr("补正前办件 {case_no} 不存在，请核对 previous_case_no")
#: text the JSON reader gave up on (a number of thousands of digits, lists nested past its depth): no place to name
CASE_TAKE_NOT_JSON = tr("不是有效的 JSON")
CASE_TAKE_FILE_PROBLEM = {
    "not_json": tr("不是有效的 JSON（{detail}）"),
    "duplicate_key": tr("同一对象中写了两次，只能写一次"),
    "unknown_key": tr("没有这一项（拼写有误？）"),
    "missing": tr("缺少此项"),
    "empty": tr("不能为空"),
    "wrong_type": tr("应为{detail}"),
    "not_a_choice": tr("不是可选的值，可选：{detail}"),
    "negative": tr("不能为负数"),
    "too_large": tr("不能大于 {detail}"),
    "day_of_intake": tr("收件日期就是受理当天，由受理时记录，请求文件中不能填写"),
    "unknown_bundle": tr("未找到一件事：{detail}"),
    "unknown_guide_version": tr("没有这一版指南，现有版本：{detail}"),
    "unknown_situation": tr("指南中没有这个情形，现有情形：{detail}"),
    "unknown_material": tr("指南中没有这个材料"),
    "unknown_item": tr("指南中没有这个事项（实施编码）：{detail}"),
    "material_not_called_for": tr("按所答情形不需要这个材料"),
    "not_for_receipt": tr("收件状态为“{detail}”的材料不记录此项"),
    "bad_text": "{detail}",  # worded by counter.words.texts: the character and its place, or the longest allowed
    "bad_uid": tr("应为32位十六进制数字（0-9、a-f），或不写由本机生成"),
}
CASE_TAKE_JSON_POSITION = tr("第 {line} 行第 {column} 列附近")
CASE_TAKE_EXPECTED = {
    "object": tr("JSON 对象 {…}"),
    "text": tr("文字（加英文双引号）"),
    "whole_number": tr("整数"),
    "true_false": tr("true 或 false"),
    "codes": tr('实施编码的列表，写作 ["…", "…"]'),
}
CASE_TAKE_PARTY_PROBLEM = tr("{problem}：{why}")
CASE_TAKE_ERRORS_JOIN = tr("；")
CASE_DECIDE_NOT_ALLOWED = tr("办件 {case_no} 现在的状态是“{status}”，不能作出这个决定。")
CASE_ITEM_DECIDED = tr("办件 {case_no} 事项 {item}：{decision}；办件状态：{status}")
CASE_ITEM_APPROVED = tr("准予")
CASE_ITEM_DENIED = tr("不予批准")
CASE_LAPSED_DONE = tr(
    "办件 {case_no}：逾期未补交的容缺材料 {materials}；不予批准的事项 {items}；由实施部门作出决定的事项 {referred}；"
    "办件状态：{status}"
)
CASE_LAPSED_NONE = tr("无")
SITE_RULES_MARGIN = tr("容缺材料补交期限届满后留给部门审查：{days} 个工作日（承诺办结日不足时顺延）")
SITE_RULES_PERIOD = tr("补正期限：{days} 个工作日")

# a file named on the command line, and why it could not be read or written
READ_FAILED = tr("无法读取 {path}：{error}")
WRITE_FAILED = tr("无法写入 {path}：{error}")
OUT_FOLDER_MISSING = tr("文件夹 {folder} 不存在：请先建好它，或写到一个已有的文件夹。本程序不会替您新建文件夹。")
OUT_FOLDER_NOT_WRITABLE = tr("文件夹 {folder} 不能写入（{reason}）：请换一个可以写入的文件夹。")
OUT_IS_A_FOLDER = tr("{path} 是一个文件夹，不是文件：请写出要保存的文件名。")
OUT_FILE_NOT_WRITABLE = tr("文件 {path} 已存在，不能改写（{reason}）：请换一个文件名。")
FILE_TOO_LARGE = tr("文件 {path} 超过 {limit} 字节，远大于这类文件应有的大小，未读取：请检查是否选错了文件。")
