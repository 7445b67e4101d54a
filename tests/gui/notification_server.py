"""A real notification server for the tests: dunst on a private session bus, drawing on Xvfb.

`NotificationServer` starts Xvfb, a private dbus-daemon and dunst (configured so that its context
menu, `dunstctl context`, picks the action named in a file: how the tests click a button), and lets
the tests read back what the server received: every Notify call (a bus monitor) and how many
notifications dunst displays (`dunstctl count displayed`).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

TOOLS = ("Xvfb", "dbus-daemon", "dunst", "dunstctl")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class NotificationServer:
    """Xvfb + dbus-daemon + dunst, stopped by `stop` (the processes this object started, by id)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.processes: list[subprocess.Popen] = []
        self.choice = folder / "choice"
        xvfb = self._start(["Xvfb", "-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp"])
        self.display = ":" + xvfb.stdout.readline().decode().strip()  # type: ignore[union-attr]
        bus = self._start(["dbus-daemon", "--session", "--nofork", "--print-address=1",
                           f"--address=unix:path={folder / 'bus'}"])
        self.address = bus.stdout.readline().decode().strip()  # type: ignore[union-attr]
        chooser = folder / "choose.sh"
        chooser.write_text(f"#!/bin/sh\ncat > {folder / 'menu'}\ngrep -m1 -F \"$(cat {self.choice})\" "
                           f"{folder / 'menu'}\n")
        chooser.chmod(0o755)
        config = folder / "dunstrc"
        config.write_text(f"[global]\n    dmenu = {chooser}\n    browser = /bin/true\n    timeout = 0\n")
        self.env = {**os.environ, "DISPLAY": self.display, "DBUS_SESSION_BUS_ADDRESS": self.address}
        self._start(["dunst", "-config", str(config)], env=self.env)
        deadline = time.monotonic() + 20
        while self.displayed() is None:
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("dunst did not come up on the private bus")
            time.sleep(0.1)
        self.monitor = self._monitor()

    def _start(self, command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   stdin=subprocess.DEVNULL, env=env)
        self.processes.append(process)
        return process

    def _monitor(self):  # noqa: ANN202 (a jeepney connection)
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        connection = open_dbus_connection(self.address)
        monitoring = DBusAddress("/org/freedesktop/DBus", bus_name="org.freedesktop.DBus",
                                 interface="org.freedesktop.DBus.Monitoring")
        rule = "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"
        connection.send_and_get_reply(new_method_call(monitoring, "BecomeMonitor", "asu", ([rule], 0)), timeout=5)
        return connection

    def received(self, wait: float = 1.0) -> list[tuple]:
        """The Notify calls the server got since last asked: (app, replaces_id, icon, summary, body,
        actions, hints, timeout) each."""
        calls, deadline = [], time.monotonic() + wait
        while True:
            try:
                message = self.monitor.receive(timeout=max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                return calls
            if message.header.fields.get(3) == "Notify":
                calls.append(message.body)

    def displayed(self) -> int | None:
        """How many notifications dunst shows now (None while it does not answer)."""
        result = subprocess.run(["dunstctl", "count", "displayed"], env=self.env, capture_output=True, text=True,
                                timeout=10)
        return int(result.stdout) if result.returncode == 0 and result.stdout.strip().isdigit() else None

    def click(self, label: str) -> None:
        """Choose the action `label` from dunst's context menu, as the user would."""
        self.choice.write_text(label)
        subprocess.run(["dunstctl", "context"], env=self.env, check=True, timeout=10)

    def stop(self) -> None:
        if getattr(self, "monitor", None) is not None:
            self.monitor.close()
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
            if process.stdout is not None:
                process.stdout.close()
