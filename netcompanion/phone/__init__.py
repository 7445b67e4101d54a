"""Phone capture: a small web server on the local network that takes card photos from a phone.

Opt in and short-lived: the Scan place starts it when the user asks for it (and shows its QR
code), and it stops when asked, after ten minutes without a photo, or when the place is left.
This package holds everything but the window: the address rules (`addresses`), the limits
(`limits`), the page the phone shows (`page`), where a photo is written (`uploads`) and the
server itself (`server`, aiohttp on a thread of its own). It never imports Qt.
"""
