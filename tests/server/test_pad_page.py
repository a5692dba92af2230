"""The pad page in a real Chromium, as a hall's tablet opens it in kiosk mode: served by a real ``counter serve``
over the hall's TLS, the pad's key given once in the address's fragment, in Chinese and in Mongolian (set in the
browser's own vertical writing mode), at a tablet's 800×480 and at 1280×800.  The clerk asks; the page shows that
request; the applicant's tap is recorded under the pad's key, the pad named, for the clerk's case."""

from __future__ import annotations

import io
import itertools
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import select

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.service.admin import ADD_ACCOUNT
from counter.service.local import serve
from counter.service.pads import SHOWN_HEARD_S
from counter.service.ratings import REQUEST_STATE, SEND_TO_PAD, RequestId
from counter.service.requests import CaseNo
from counter.words.ratings import RATING_LEVEL
from counter.words.translate import words_in
from tests.browser import chromium
from tests.conftest import made_database
from tests.db.tls_server import SERVER_CERT
from tests.server.hall_server import HALL_PASSWORD, HallServer, add_pad, counter, hall_server
from tests.server.test_pad_devices import _taken

pytestmark = pytest.mark.slow

ADMIN = Desk(DeskIdentity("XAM01", "1"), "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
CLERK = "阿拉坦其其格·孟和巴雅尔"
SIZES = ((800, 480), (1280, 800))
#: a line of Chinese with its marks in a Mongolian column, as a bundle's Chinese name (with no Mongolian one) stands
LISTED = "ᠬᠡᠷᠡᠭ᠄ 营业执照、食品生产许可证、户外招牌设置审批意见（50平方米以下），新办纳税人涉税事项"
SHOTS = Path(os.environ.get("COUNTER_PAD_SHOTS", "")) if os.environ.get("COUNTER_PAD_SHOTS") else None


@pytest.fixture(scope="module")
def page_hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HallServer, str, str, Path]]:
    """A hall with desk 1, the clerk clerk1 and the supervisor sup1, and pad-1 registered and paired to desk 1 as
    docs/server.md says: the server, its database, pad-1's key and the server's certificate."""
    folder = tmp_path_factory.mktemp("pad-page")
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.update(COUNTER_HOME=str(folder / "home"), COUNTER_STATE=str(folder / "state"))
    url = made_database(folder / "hall.sqlite3")
    service = serve(url)
    first = NewAccount("admin", "管理员", frozenset({Role.ADMIN}), HALL_PASSWORD)
    assert service.call(ADD_ACCOUNT, first, Desk(DeskIdentity("XAM01", "1"), "管理员")) == ()
    for login, name, role in (("clerk1", "阿拉坦其其格·孟和巴雅尔", Role.CLERK), ("sup1", "其其格", Role.SUPERVISOR)):
        roles = frozenset({role, Role.CLERK})
        assert service.call(ADD_ACCOUNT, NewAccount(login, name, roles, HALL_PASSWORD), ADMIN) == ()
    service.close()
    key = add_pad(url, "pad-1", env)
    with hall_server(folder, url, ("1",), env) as server:
        paired = counter("--user", "sup1", "pad", "pair", "pad-1", "--desk", "1", "--db", url,
                         env=env | {"COUNTER_PASSWORD": HALL_PASSWORD})  # fmt: skip
        assert paired.returncode == 0, paired.stderr
        yield server, url, key, folder / "tls" / SERVER_CERT


def _rated(url: str, case_no: str) -> list[tuple[str, str, str, str | None]]:
    """The case's ratings as stored: level, channel, clerk, and the pad its request belongs to."""
    service = serve(url)
    try:
        with service.store.sessions().begin() as session:
            rating = models.Rating
            rows = session.execute(
                select(rating.level, rating.channel, rating.clerk, models.PadRequest.pad)
                .join(models.PadRequest, models.PadRequest.request_id == rating.request_id, isouter=True)
                .where(rating.case_no == case_no)
            ).all()
            return [(level, channel, clerk, pad) for level, channel, clerk, pad in rows]
    finally:
        service.close()


def levels(lang: str) -> Iterator[str]:
    """The five levels' names as the pad says them in ``lang``: each face's accessible name."""
    said = words_in("mn" if lang == "mn" else None)
    return (said(name) for name in RATING_LEVEL.values())


