"""The words of a paper's download page (:mod:`counter.server.paper_page`): what the applicant reads on her phone
when she opens the link of an SMS, before the paper is given."""

from __future__ import annotations

from counter.words.translate import tr

PAGE_TITLE = tr("文书下载")
PAGE_HEADING = tr("您有一份文书待下载")
PAGE_PAPER = tr("文书名称：{paper}")
PAGE_DOC_NO = tr("文号：{doc_no}")
PAGE_CASE = tr("办件编号：{case_no}")
PAGE_SERVICE = tr("点击下方“下载文书”，下载当天即视为文书已送达，办理期限从这一天起计算。")
PAGE_UNTIL = tr("请于{day}前下载。")
PAGE_READER = tr("文书是加盖电子印章的版式文件，请用手机上的版式文件阅读软件打开。")
PAGE_BUTTON = tr("下载文书")
