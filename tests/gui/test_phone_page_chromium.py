"""Phone capture driven as a phone would: Debian's headless Chromium opens the page the QR code
holds, takes a photo through its file input, and shows the desktop's reading of the card.

Chromium runs with its own network services off (no updates, no sync, no lookups) and resolves no
name: it only talks to the app on 127.0.0.1. Without chromium and chromium-driver (scripts/install.sh
--test installs them) the test is skipped, except under CI=true, where it fails.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from netcompanion.gui.views.scan_view import ScanView
from netcompanion.phone.addresses import Interface
from tests.gui.cards import jane_card

pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
QUIET = ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-domain-reliability", "--no-pings", "--disable-breakpad",
         "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--window-size=420,900")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    if CHROMIUM is None or DRIVER is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must drive the phone page in Chromium: install chromium and chromium-driver")
        pytest.skip("chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (*QUIET, f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_the_page_in_chromium_sends_a_card_that_lands_in_the_inbox(qtbot, services, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    view = ScanView(services)
    qtbot.addWidget(view)
    view.show()
    assert view.phone.start(Interface("loopback", "127.0.0.1"))
    first_url = view.phone.server.url
    browser.get(first_url)
    assert browser.title == "NetCompanion: send cards"
    take = browser.find_element(By.ID, "take")
    assert take.text.startswith("Take photo") and take.is_displayed()
    photo = browser.find_element(By.ID, "photo")
    assert photo.get_attribute("accept") == "image/*" and photo.get_attribute("capture") == "environment"
    qtbot.waitUntil(lambda: "127.0.0.1" in view.phone.connected.text(), timeout=5_000)

    photo.send_keys(str(jane_card(tmp_path / "jane.jpg")))
    qtbot.waitUntil(lambda: len(view.items) == 1 and not view.job.running, timeout=120_000)
    assert view.items[0].scan["full_name"] == "Jane Whitfield"
    WebDriverWait(browser, 20).until(lambda b: "Jane Whitfield" in b.find_element(By.ID, "cards").text)
    assert "Northwind Logistics" in browser.find_element(By.ID, "cards").text
    assert "Card 1 sent" in browser.find_element(By.ID, "message").text
    [thumbnail] = browser.find_elements(By.CSS_SELECTOR, "#cards img")  # the photo, beside its reading
    assert thumbnail.get_attribute("src").startswith("blob:")
    assert browser.execute_script("return arguments[0].naturalWidth", thumbnail) == 1050

    not_a_photo = tmp_path / "notes.jpg"
    not_a_photo.write_text("<script>alert(1)</script> not a photo", encoding="utf-8")
    photo.send_keys(str(not_a_photo))
    WebDriverWait(browser, 20).until(lambda b: "not a photo" in b.find_element(By.ID, "message").text)
    assert browser.find_element(By.ID, "message").get_attribute("class") == "error"
    assert len(view.items) == 1 and view.phone.received == 1

    from selenium.common.exceptions import WebDriverException

    assert view.phone.start(Interface("loopback", "127.0.0.1"))  # a new session: the old link is dead
    assert view.phone.server.url != first_url
    with pytest.raises(WebDriverException, match="ERR_CONNECTION_REFUSED"):
        browser.get(first_url)
    browser.get(view.phone.server.url)
    assert browser.find_element(By.ID, "take").is_displayed()
    view.phone.stop()
