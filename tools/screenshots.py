"""Take the README's screenshots from the running app with the demo data.

Run under a real X server (Xvfb): `xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshots.py`.
Writes docs/screenshots/{today,scan,contacts,events,network}.png, or into the folder given after
`--out` (e.g. to look at the app at 200 %: `QT_SCALE_FACTOR=2`, a 2800x1800 screen, `--out /tmp/x`).
`--dark` paints the app dark (as on a dark desktop); `--screen` maximises the window and shoots the
whole screen with ImageMagick's `import -window root`, window manager frame and all (start one,
e.g. openbox, on the X server first); `--width N` scales the PNGs down to N pixels wide.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main() -> int:
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else OUT
    os.environ["NETCOMPANION_HOME"] = tempfile.mkdtemp(prefix="nc-shots-")
    os.environ["XDG_CONFIG_HOME"] = os.environ["NETCOMPANION_HOME"]
    os.environ["NETCOMPANION_COLOUR_SCHEME"] = "dark" if "--dark" in sys.argv else "light"
    screen = "--screen" in sys.argv
    width = int(sys.argv[sys.argv.index("--width") + 1]) if "--width" in sys.argv else 0
    from netcompanion.core.services import open_services
    from netcompanion.demo import fill_demo
    from netcompanion.gui.app import create_application
    from netcompanion.gui.main_window import MainWindow

    app = create_application()
    services = open_services()
    fill_demo(services)
    window = MainWindow(services)
    if screen:
        window.showMaximized()
    else:
        window.resize(1360, 840)
        window.show()

    def settle(seconds: float = 0.5) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    out.mkdir(parents=True, exist_ok=True)
    for row, name in enumerate(["today", "scan", "contacts", "events", "network"]):
        window.navigation.setCurrentRow(row)
        if name == "scan":
            card = resources.files("netcompanion.resources") / "sample-card.jpg"
            window.scan.add_paths([str(card)])
            deadline = time.monotonic() + 120
            while (not window.scan.items or window.scan.job.running) and time.monotonic() < deadline:
                settle(0.1)
            window.scan.detail.setText("wants to pilot our routing in the Porto terminal")
        view = window.views[row]
        deadline = time.monotonic() + 60
        while getattr(view, "loading", False) and time.monotonic() < deadline:  # read in the background
            settle(0.1)
        if name == "contacts":
            window.contacts.select_contact(window.contacts.model.row_at(1).id)
        if name == "events":
            window.events.list.setCurrentRow(1)
            window.planning.rank_contacts()
        settle(1.5 if screen else 0.5)
        target = out / f"{name}.png"
        if screen:
            subprocess.run(["import", "-window", "root", str(target)], check=True)
        else:
            window.grab().save(str(target))
        if width:
            subprocess.run(["convert", str(target), "-resize", f"{width}x", "-colors", "192", f"PNG8:{target}"],
                           check=True)
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
