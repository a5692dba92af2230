"""The page a paper's SMS link answers (:mod:`counter.server.paper_download`): what the paper is and what its
download means, and one plain link that downloads it.

The link's first request is often nobody's: a phone's messaging app or a chat app fetches it to draw a preview card,
a carrier's scanner fetches it to look for harm.  So the link gives a page and records nothing, and only the page's
own link (:data:`FILE_SUFFIX` after the token), which the applicant follows, gives the sealed file and is the
service.  The page is for any phone and an elderly reader: Chinese, large text, no script and nothing loaded from
elsewhere (its style is in it), the link relative, so that it goes through the gateway's address the page came by.
"""

from __future__ import annotations

from html import escape

from counter.documents.paper_link import LinkedPaper
from counter.words import paper_page as words
from counter.words.dates import day_text
from counter.words.e_service import PAPER_NAMES

#: the path after the token of the page's own link: the download itself
FILE_SUFFIX = "/paper.ofd"
#: no script, no frame, nothing from elsewhere: the page is its text and its one link
PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'"

_STYLE = """
body { margin: 0; padding: 14px 16px; font-family: sans-serif; font-size: 22px; line-height: 1.5; color: #111;
       background: #fff; }
h1 { font-size: 1.3em; margin: 0 0 0.4em; }
p { margin: 0.3em 0; }
.paper { font-weight: bold; }
.note { background: #fff4d6; border-left: 6px solid #c98a00; padding: 0.4em 0.6em; margin: 0.6em 0; }
a.download { display: block; margin: 0.7em 0; padding: 0.6em; text-align: center; font-size: 1.3em;
             font-weight: bold; color: #fff; background: #0b5cad; border-radius: 10px; text-decoration: none; }
"""


def page_html(paper: LinkedPaper, token: str) -> str:
    """The page of the link of ``token``, naming ``paper``; its link is the token and :data:`FILE_SUFFIX`, relative
    to the link's own address (``…/download/TOKEN``), so that it goes by the gateway's address the page came by."""
    name = PAPER_NAMES.get(paper.kind, paper.kind.value)
    lines = (
        f'<p class="paper">{escape(words.PAGE_PAPER.format(paper=name))}</p>',
        f"<p>{escape(words.PAGE_DOC_NO.format(doc_no=paper.doc_no))}</p>",
        f"<p>{escape(words.PAGE_CASE.format(case_no=paper.case_no))}</p>",
        f'<p class="note">{escape(words.PAGE_SERVICE)}</p>',
        f"<p>{escape(words.PAGE_UNTIL.format(day=day_text(paper.until)))}</p>",
        f'<a class="download" href="{escape(token + FILE_SUFFIX)}">{escape(words.PAGE_BUTTON)}</a>',
        f"<p>{escape(words.PAGE_READER)}</p>",
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{escape(words.PAGE_TITLE)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(words.PAGE_HEADING)}</h1>\n" + "\n".join(lines) + "\n</body>\n</html>\n"
    )
