"""The review pad (评价器) on the desk's second screen, the clerk's side of it, and the supervisor's pages.

:class:`~counter.ui.pad.controller.PadController` is what the main window
needs: ``send_case(case_no)`` on a key (F9), a status widget for the status
bar, and the alerts model for the supervisor.
"""
