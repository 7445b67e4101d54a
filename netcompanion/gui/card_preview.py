"""A card image with the word boxes of the reader's fields outlined, as a QPixmap."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

FIELD_COLOURS = {
    "full_name": "#3b5bdb", "title": "#7048e8", "company": "#0c8599", "emails": "#2b8a3e",
    "phones": "#e67700", "websites": "#1098ad", "address": "#c2255c", "linkedin": "#1864ab",
}


def image_from_array(array) -> QImage:  # noqa: ANN001 (numpy RGB array)
    """A QImage copy of an RGB uint8 numpy array."""
    height, width = array.shape[:2]
    data = array.copy(order="C")
    return QImage(data.data, width, height, width * 3, QImage.Format.Format_RGB888).copy()


#: Longest side of an image file shown in the app (the preview is at most 640 pixels wide).
SHOWN_SIDE = 1600


def image_from_file(path: str | Path) -> QImage:
    """An image file as a QImage, through the card reader's guarded loader (HEIC/HEIF, EXIF
    orientation, size limits, FIFOs refused); a null QImage when it cannot be read."""
    from netcompanion.ocr.image_io import ImageError, load_image

    try:
        bgr = load_image(path, max_side=SHOWN_SIDE)
    except ImageError:
        return QImage()
    return image_from_array(bgr[:, :, ::-1])


def outlined(image: QImage, boxes: dict[str, list[list[int]]], low: set[str], width: int) -> QPixmap:
    """`image` scaled to `width` with each field's boxes outlined; the fields to check (`low`)
    in a thicker dashed line."""
    pixmap = QPixmap.fromImage(image)
    if pixmap.isNull():
        return pixmap
    scale = width / pixmap.width() if pixmap.width() else 1.0
    pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for field, field_boxes in boxes.items():
        pen = QPen(QColor(FIELD_COLOURS.get(field, "#495057")))
        pen.setWidth(2)
        if field in low:
            pen.setWidth(4)
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for x0, y0, x1, y1 in field_boxes:
            painter.drawRect(QRect(int(x0 * scale) - 2, int(y0 * scale) - 2,
                                   int((x1 - x0) * scale) + 4, int((y1 - y0) * scale) + 4))
    painter.end()
    return pixmap
