"""Finding the card in a photo: outline, perspective correction, and turning it upright.

Detection runs on a small copy (cheap); the warp is done on the full image. Flat scans (the card
fills the frame, or no clear card outline) pass through untouched. An outline is only a card if
it has a card's shape (85.6 x 54 mm, 3.5 x 2 in, 91 x 55 mm or square, seen in perspective), is
not a 2-D code the caller decoded, and leaves no text outside it: on a flat scan, a QR code, a
logo or a photo differs from the paper around it just as a card differs from a desk, but only
there does printed text lie around it.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

#: Side of the downscaled copy the outline is searched on.
DETECT_SIDE = 640
#: A card must cover at least this share of the photo, and at most MAX_AREA (else: a flat scan).
MIN_AREA = 0.12
MAX_AREA = 0.92
#: Longest side over shortest side of the outline: cards are 1.0 (square) to 1.75 (3.5 x 2 in);
#: perspective stretches that a little.
MAX_ASPECT = 2.1
#: An outline with this many letter-sized marks outside it is something printed on a flat scan.
MAX_MARKS_OUTSIDE = 6
#: Longest side of the flattened card handed to the recogniser.
OUT_SIDE = 2200


@dataclass
class CardDetection:
    """Where the card was found: ``quad`` (4 corner points in the input image) or None."""

    quad: np.ndarray | None
    method: str = "none"
    area: float = 0.0


def _order(pts: np.ndarray) -> np.ndarray:
    pts = np.asarray(pts, dtype=np.float32).reshape(4, 2)
    s = pts.sum(axis=1)
    d = np.diff(pts, axis=1).ravel()
    return np.array([pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]],
                    dtype=np.float32)


def _quad_from_contour(cnt: np.ndarray) -> np.ndarray | None:
    hull = cv2.convexHull(cnt)
    peri = cv2.arcLength(hull, True)
    for eps in (0.02, 0.03, 0.045, 0.06):
        approx = cv2.approxPolyDP(hull, eps * peri, True)
        if len(approx) == 4:
            return approx.reshape(4, 2).astype(np.float32)
    # fall back to the rotated bounding rectangle when the hull is nearly rectangular
    rect = cv2.minAreaRect(hull)
    box = cv2.boxPoints(rect)
    if cv2.contourArea(hull) / max(rect[1][0] * rect[1][1], 1.0) > 0.9:
        return box.astype(np.float32)
    return None


def _good_quad(quad: np.ndarray, cnt_area: float, shape: tuple[int, int]) -> float:
    """Score a candidate outline (0 = reject)."""
    h, w = shape
    qa = cv2.contourArea(quad.astype(np.float32))
    frac = qa / float(h * w)
    if not (MIN_AREA <= frac <= MAX_AREA) or qa <= 0:
        return 0.0
    if cnt_area / qa < 0.8:  # not a filled rectangle
        return 0.0
    if not cv2.isContourConvex(quad.astype(np.float32).reshape(-1, 1, 2)):
        return 0.0
    q = _order(quad)
    sides = [np.linalg.norm(q[(i + 1) % 4] - q[i]) for i in range(4)]
    if min(sides) < 0.12 * max(h, w):
        return 0.0
    # corner angles close to 90 degrees (perspective allows some slack)
    for i in range(4):
        a, b, c = q[i - 1], q[i], q[(i + 1) % 4]
        v1, v2 = a - b, c - b
        cos = abs(float(np.dot(v1, v2)) / (np.linalg.norm(v1) * np.linalg.norm(v2) + 1e-9))
        if cos > 0.42:  # corners within about 65..115 degrees
            return 0.0
    margin = 0.01 * max(h, w)
    touching = sum([q[:, 0].min() < margin, q[:, 1].min() < margin,
                    q[:, 0].max() > w - 1 - margin, q[:, 1].max() > h - 1 - margin])
    if touching >= 2:
        return 0.0
    return frac * (1.0 - 0.25 * touching)


def _edge_support(small: np.ndarray, quad: np.ndarray) -> float:
    """Share of the outline where the inside differs in colour from the outside (a card edge
    does so all round; the outline of a blob of text on a white page does not)."""
    lab = cv2.cvtColor(cv2.GaussianBlur(small, (5, 5), 0), cv2.COLOR_BGR2LAB).astype(np.float32)
    q = _order(quad)
    c = q.mean(axis=0)
    h, w = lab.shape[:2]
    off = max(3.0, 0.01 * max(h, w))
    hits = total = 0
    for i in range(4):
        a, b = q[i], q[(i + 1) % 4]
        d = b - a
        n = np.array([-d[1], d[0]], dtype=np.float32)
        n /= float(np.linalg.norm(n)) or 1.0
        if np.dot(c - a, n) < 0:
            n = -n  # n points into the card
        for t in np.linspace(0.08, 0.92, 30):
            p = a + d * t
            pin, pout = p + n * off, p - n * off
            xi, yi = int(round(pin[0])), int(round(pin[1]))
            xo, yo = int(round(pout[0])), int(round(pout[1]))
            if 0 <= xi < w and 0 <= yi < h and 0 <= xo < w and 0 <= yo < h:
                total += 1
                hits += float(np.linalg.norm(lab[yi, xi] - lab[yo, xo])) > 10.0
    return hits / total if total else 0.0


def _card_like(small: np.ndarray, quad: np.ndarray, code_quads: list[np.ndarray]) -> bool:
    """A card's shape, no decoded code filling it, and no text around it."""
    if _aspect(quad) > MAX_ASPECT:
        return False
    if any(_covers(c, quad) for c in code_quads):
        return False
    return _marks_outside(small, quad) < MAX_MARKS_OUTSIDE


