"""Paper for the applicant: preview, print, reprint; and the office the paper speaks for.

- :mod:`~counter.ui.printing.opening`: the preview of a case's notices, of what an intake
  outcome hands over, of a guide's 一次性告知单 (:class:`~.making.NoticeRefused` when none can be made);
- :mod:`~counter.ui.printing.preview_window`: the pages as they will print, 打印 / 选择打印机… /
  另存为 PDF… / 关闭, a red bar when the printer fails, every print on record;
- :mod:`counter.ui.cases.case_documents` (beside the case page it is part of): the 文书 section of the case page;
- :mod:`~counter.ui.printing.office_form`: 单位信息, the office settings page of the supervisor's window;
- :mod:`~counter.ui.printing.making`: the service's operations behind them;
- :mod:`~counter.ui.printing.print_run`: printing off the window's thread, through CUPS's ``lp`` or
  (:mod:`~counter.ui.printing.qt_print`) Qt's print support.

Nothing here is imported while the desk starts: the preview needs pypdfium2
and the notices reportlab, both loaded at the first print.
"""
