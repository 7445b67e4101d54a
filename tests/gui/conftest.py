"""GUI fixtures: a demo database and a main window over it."""
from __future__ import annotations

import pytest

from netcompanion.demo import fill_demo


@pytest.fixture
def demo_services(services):
    fill_demo(services)
    return services


@pytest.fixture
def window(qtbot, demo_services):
    from netcompanion.gui.main_window import MainWindow

    main = MainWindow(demo_services)
    qtbot.addWidget(main)
    main.show()
    return main
