"""The marks scanner apps print on a scan ("Scanned with CamScanner" and its "CS" logo): no card
text, so the field readers never see them."""
from __future__ import annotations

import re

from .layout import Line

_APP = r"(?:cam\s?scann?er|tap\s?scanner|genius\s?scan|adobe\s?scan|clear\s?scan|oken\s?scanner)"
#: a whole line that is a scanner app's mark
_MARK_RE = re.compile(r"(?i)^\s*(?:scanned\s+(?:with|by|using)\s*)?" + _APP + r"\s*$"
                      r"|^\s*scanned\s+(?:with|by|using|wit|wi)\s*$")
#: the mark glued to the start of a card line ("Scanned witVidayanagar - 524 413")
_PREFIX_RE = re.compile(r"(?i)^\s*scanned\s+(?:with|wit|wi|by)(?=[A-Z])|^\s*" + _APP + r"(?=\s+\S)")


def drop_scanner_marks(lines: list[Line]) -> None:
    """Use up the lines that are a scanner app's mark, and the app's 'CS' logo beside them; cut
    the mark off the start of a line it is glued to."""
    marked = False
    for line in lines:
        if line.used:
            continue
        if _MARK_RE.match(line.text):
            line.used = "watermark"
            marked = True
        elif _PREFIX_RE.match(line.text):
            line.text = _PREFIX_RE.sub("", line.text).strip()
            marked = True
    if marked:
        for line in lines:
            if not line.used and line.text.strip() == "CS":
                line.used = "watermark"
