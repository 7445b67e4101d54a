"""Finding the card in a photo: outline, perspective correction, and turning it upright.

Detection runs on a small copy (cheap); the warp is done on the full image. Flat scans (the card
fills the frame, or no clear card outline) pass through untouched.
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


def find_card(image: np.ndarray) -> CardDetection:
    """Find the card outline in ``image`` (BGR). Returns a detection with ``quad`` or None."""
    h, w = image.shape[:2]
    scale = DETECT_SIDE / float(max(h, w))
    small = cv2.resize(image, (max(1, int(w * scale)), max(1, int(h * scale))),
                       interpolation=cv2.INTER_AREA) if scale < 1 else image.copy()
    scale = small.shape[1] / float(w)
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
                if score > best[0] and _edge_support(small, quad) < 0.7:
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
    wt, wb = np.linalg.norm(q[1] - q[0]), np.linalg.norm(q[2] - q[3])
    hl, hr = np.linalg.norm(q[3] - q[0]), np.linalg.norm(q[2] - q[1])
    width, height = max(wt, wb), max(hl, hr)
    s = min(1.0, out_side / max(width, height)) if max(width, height) > out_side else 1.0
    width, height = int(round(width * s)), int(round(height * s))
    # shrink the outline by a hair so the desk edge does not become a text line
    c = q.mean(axis=0)
    q = c + (q - c) * 0.995
    dst = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]],
                   dtype=np.float32)
    m = cv2.getPerspectiveTransform(q.astype(np.float32), dst)
    return cv2.warpPerspective(image, m, (width, height), flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_REPLICATE)


def flatten_card(image: np.ndarray) -> tuple[np.ndarray, CardDetection]:
    """The card cut out of ``image`` and flattened, or ``image`` itself for a flat scan."""
    det = find_card(image)
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