def _covers(inner: np.ndarray, outer: np.ndarray, share: float = 0.5) -> bool:
    """True if the convex quadrilateral ``inner`` fills ``share`` of ``outer`` or more."""
    area = cv2.contourArea(outer.astype(np.float32))
    if area <= 0:
        return False
    inter, _ = cv2.intersectConvexConvex(inner.astype(np.float32), _order(outer))
    return inter / area >= share


def _candidates_background(small: np.ndarray) -> list[np.ndarray]:
    """Card = what differs from the colour of the image border (desk, table, scanner lid)."""
    lab = cv2.cvtColor(cv2.GaussianBlur(small, (5, 5), 0), cv2.COLOR_BGR2LAB).astype(np.float32)
    h, w = lab.shape[:2]
    b = max(3, min(h, w) // 40)
    border = np.concatenate([lab[:b].reshape(-1, 3), lab[-b:].reshape(-1, 3),
                             lab[:, :b].reshape(-1, 3), lab[:, -b:].reshape(-1, 3)])
    bg = np.median(border, axis=0)
    spread = np.median(np.abs(border - bg), axis=0)
    dist = np.linalg.norm((lab - bg) / (1.0 + spread * 0.5), axis=2)
    out = []
    for thr in (None, 18.0):
        d8 = np.clip(dist * 4, 0, 255).astype(np.uint8)
        if thr is None:
            _, mask = cv2.threshold(d8, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        else:
            mask = (dist > thr).astype(np.uint8) * 255
        k = max(3, min(h, w) // 60) | 1
        mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((k, k), np.uint8))
        out.append(mask)
    return out


def _candidates_edges(small: np.ndarray) -> list[np.ndarray]:
    gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    gray = cv2.GaussianBlur(gray, (5, 5), 0)
    v = float(np.median(gray))
    edges = cv2.Canny(gray, int(max(0, 0.66 * v)), int(min(255, 1.33 * v)) or 50)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8), iterations=2)
    return [edges]


def _aspect(quad: np.ndarray) -> float:
    q = _order(quad)
    a = float(np.linalg.norm(q[1] - q[0]) + np.linalg.norm(q[2] - q[3])) / 2
    b = float(np.linalg.norm(q[3] - q[0]) + np.linalg.norm(q[2] - q[1])) / 2
    return max(a, b) / max(min(a, b), 1e-6)


def _marks_outside(small: np.ndarray, quad: np.ndarray) -> int:
    """Letter-sized dark-on-light or light-on-dark marks outside ``quad`` (grown by a margin):
    the text of a flat scan around a code, logo or photo printed on it."""
    gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    h, w = gray.shape[:2]
    block = max(15, (min(h, w) // 12) | 1)
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                block, 25)
    if float(np.median(gray)) < 110:  # dark paper, light print
        ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY,
                                    block, -25)
    grow = np.zeros((h, w), np.uint8)
    q = _order(quad)
    c = q.mean(axis=0)
    cv2.fillConvexPoly(grow, (c + (q - c) * 1.08).astype(np.int32), 255)
    ink[grow > 0] = 0
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    side = float(min(h, w))
    hs, ws, areas = stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_AREA]
    letters = ((hs >= 0.02 * side) & (hs <= 0.15 * side) & (ws <= 1.5 * hs) & (ws >= 0.08 * hs)
               & (areas >= 0.15 * hs * ws) & (areas <= 0.85 * hs * ws))
    return int(letters.sum())