def _shown(driver: WebDriver, page: str, timeout: float = 30) -> None:
    WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        lambda d: d.execute_script(f"return !document.getElementById('{page}').hidden")
    )


def _style(driver: WebDriver, element: str, prop: str) -> str:
    return str(driver.execute_script(f"return getComputedStyle(document.getElementById('{element}'))['{prop}']"))


#: what of the shown page stands past the viewport's right edge (its id or tag and its right edge), and how wide the
#: document scrolls against the viewport's width: a tablet's kiosk shows no sideways scroll bar to drag
_OVERFLOW = """
const page = [...document.querySelectorAll('.page')].find((p) => !p.hidden);
const past = [...page.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
  .map((e) => `${e.id || e.className || e.tagName}:${Math.round(e.getBoundingClientRect().right)}`);
return [document.scrollingElement.scrollWidth, innerWidth, page.scrollWidth, page.clientWidth, past];
"""


def _fits(driver: WebDriver, what: str) -> None:
    """Nothing of the shown page past the viewport's right edge: no sideways scroll of the document, nor of the page
    inside it."""
    width, inner, page_width, page_inner, past = driver.execute_script(_OVERFLOW)
    assert (width <= inner, page_width <= page_inner, past) == (True, True, []), (what, width, inner, page_width)


#: the shown text's geometry: each of the card's lines' box, the clerk's name's parts' boxes (each of a Range over the
#: part's text, the "·" ending the first), the card's box, the boxes of the rating question's and hint's text, for
#: each bracket in the card and the reasons question (and each mark that may not begin a column: 、，。：；！？) its box
#: and its neighbour's inside the bracket (before the mark) ([left, top, right, bottom] each), and the root's font size
_GEOMETRY = """
const box = (r) => [r.left, r.top, r.right, r.bottom];
const over = (node, start, end) => { const range = document.createRange(); range.setStart(node, start);
  range.setEnd(node, end); return [...range.getClientRects()].map(box); };
const texts = (root) => { const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); const found = [];
  while (walk.nextNode()) found.push(walk.currentNode); return found; };
const brackets = [];
for (const root of [document.getElementById('card'), document.getElementById('reasons-question')]) {
  const nodes = texts(root); const chars = nodes.flatMap((node) => [...node.data].map((_, i) => [node, i]));
  chars.forEach(([node, i], at) => {
    const opening = '（('.includes(node.data[i]); if (!opening && !'）)、，。：；！？'.includes(node.data[i])) return;
    const [other, j] = chars[opening ? at + 1 : at - 1];
    brackets.push([node.data[i], over(node, i, i + 1), over(other, j, j + 1)]);
  });
}
const chars = texts(document.getElementById('card')).flatMap((node) => [...node.data].map((_, i) => [node, i]));
const at = chars.map(([node, i]) => node.data[i]).join('').indexOf(arguments[0]);
const parts = arguments[0].split(/(?<=·)/).map((part, n, all) => {
  const start = at + all.slice(0, n).join('').length; const [first, i] = chars[start];
  const [last, j] = chars[start + part.length - 1]; const range = document.createRange();
  range.setStart(first, i); range.setEnd(last, j + 1); return [...range.getClientRects()].map(box); });
return {
  rows: [...document.querySelectorAll('#card p')].map((p) => box(p.getBoundingClientRect())),
  card: box(document.getElementById('card').getBoundingClientRect()),
  question: ['question', 'tap-hint'].flatMap((id) => texts(document.getElementById(id))
    .flatMap((node) => over(node, 0, node.data.length))),
  name: at < 0 ? [] : parts,
  rem: [parseFloat(getComputedStyle(document.documentElement).fontSize)],
  brackets,
};
"""


def _geometry(driver: WebDriver) -> dict[str, Any]:
    return dict(driver.execute_script(_GEOMETRY, CLERK))


def _across(one: list[float], other: list[float], vertical: bool) -> bool:
    """Whether two boxes stand in one column (vertical) or on one line: their extents across it overlap by more than
    half the narrower's, as a column's characters do and the next column's do not."""
    low, high = (0, 2) if vertical else (1, 3)
    shared = min(one[high], other[high]) - max(one[low], other[low])
    return shared > min(one[high] - one[low], other[high] - other[low]) / 2


