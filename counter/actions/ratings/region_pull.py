"""The hall's own 好差评 work: the region's ratings of its recent unrated cases taken in, then the site's default.

补充评价: an applicant the pad got no rating from (its time ran out, or the service was never sent to it) may rate
later on the 自治区 system's page by the QR code of the receipt or notice (channel 二维码).  That rating reaches the
region directly; :func:`pull_pass` asks the platform for the ratings of the cases still unrated here that a paper
invites one for now: taken in the 补充评价 period (and a day's grace), or given a paper carrying the rating QR code in
that period since (a 不予批准决定书 or a 送达回证 weeks after the intake invites a rating from its own date)
(:mod:`counter.platform.region_ratings`), and keeps each as the case's first rating: on the request whose time ran
out, or a request of the case's own desk and clerk where none was sent.  A case the
pad got a rating for keeps it (一次一评); a rating the region holds is not reported back to it
(:func:`counter.db.rating_store.add_rating`).

Then, only where the site's own rule says so (:class:`counter.ratings.settings.DefaultRule`, off by default, with its
citation), a case still unrated ``days`` natural days after it was taken is rated 基本满意 by channel 系统默认评价 —
after the pull, so a rating given by QR within the period is never overwritten by the default.  Only the cases of
the last :data:`DEFAULT_REACH` days before that are looked at: switching a rule on does not rate a year of old
services, and a hall whose work stopped a few days catches up.

A township centre never asks, whatever its mode: the hall reports upward and asks for every case its file holds,
the township's by sync among them.  Were both to ask, a rating given by QR would be kept twice — once at the
township, once at the hall — and the township's would reach the hall as a second first rating with the next package.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.actions.admin.acting import system_desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.outbox.frame import Writer
from counter.actions.outbox.platform import mapping_named, platform_settings
from counter.actions.ratings.record import keep_rating, rating_settings
from counter.db import models
from counter.db.rating_page import site_rating_page
from counter.db.rating_store import add_request, requests_of_case
from counter.db.service_standing import Standing
from counter.db.settings_store import is_township
from counter.documents.rating_qr import SNAPSHOT_KEY
from counter.host.outward.region_ratings import RatingsQuestion, ask_ratings
from counter.platform.mapping import MappingError
from counter.platform.region_ratings import AnswerError, AskFailure, RegionPull, RegionRating, query_body, read_answer
from counter.ratings.choice import RatingChoice
from counter.ratings.eval_content import load_eval_content
from counter.ratings.levels import Channel, Level, is_bad
from counter.ratings.refusals import ChoiceRefused, RatingRefused
from counter.ratings.status import DeskStatus

log = logging.getLogger(__name__)

CHUNK = 200  # case numbers per question
GRACE_DAYS = 1  # a rating given on the period's last evening, asked the next morning
DEFAULT_REACH = 31
UNRATED = (Standing.NOT_SENT.value, Standing.LAPSED.value)


def _unrated_cases(session: Session, first: dt.date, last: dt.date) -> list[str]:
    c = models.Case
    stmt = (
        select(c.case_no)
        .where(c.received_on >= first, c.received_on <= last, c.rating_standing.in_(UNRATED))
        .order_by(c.received_on, c.case_no)
    )
    return list(session.scalars(stmt))


def _invited_cases(session: Session, first: dt.date, last: dt.date) -> list[str]:
    """The unrated cases a paper issued from ``first`` to ``last`` invites 补充评价 on: its snapshot keeps the rating
    page (:data:`counter.documents.rating_qr.SNAPSHOT_KEY`)."""
    c, d = models.Case, models.DocumentRecord
    stmt = (
        select(c.case_no, func.min(c.received_on))
        .join(d, d.case_id == c.id)
        .where(d.issued_on >= first, d.issued_on <= last, d.office.contains(f'"{SNAPSHOT_KEY}"'))
        .where(c.rating_standing.in_(UNRATED))
        .group_by(c.case_no)
        .order_by(func.min(c.received_on), c.case_no)
    )
    return [case_no for case_no, _ in session.execute(stmt)]


def _question(session: Session, folder: Path | None, today: dt.date) -> tuple[RatingsQuestion | None, list[str]]:
    """What to ask the platform, and of which cases; None when the site is not to ask."""
    settings = platform_settings(session, folder)
    page = site_rating_page(session)
    if not settings.sends or page is None or not page.query_url(settings.endpoint):
        return None, []
    if is_township(session):  # the hall asks for every case its file holds, the township's by sync among them
        return None, []
    first = today - dt.timedelta(days=page.period_days + GRACE_DAYS)
    cases = list(dict.fromkeys([*_unrated_cases(session, first, today), *_invited_cases(session, first, today)]))
    url = page.query_url(settings.endpoint)
    question = RatingsQuestion(url, settings.account, settings.secret, b"", settings.timeout, settings.ca_file)
    return question, cases


def _choice(rating: RegionRating) -> RatingChoice:
    """The region's rating as the pad's choice would be: its 测评内容 codes as the list's labels for its level."""
    content = load_eval_content()
    offered = {i.code: i.label for i in content.for_level(rating.level)}
    labels = tuple(offered[code] for code in rating.reason_codes if code in offered)
    return RatingChoice(rating.level, labels, rating.comment, left=is_bad(rating.level) and not labels)


