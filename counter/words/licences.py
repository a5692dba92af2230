"""The words of the hall's 电子证照库 settings (``counter site licences``)."""

from __future__ import annotations

from counter.intake.licences import LibraryProblem
from counter.words.translate import tr

LIBRARY_PROBLEM = {
    LibraryProblem.BAD_ENDPOINT: tr("证照库地址须以 https:// 开头：查询带有申请人的证件号码，不能明文传输"),
    LibraryProblem.NO_ACCOUNT: tr("请填写证照库账号（--account）"),
    LibraryProblem.NO_SECRET: tr("本机没有证照库密钥：请设置环境变量 COUNTER_LICENCE_SECRET 并加 --secret-from-env"),
    LibraryProblem.BAD_TIMEOUT: tr("超时秒数须在 1 到 30 之间"),
    LibraryProblem.BAD_FORMAT: tr("格式文件读不出或缺少字段：请对照随程序提供的 licence-library.toml 修改"),
    LibraryProblem.SECRET_TRAINING: tr(
        "培训数据库不能设置证照库密钥：密钥存在本机，是正式使用的数据库查询证照库所用的那一份"
    ),
}
LIBRARY_NONE = tr("本中心未设置电子证照库：受理时不查询，材料按纸质收取")
LIBRARY_LINE = tr("证照库：{endpoint}　账号 {account}　超时 {timeout} 秒　格式 {format}")
LIBRARY_FORMAT_SHIPPED = tr("随程序提供")