def _read_in_order(geometry: dict[str, Any], lang: str, what: str) -> None:
    """The card's lines follow one another as the Chinese card's do top to bottom (desk and clerk, bundle,
    applicant): in Mongolian columns left to right, each line after the one before; the clerk's name in one column or
    line per part (it breaks only after its "·") and within the card's box; no bracket alone in a column or line."""
    vertical = lang == "mn"
    rows = [list(map(float, row)) for row in geometry["rows"]]
    start, end = (0, 2) if vertical else (1, 3)
    assert all(after[start] >= before[end] - 0.5 for before, after in itertools.pairwise(rows)), (what, rows)
    card = list(map(float, geometry["card"]))
    assert len(geometry["name"]) == len(CLERK.split("·")), (what, "name not on the card")
    for part in geometry["name"]:
        rects = [list(map(float, rect)) for rect in part]
        assert rects, (what, "name not drawn")
        assert all(_across(rects[0], rect, vertical) for rect in rects), (what, "name broken", rects)
        inside = [card[0] - 0.5 <= r[0] and r[2] <= card[2] + 0.5 and card[1] - 0.5 <= r[1] and r[3] <= card[3] + 0.5
                  for r in rects]  # fmt: skip
        assert all(inside), (what, "name cut at the card's edge", rects, card)
    _brackets_kept(geometry, vertical, what)


def _brackets_kept(geometry: dict[str, Any], vertical: bool, what: str) -> None:
    """Each shown bracket in the column (or on the line) of the character inside it next to it."""
    for bracket, rects, neighbour in geometry["brackets"]:
        if rects and neighbour:
            assert _across(rects[0], neighbour[0], vertical), (what, f"{bracket} alone", rects, neighbour)


#: the reasons question and the card's lines given columns ``arguments[0]`` px high (none with ``""``)
_HEIGHT = """
for (const shown of document.querySelectorAll('#reasons-question, #card p')) shown.style.maxHeight = arguments[0];
"""


def _swept(driver: WebDriver, what: str) -> None:
    """No bracket alone in a column at any column height from 120 to 400 px: wherever the columns break."""
    for height in range(120, 400, 5):
        driver.execute_script(_HEIGHT, f"{height}px")
        _brackets_kept(_geometry(driver), True, f"{what} in columns of {height} px")
    driver.execute_script(_HEIGHT, "")


#: a line after the card's lines saying ``arguments[0]`` as the page says a card's line (pad.js say()), with the card's
#: style and in a Mongolian column if ``arguments[1]``; ``null`` takes it away
_PROBE = """
let probe = document.getElementById('probe');
if (arguments[0] === null) { if (probe) probe.remove(); return; }
if (!probe) { probe = document.createElement('p'); probe.id = 'probe'; document.getElementById('card').append(probe); }
say(probe, arguments[0]);
probe.classList.toggle('vertical', arguments[1]);
"""
#: a character of Chinese script: drawn upright in a Mongolian column
_HAN = ("\u3400", "\u9fff")


def _screen(driver: WebDriver, text: str, vertical: bool) -> Image.Image:
    """The page, in grey, with the probe line saying ``text`` (after a zero-width space: a line as high, or in
    Mongolian as wide, with no text as with some, so that nothing else moves)."""
    driver.execute_script(_PROBE, f"\u200b{text}", vertical)
    return Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("L")


def _drawn(before: Image.Image, after: Image.Image) -> tuple[int, int, int, int]:
    """The box (left, top, right, bottom) of the ink ``after`` has that ``before`` had not."""
    drawn = ImageChops.difference(before, after).point(lambda value: 255 if value > 96 else 0).getbbox()
    assert drawn is not None, "nothing drawn"
    return drawn


def _boundaries(lines: list[str]) -> Iterator[tuple[str, int]]:
    """Each place in the card's lines where a Chinese character meets a character of another kind (a bracket, the
    "·" of a name, a digit, an asterisk of a masked name), as (line, index of the second)."""
    for text in lines:
        for at in range(1, len(text)):
            pair = text[at - 1 : at + 1]
            hans = [_HAN[0] <= char <= _HAN[1] for char in pair]
            if not any(char.isspace() for char in pair) and hans[0] != hans[1]:
                yield text, at