def find_card(image: np.ndarray, codes: list[np.ndarray] | None = None) -> CardDetection:
    """Find the card outline in ``image`` (BGR). Returns a detection with ``quad`` or None.

    ``codes`` are the corners (in ``image``) of 2-D codes decoded on it: an outline they fill is
    the code, not the card.
    """
    h, w = image.shape[:2]
    scale = DETECT_SIDE / float(max(h, w))
    small = cv2.resize(image, (max(1, int(w * scale)), max(1, int(h * scale))),
                       interpolation=cv2.INTER_AREA) if scale < 1 else image.copy()
    scale = small.shape[1] / float(w)
    code_quads = [np.asarray(c, np.float32).reshape(4, 2) * scale for c in codes or []]
    best: tuple[float, np.ndarray | None, str] = (0.0, None, "none")
    for method, masks in (("background", _candidates_background(small)),
                          ("edges", _candidates_edges(small))):
        for mask in masks:
            contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
            for cnt in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
                area = cv2.contourArea(cnt)
                if area < MIN_AREA * small.shape[0] * small.shape[1]:
                    break
                quad = _quad_from_contour(cnt)
                if quad is None:
                    continue
                score = _good_quad(quad, area if method == "background" else
                                   cv2.contourArea(cv2.convexHull(cnt)), small.shape[:2])
                if score > best[0] and (_edge_support(small, quad) < 0.7
                                        or not _card_like(small, quad, code_quads)):
                    score = 0.0
                if score > best[0]:
                    best = (score, quad, method)
        if best[1] is not None:
            break  # the background method is more exact; edges only when it finds nothing
    if best[1] is None:
        return CardDetection(None)
    return CardDetection(_order(best[1] / scale), best[2], best[0])


def warp_card(image: np.ndarray, quad: np.ndarray, out_side: int = OUT_SIDE) -> np.ndarray:
    """Perspective-correct the card given by ``quad`` (tl, tr, br, bl) to a flat rectangle."""
    q = _order(quad)
    wt, wb = float(np.linalg.norm(q[1] - q[0])), float(np.linalg.norm(q[2] - q[3]))
    hl, hr = float(np.linalg.norm(q[3] - q[0])), float(np.linalg.norm(q[2] - q[1]))
    long_width, long_height = max(wt, wb), max(hl, hr)
    longest = max(long_width, long_height)
    s = min(1.0, out_side / longest) if longest > out_side else 1.0
    width, height = int(round(long_width * s)), int(round(long_height * s))
    # shrink the outline by a hair so the desk edge does not become a text line
    c = q.mean(axis=0)
    q = c + (q - c) * 0.995
    dst = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]],
                   dtype=np.float32)
    m = cv2.getPerspectiveTransform(q.astype(np.float32), dst)
    return cv2.warpPerspective(image, m, (width, height), flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_REPLICATE)


def flatten_card(image: np.ndarray,
                 codes: list[np.ndarray] | None = None) -> tuple[np.ndarray, CardDetection]:
    """The card cut out of ``image`` and flattened, or ``image`` itself for a flat scan
    (``codes``: corners of the 2-D codes decoded on ``image``, see :func:`find_card`)."""
    det = find_card(image, codes)
    if det.quad is None:
        return image, det
    return warp_card(image, det.quad), det


def rotate(image: np.ndarray, degrees: int) -> np.ndarray:
    """Turn ``image`` clockwise by 0/90/180/270 degrees."""
    degrees %= 360
    if degrees == 90:
        return cv2.rotate(image, cv2.ROTATE_90_CLOCKWISE)
    if degrees == 180:
        return cv2.rotate(image, cv2.ROTATE_180)
    if degrees == 270:
        return cv2.rotate(image, cv2.ROTATE_90_COUNTERCLOCKWISE)
    return image
