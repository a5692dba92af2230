"""The words of the record of whole ID numbers read: what each operation that gives one whole is called."""

from __future__ import annotations

from counter.words.translate import tr

#: by the service's operation name (counter.service.*): the page or step the number was shown whole in
READ_BY = {
    "cases.read_case": tr("办件页"),
    "cases.show_case": tr("办件详情（命令行）"),
    "cases.find_cases": tr("查找办件"),
    "intake.resubmission": tr("补正后重新收件"),
    "intake.known_party": tr("一证办理带出申请人"),
    "intake.check_draft": tr("未完成的收件"),
    "projects.read_project": tr("帮您办项目"),
    "projects.recent_projects": tr("帮您办项目列表"),
    "projects.read_day": tr("帮您办代办员的一天"),
    "ratings.export_records": tr("导出好差评记录（评价人）"),
    # a paper that prints a person's number or phone whole (counter.documents.persons_printed)
    "documents.make_case_papers": tr("打印办件文书"),
    "documents.make_item_paper": tr("打印事项文书"),
    "cases.hand_over": tr("送达时打印的文书"),
    "cases.finish_same_day": tr("当场办结时打印的文书"),
    "cases.item_step": tr("实施部门办理时打印的文书"),
}


def read_by_text(operation: str) -> str:
    """The operation as a supervisor reads it; its name where it has no words (a newer release's)."""
    return READ_BY.get(operation, operation)