def _marks_in_place(driver: WebDriver, lang: str, what: str) -> None:
    """Wherever on the card a Chinese character meets a mark, a digit or an asterisk, each is drawn in its own place.
    Shown in a line with the card's style (the character two before, then the one before, then the next, each picture
    against the one before it), the later character's ink begins where the earlier's ends, down the column in
    Mongolian or along the line in Chinese, across the same column or line; in a Mongolian column a bracket lies
    along the column (wider across it than long) and a name's "·" stands at the column's middle.  Chromium set a
    Chinese character upright in a column 0.8 of its size below its place (the vertical metrics of WenQuanYi Micro
    Hei), over the （ or · after it: the layout's boxes were right, only the pixels show it."""
    vertical = lang == "mn"
    lines = driver.execute_script("return [...document.querySelectorAll('#card p')].map((p) => p.textContent)")
    places = list(_boundaries([str(line) for line in lines]))
    assert places, (what, lines)
    along, across = ((1, 3), (0, 2)) if vertical else ((0, 2), (1, 3))
    for text, at in places:
        start = max(at - 2, 0)
        before, middle, after = (_screen(driver, text[start:end], vertical) for end in (at - 1, at, at + 1))
        earlier, later = _drawn(before, middle), _drawn(middle, after)
        said = (what, text[at - 1 : at + 1], earlier, later)
        assert later[along[0]] >= earlier[along[1]], ("drawn over the character before it", *said)
        shared = min(later[across[1]], earlier[across[1]]) - max(later[across[0]], earlier[across[0]])
        assert shared > 0, ("not in the same column or line", *said)
        if vertical and text[at] in "（）":
            assert later[2] - later[0] > later[3] - later[1], ("bracket not along the column", *said)
        if vertical and text[at] == "·":
            centre, width = (earlier[0] + earlier[2]) / 2, earlier[2] - earlier[0]
            assert abs((later[0] + later[2]) / 2 - centre) <= width / 10, ("· not in the column's middle", *said)
    driver.execute_script(_PROBE, None, False)


#: the rating page at text size ``arguments[0]`` % (the root's font size, as the page sets it from its fragment): the
#: first face's width and height, and the question's font size in px
_AT_TEXT = """
document.documentElement.style.fontSize = `${arguments[0] / 100 * 16}px`;
const face = document.querySelector('#faces button.face').getBoundingClientRect();
return [face.width, face.height, parseFloat(getComputedStyle(document.getElementById('question')).fontSize)];
"""


def _grows(driver: WebDriver, lang: str, size: tuple[int, int]) -> None:
    """The rating page at 100 % and at 150 %: the faces no smaller at 150 %, and at 1280×800 the question larger."""
    small, large = (driver.execute_script(_AT_TEXT, text) for text in (100, 150))
    print(f"pad page {lang} {size[0]}×{size[1]}: face and question at 100 % {small}, at 150 % {large}")
    assert (large[0] >= small[0], large[1] >= small[1]) == (True, True), (f"faces {lang} {size}", small, large)
    if size == (1280, 800):
        assert large[2] > small[2], (f"question {lang} {size}", small, large)


