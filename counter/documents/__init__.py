"""The paper the applicant takes home: receipts, notices, the pledge, the guide notice.

:mod:`counter.documents.model` turns a stored case (or a bundle's guide) into
:class:`~counter.documents.model.DocumentData`, plain data holding every word
that is printed; :mod:`counter.documents.render` lays it out as a PDF.  Nothing
here is imported at start-up: reportlab and the fonts load at the first print.
"""