def take_region_rating(session: Session, rating: RegionRating, now: dt.datetime, desk: Desk | None = None) -> bool:
    """Keep a rating the region holds as its case's first, when the pad got none; False when it is not kept here."""
    case = session.scalars(select(models.Case).where(models.Case.case_no == rating.case_no)).one_or_none()
    if case is None or rating.round != 1 or case.rating_standing not in UNRATED:
        return False
    requests = [r for r in requests_of_case(session, case.id) if r.round == 1]
    if requests and requests[0].status is not DeskStatus.UNRATED:
        return False  # on the pad now, or rated there
    if requests:
        request = requests[0]
    else:  # never sent to the pad: the case's own desk and clerk served
        request_id = add_request(session, case.id, 1, now, case.site_code, case.desk_no, case.clerk)
        request = next(r for r in requests_of_case(session, case.id) if r.id == request_id)
    keep_rating(session, request, _choice(rating), system_desk(desk), now, office_calendar(session), rating.channel,
                rating.rated_at)  # fmt: skip
    return True


def apply_default_ratings(session: Session, now: dt.datetime, desk: Desk | None = None) -> int:
    """The site's default rating given to each case still unrated its rule's days after it was taken; how many."""
    rule = rating_settings(session)[0].default_rule
    if not rule.on:
        return 0
    last = now.date() - dt.timedelta(days=rule.days)
    given = 0
    for case_no in _unrated_cases(session, last - dt.timedelta(days=DEFAULT_REACH), last):
        default = RegionRating(case_no, Level.BASIC, Channel.SYSTEM_DEFAULT, (), "", now, 1)
        given += take_region_rating(session, default, now, desk)
    return given


def pull_pass(store: Writer, now: dt.datetime, *, desk: Desk | None = None, folder: Path | None = None) -> RegionPull:
    """One pass: ask, then keep what came (one transaction per answer), then the defaults (one transaction)."""
    question, cases = store.write(lambda s: _question(s, folder, now.date()))
    asked = taken = 0
    unread: list[str] = []
    failed, status = None, 0
    if question is not None:
        for start in range(0, len(cases), CHUNK):
            chunk = cases[start : start + CHUNK]
            fetched = ask_ratings(RatingsQuestion(question.url, question.account, question.secret, query_body(chunk),
                                          question.timeout, question.ca_file))  # fmt: skip
            asked += len(chunk)
            if not fetched.ok:
                failed, status = fetched.failure, fetched.status
                log.warning("region ratings not asked: %s", fetched.detail)
                break
            kept = store.write(functools.partial(_keep, raw=fetched.raw, now=now, desk=desk))
            if kept is None:
                failed = AskFailure.UNREADABLE
                break
            taken += kept[0]
            unread += kept[1]
    defaulted = store.write(lambda s: apply_default_ratings(s, now, desk))
    return RegionPull(asked, taken, tuple(unread), defaulted, failed, status)


def _keep(session: Session, *, raw: bytes, now: dt.datetime, desk: Desk | None) -> tuple[int, list[str]] | None:
    """The ratings taken in and the case numbers of those not; None for an answer that could not be read at all:
    the platform's fault, not a case's, said as the pass's failure (the parser's words are the log's)."""
    settings = platform_settings(session)
    try:
        mapping = mapping_named(settings.mapping)
        found, unread = read_answer(raw, mapping, mapping.codings(settings.codings))
    except (AnswerError, MappingError) as err:
        log.error("region ratings answer not read (%s): %s", type(err).__name__, err)
        return None
    taken = 0
    for rating in found:
        try:
            with session.begin_nested():  # a rating refused leaves nothing of it, the others kept
                kept = take_region_rating(session, rating, now, desk)
        except (ChoiceRefused, RatingRefused):
            kept = False
        if kept:
            taken += 1
        elif rating.round == 1:
            unread.append(rating.case_no)
    return taken, unread