def _open(driver: WebDriver, server: HallServer, key: str, lang: str, text: int) -> None:
    driver.get(f"https://localhost:{server.port}/pad#key={key}&lang={lang}&text={text}")
    _shown(driver, "idle")
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "welcome").text.strip())
    assert "key=" not in driver.current_url  # the key left the address bar: kept in the tablet's storage alone


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_the_pad_page_shows_the_clerks_request_and_records_the_applicants_tap_under_the_pads_key(
    page_hall: tuple[HallServer, str, str, Path], tmp_path: Path, lang: str
) -> None:
    server, url, key, certificate = page_hall
    clerk = server.desk("1", "clerk1", HALL_PASSWORD)
    sizes: dict[tuple[int, int], dict[str, float]] = {}
    for size in SIZES:
        with chromium(tmp_path / f"chromium-{size[0]}", certificate, size) as driver:
            measured: dict[str, float] = {}
            for text in (100, 150):
                _open(driver, server, key, lang, text)
                measured[f"idle-{text}"] = float(_style(driver, "welcome", "fontSize").removesuffix("px"))
                _fits(driver, f"idle {lang} {size} {text} %")
            case_no = _taken(clerk)
            asked_at = time.monotonic()
            asked = clerk.call(SEND_TO_PAD, CaseNo(case_no))
            _shown(driver, "rating")
            shown_at = time.monotonic()
            shown_in = shown_at - asked_at
            print(f"pad page {lang} {size[0]}×{size[1]}: the request shown {shown_in:.2f} s after the clerk asked")
            if SHOTS is not None:
                driver.save_screenshot(str(SHOTS / f"pad-page-{lang}-{size[0]}x{size[1]}.png"))
            geometry = _geometry(driver)
            _fits(driver, f"rating {lang} {size} 150 %")
            _read_in_order(geometry, lang, f"card {lang} {size} 150 %")
            _marks_in_place(driver, lang, f"card {lang} {size} 150 %")
            if lang == "mn":  # the card's lines at every column height, then no empty band beside the question
                _swept(driver, f"card {lang} {size}")
                driver.execute_script(_PROBE, LISTED, True)  # and a 、 never begins a column
                _swept(driver, f"a listing {lang} {size}")
                driver.execute_script(_PROBE, None, False)
                question = max(float(rect[2]) for rect in geometry["question"])
                gap = float(geometry["card"][0]) - question
                # the grid's 0.5rem between the two boxes is all that should part them; 2rem (48 px at 150 %) leaves
                # room for a column's rounding and a short last column, and is far under the 103 px (800×480) and
                # 215 px (1280×800) of empty band they stood apart when the grid's columns were wider than the text
                assert 0 <= gap < 2 * float(geometry["rem"][0]), (f"gap {lang} {size}", gap, geometry["rem"])
            card = driver.find_element(By.ID, "card").text
            assert "阿拉坦其其格·孟和巴雅尔" in card  # the clerk's whole name, on the card
            assert "测**" in card  # the applicant's masked name beside the time taken: hers, and nobody else's
            _grows(driver, lang, size)
            faces = driver.find_elements(By.CSS_SELECTOR, "#faces button.face")
            assert [face.get_attribute("aria-label") for face in faces] == list(levels(lang))
            if lang == "mn":  # the question stands in the browser's own vertical columns, the Mongolian font drawn
                assert _style(driver, "question", "writingMode") == "vertical-lr"
                assert any("\u1800" <= char <= "\u18af" for char in driver.find_element(By.ID, "question").text)
            else:
                assert driver.find_element(By.ID, "question").text == "请您对本次服务作出评价"
            if size == SIZES[0]:  # the applicant reads a while: the page, asking again, still heard by the desk
                time.sleep(max(0.0, shown_at + SHOWN_HEARD_S + 6 - time.monotonic()))
                assert clerk.call(REQUEST_STATE, RequestId(asked.request_id)).pad_away is False
            faces[-1].click()  # a bad face: its reasons asked, on a page within the width too, then chosen again
            _shown(driver, "reasons")
            _fits(driver, f"reasons {lang} {size} 150 %")
            _brackets_kept(_geometry(driver), lang == "mn", f"reasons {lang} {size} 150 %")
            if lang == "mn":  # and at every column height the question and the card's lines may be given
                _swept(driver, f"reasons {lang} {size}")
            driver.find_element(By.ID, "back").click()
            _shown(driver, "rating")
            faces[0].click()
            _shown(driver, "thanks")
            print(f"pad page {lang} {size[0]}×{size[1]}: answered {time.monotonic() - shown_at:.1f} s after shown")
            _fits(driver, f"thanks {lang} {size} 150 %")
            sizes[size] = measured
            # recorded under pad-1's key, the pad named, as given on the hall's tablet (not the second screen's
            # 政务大厅其他终端), for the case's clerk
            assert _rated(url, case_no) == [("very_satisfied", "hall_tablet", "阿拉坦其其格·孟和巴雅尔", "pad-1")]
    for measured in sizes.values():
        assert measured["idle-150"] > measured["idle-100"]  # the pad's text grows with its text size
