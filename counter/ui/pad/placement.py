"""Where the pad goes on the clerk's own screen (a township laptop): beside the clerk's windows, not over them.

The pad shows there only while a rating is asked.  It takes, in this order:

1. a part of the screen that none of the desk's windows uses (the right or the bottom part of a wide screen);
2. with no such room, a part that no window but the desk's main window uses — the clerk has finished the
   service and is not searching while the applicant rates; with no other window open, the pad is centred
   over the main window;
3. with no room at all (an intake filling a small screen), the middle of the screen, for the rating only.

The strip (:class:`counter.ui.pad.strip.PadStrip`) stays at the screen's edge where it covers the least of the
windows' content: over a title bar, outside any window, never over a form when it can help it.  Plain
rectangles in and out, so each rule is tested without a window system's moods.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

#: the pad's size beside the clerk's windows: the usual 7-inch pad panel
PAD_SIZE = QSize(800, 480)
#: the least the pad's pages can be laid out in (five faces side by side, three reason buttons in a row)
PAD_MINIMUM = QSize(630, 400)


def desk_windows(leave_out: Iterable[QWidget]) -> list[QWidget]:
    """The desk's windows on screen (main window, intake, case pages, dialogs), the pad's own left out."""
    skipped = list(leave_out)
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible()
        and w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
        and all(w is not s for s in skipped)
    ]


def _fit(region: QRect, size: QSize, minimum: QSize) -> QRect | None:
    """``size`` or less, centred in ``region``; None when even ``minimum`` does not fit."""
    if region.width() < minimum.width() or region.height() < minimum.height():
        return None
    fitted = QSize(min(size.width(), region.width()), min(size.height(), region.height()))
    spot = QRect(QPoint(0, 0), fitted)
    spot.moveCenter(region.center())
    return spot


def free_spot(area: QRect, taken: Sequence[QRect], size: QSize, minimum: QSize) -> QRect | None:
    """The largest spot of up to ``size`` in ``area`` that overlaps none of ``taken``; None when there is no room.

    The windows are taken as one block (their bounding rectangle): the parts of the screen to its right, below it,
    to its left and above it are the candidates, the right and the bottom first (where a screen turned to the
    applicant has its free side on a wide desk).
    """
    used = QRect()
    for rect in taken:
        used = used.united(rect.intersected(area))
    if used.isEmpty():
        return _fit(area, size, minimum)
    sides = (
        QRect(QPoint(used.right() + 1, area.top()), area.bottomRight()),
        QRect(QPoint(area.left(), used.bottom() + 1), area.bottomRight()),
        QRect(area.topLeft(), QPoint(used.left() - 1, area.bottom())),
        QRect(area.topLeft(), QPoint(area.right(), used.top() - 1)),
    )
    spots = [spot for side in sides if (spot := _fit(side, size, minimum)) is not None]
    if not spots:
        return None
    return max(spots, key=lambda spot: spot.width() * spot.height())  # the first of equals: right, bottom…


def centred_over(area: QRect, over: QRect, size: QSize) -> QRect:
    """``size`` (or the area, if smaller) centred over ``over``, moved inside ``area``."""
    spot = QRect(QPoint(0, 0), size.boundedTo(area.size()))
    spot.moveCenter(over.center())
    spot.moveLeft(max(area.left(), min(spot.left(), area.right() - spot.width() + 1)))
    spot.moveTop(max(area.top(), min(spot.top(), area.bottom() - spot.height() + 1)))
    return spot


def pad_spot(area: QRect, main: QRect | None, others: Sequence[QRect], minimum: QSize = PAD_MINIMUM) -> QRect:
    """Where the pad shows for a rating: ``main`` the desk's main window, ``others`` its other windows (frames).

    ``minimum`` is what the pad's pages need at this text size: a spot smaller than that would be grown by the
    window system from its corner, off the screen's edge, so the fallbacks centre a spot of at least that size.
    """
    everything = [*([main] if main is not None else []), *others]
    spot = free_spot(area, everything, PAD_SIZE, minimum)
    if spot is not None:
        return spot
    size = PAD_SIZE.expandedTo(minimum)
    if others:
        spot = free_spot(area, others, PAD_SIZE, minimum)
        if spot is not None:
            return spot
        return centred_over(area, area, size)
    return centred_over(area, main if main is not None else area, size)


def _covered(spot: QRect, content: Sequence[QRect]) -> int:
    """How much of the windows' content ``spot`` hides, in pixels (overlaps of windows counted once each)."""
    return sum(overlap.width() * overlap.height() for overlap in map(spot.intersected, content))


def edge_spot(area: QRect, size: QSize, content: Sequence[QRect]) -> QRect:
    """Where the strip stays: on an edge of ``area``, where it hides least of ``content`` (the windows' insides).

    A title bar is no window's content, so over a maximised window the strip sits on its title bar at the top.
    Of equal places, the top centre first, then the bottom centre, then the corners.
    """
    size = size.boundedTo(area.size())
    w, h = size.width(), size.height()
    left, right = area.left(), area.right() - w + 1
    top, bottom = area.top(), area.bottom() - h + 1
    centre = area.left() + (area.width() - w) // 2
    places = [(centre, top), (centre, bottom), (right, top), (right, bottom), (left, top), (left, bottom)]
    spots = [QRect(x, y, w, h) for x, y in places]
    return min(spots, key=lambda spot: _covered(spot, content))
