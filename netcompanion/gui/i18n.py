"""The app's words in the user's language: `tr(text)` for every string the user reads, and the
German translation (resources/translations/netcompanion_de.qm, compiled from the .ts next to it
by `python -m netcompanion.gui.i18n`, which runs pyside6-lrelease).

The language is the system's (`QLocale.system()`), or `NETCOMPANION_LANGUAGE` (e.g. `de`, `en`).
A string with values is written with named fields, translated whole, then filled:
`tr("Moved {count} contacts").format(count=n)`.
"""
from __future__ import annotations

import ast
import logging
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)
CONTEXT = "NetCompanion"
LANGUAGE_VARIABLE = "NETCOMPANION_LANGUAGE"
SHIPPED = ("de",)
_loaded: list[bytes] = []


def tr(text: str) -> str:
    """`text` in the user's language (as it is, when there is no translation)."""
    return QCoreApplication.translate(CONTEXT, text)


def tr_noop(text: str) -> str:
    """Mark `text` for translation where it is defined; `tr(text)` translates it where it is shown."""
    return text


def wanted_language() -> str:
    """The two-letter language the app speaks: NETCOMPANION_LANGUAGE, else the system's."""
    return (os.environ.get(LANGUAGE_VARIABLE) or QLocale.system().name()).split("_")[0].lower()


def install_translation(app: QCoreApplication, language: str | None = None) -> list[QTranslator]:
    """Speak `language` (default: `wanted_language()`) when a translation ships for it; returns
    the translators installed (Qt's own for its standard buttons too), for `remove_translation`."""
    language = language or wanted_language()
    if language not in SHIPPED:
        return []
    installed = []
    ours = QTranslator(app)
    try:
        data = (resources.files("netcompanion.resources") / "translations" / f"netcompanion_{language}.qm").read_bytes()
    except OSError as exc:  # an install without the compiled translation: the app speaks English
        log.warning("no %s translation: %s", language, exc)
        return []
    ours.setObjectName(f"netcompanion_{language}")
    _loaded.append(data)  # Qt reads the translation from these bytes for as long as it is installed
    if ours.load(data):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translation(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


# building the translation (a developer's step: python -m netcompanion.gui.i18n)
def marked_strings(source_root: Path) -> list[str]:
    """Every literal passed to `tr(...)` in the GUI's sources, in order of first use."""
    found: dict[str, None] = {}
    for path in sorted(source_root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in ("tr", "tr_noop") \
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.setdefault(node.args[0].value)
    return list(found)


def read_ts(path: Path) -> dict[str, str]:
    """source -> translation of a .ts file (empty for an unfinished one)."""
    if not path.exists():
        return {}
    found = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        finished = translation is not None and translation.get("type") != "unfinished"
        found[message.findtext("source", "")] = (translation.text or "") if finished and translation is not None else ""
    return found


def write_ts(path: Path, language: str, strings: list[str], known: dict[str, str]) -> None:
    """The .ts of `strings`, keeping the translations `known`; new ones are marked unfinished."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for text in strings:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        if known.get(text):
            translation.text = known[text]
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode")
                    + "\n", encoding="utf-8")


def lrelease() -> str:
    """The pyside6-lrelease next to the running Python (it ships with PySide6)."""
    return str(Path(sys.executable).with_name("pyside6-lrelease"))


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([lrelease(), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    """Update each shipped .ts with the strings marked in the sources, then compile the .qm files."""
    package = Path(__file__).resolve().parent
    folder = package.parent.parent / "resources" / "translations"
    strings = marked_strings(package)
    for language in SHIPPED:
        ts = folder / f"netcompanion_{language}.ts"
        known = read_ts(ts)
        write_ts(ts, language, strings, known)
        compile_ts(ts, folder / f"netcompanion_{language}.qm")
        missing = [s for s in strings if not known.get(s)]
        print(f"{ts.name}: {len(strings)} strings, {len(missing)} to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
