"""The pad page: the review pad as a tablet's browser shows it, served by the hall server over the hall's TLS.

Halls buy their 评价器 as tablets that open one page in kiosk mode; no app store, nothing installed.  The page is
three static files (``resources/pad_web``) and the pad's words in the language it asks for, from the same table the
pad window of a desk reads (:mod:`counter.words.pad`), so that both pads say the same in both scripts.  The page
speaks only to the pad device's routes (:mod:`counter.server.pad_routes`) under the key ``counter serve add-pad``
printed, which the technician gives it once in the address's fragment (``/pad#key=…&lang=mn``): a fragment never
leaves the tablet, and the page keeps the key in the browser's storage and takes it out of the address bar.

``GET /pad``                    the page;
``GET /pad/static/{name}``      its script, its style sheet and the Mongolian font (a tablet seldom has one);
``GET /pad/words/{lang}.json``  the pad's words in ``zh`` or ``mn``: what the page shows and each level's name.

None of these reads a body or a session: they hold nothing of anybody's, and every request of a rating goes through
the pad routes under the pad's key.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from counter.resources import fonts_dir, resources_dir
from counter.words import pad
from counter.words.ratings import RATING_LEVEL
from counter.words.translate import words_in

#: the page's files, served by name alone: nothing else of the resources folder is reachable from the page
PAGE_FILES = {
    "pad.js": "text/javascript; charset=utf-8",
    "pad.css": "text/css; charset=utf-8",
}
#: the Mongolian font the page loads for its vertical columns (OFL, resources/fonts/README.md)
MONGOLIAN_FONT = "noto-sans-mongolian.ttf"
#: the languages the page is made in: the pad's two scripts
LANGUAGES = {"zh": None, "mn": "mn"}
#: the words the page shows, by the name its script looks them up under
PAGE_WORDS = {
    "welcome": pad.PAD_WELCOME,
    "greeting": pad.PAD_GREETING,
    "idle": pad.PAD_IDLE_DEFAULT,
    "desk": pad.PAD_DESK,
    "clerk": pad.PAD_CLERK,
    "staff_no": pad.PAD_STAFF_NO,
    "bundle": pad.PAD_BUNDLE,
    "applicant": pad.PAD_APPLICANT,
    "question": pad.PAD_QUESTION,
    "tap_hint": pad.PAD_TAP_HINT,
    "follow_up": pad.PAD_FOLLOW_UP_QUESTION,
    "reasons_question": pad.PAD_REASONS_QUESTION,
    "submit": pad.PAD_SUBMIT,
    "back": pad.PAD_BACK,
    "thanks": pad.PAD_THANKS,
    "thanks_good": pad.PAD_THANKS_GOOD,
    "thanks_bad": pad.PAD_THANKS_BAD,
    "region_question": pad.PAD_REGION_QUESTION,
    "region_address": pad.PAD_REGION_ADDRESS,
    "region_case": pad.PAD_REGION_CASE,
    "save_failed": pad.PAD_SAVE_FAILED,
    "offline": pad.PAD_DEVICE_AWAY,
    "unknown_key": pad.PAD_DEVICE_KEY_REFUSED,
}
#: no page of the pad kept by a browser's or a proxy's cache past a change of the hall's version
NO_STORE = {"Cache-Control": "no-store"}


def page_folder() -> Path:
    """Where the page's files are shipped."""
    return resources_dir() / "pad_web"


def page_words(lang: str) -> dict[str, object]:
    """The words of the page in ``lang`` (``zh`` or ``mn``): its lines, each level's name, and every reason label
    the pad may offer translated (a hall's own labels stay as the hall wrote them: the page shows those as they
    come)."""
    said = words_in(LANGUAGES[lang])
    return {
        "lines": {name: said(text) for name, text in PAGE_WORDS.items()},
        "levels": {level: said(text) for level, text in RATING_LEVEL.items()},
        "reasons": {label: said(label) for label in pad.PAD_REASON_LABELS},
    }


def pad_page_routes() -> list[Route]:
    """The page's routes: none reads a body, a session or the database."""

    async def page(request: Request) -> Response:
        return FileResponse(page_folder() / "index.html", media_type="text/html; charset=utf-8", headers=NO_STORE)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name == MONGOLIAN_FONT:
            return FileResponse(fonts_dir() / MONGOLIAN_FONT, media_type="font/ttf")
        if name not in PAGE_FILES:
            return Response(status_code=404)
        return FileResponse(page_folder() / name, media_type=PAGE_FILES[name], headers=NO_STORE)

    async def words(request: Request) -> Response:
        lang = request.path_params["lang"]
        if lang not in LANGUAGES:
            return Response(status_code=404)
        return JSONResponse(page_words(lang), headers=NO_STORE)

    return [
        Route("/pad", page, methods=["GET"]),
        Route("/pad/static/{name}", static, methods=["GET"]),
        Route("/pad/words/{lang}.json", words, methods=["GET"]),
    ]
