#!/usr/bin/env python3
"""Time from *Take photo* on the phone's page to the card read in the inbox, for a 12-megapixel photo.

Usage: python benchmarks/phone_upload.py [--runs N]

Renders a business card into a 4000 x 3000 photo (a card on a grey table, slightly turned, with
sensor noise, JPEG quality 92: several MB, as a phone writes it), starts phone capture on 127.0.0.1 and the app's card reader
process (warmed with one card first, as Scan does when it opens), then for each run sends the
photo over HTTP the way the page does and reads the stored file with the reader. Prints the
upload (HTTP, size check, content check, write) and the read for each run, and their median.
The GUI's hand-over between the two (a queued signal) adds well under a millisecond.
"""
from __future__ import annotations

import argparse
import asyncio
import io
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def phone_photo(path: Path) -> Path:
    import numpy as np
    from PIL import Image

    from tests.gui.cards import jane_card

    card = Image.open(jane_card(path.with_name("card.png"))).resize((2100, 1200)).rotate(
        4, expand=True, fillcolor=(120, 120, 118))
    photo = Image.new("RGB", (4000, 3000), (120, 120, 118))
    photo.paste(card, ((4000 - card.width) // 2, (3000 - card.height) // 2))
    # sensor noise: a phone's JPEG of this size is several MB, not the few hundred KB of a clean render
    noisy = np.asarray(photo, np.int16) + np.random.default_rng(7).normal(0, 7, (3000, 4000, 3)).astype(np.int16)
    Image.fromarray(noisy.clip(0, 255).astype(np.uint8)).save(path, quality=92)
    return path


def send(url: str, content: bytes) -> float:
    import aiohttp

    async def go() -> float:
        form = aiohttp.FormData()
        form.add_field("photo", io.BytesIO(content), filename="IMG_0001.JPG", content_type="image/jpeg")
        async with aiohttp.ClientSession() as client:
            started = time.perf_counter()
            async with client.post(url + "upload", data=form) as answer:
                await answer.read()
                assert answer.status == 200, answer.status
            return time.perf_counter() - started
    return asyncio.run(go())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        import os

        os.environ["NETCOMPANION_HOME"] = folder
        from netcompanion.core import settings
        from netcompanion.ocr.reader_process import shared_reader, stop_shared_reader
        from netcompanion.phone.server import PhoneServer

        photo = phone_photo(Path(folder) / "photo.jpg")
        content = photo.read_bytes()
        print(f"photo: 4000 x 3000 JPEG, {len(content) / 2**20:.1f} MB")
        arrived: list[Path] = []
        got = threading.Event()

        def on_photo(card: object) -> None:
            arrived.append(card.path)  # type: ignore[attr-defined]
            got.set()

        server = PhoneServer("127.0.0.1", settings.captures_dir(), on_photo=on_photo)
        url = server.start()
        reader = shared_reader()
        error = reader.wait_ready()
        if error:
            sys.exit(f"the card reader cannot start: {error}")
        reader.read(str(photo), "US")  # warm, as Scan is once it has read a card
        totals = []
        try:
            for run in range(1, runs + 1):
                got.clear()
                started = time.perf_counter()
                upload = send(url, content)
                got.wait(10)
                read_started = time.perf_counter()
                result = reader.read(str(arrived[-1]), "US")
                read = time.perf_counter() - read_started
                total = time.perf_counter() - started
                totals.append(total)
                print(f"run {run}: upload {upload * 1000:.0f} ms, read {read * 1000:.0f} ms, "
                      f"total {total:.2f} s ({result.full_name or result.error})")
        finally:
            server.stop()
            stop_shared_reader()
        print(f"median from Take photo to the card in the inbox: {statistics.median(totals):.2f} s "
              f"(target under 3 s)")


if __name__ == "__main__":
    main()
