"""What phone capture allows: sizes, rates and the idle time, and the rate limiter itself.

The limiter is a token bucket, a pure value that takes an explicit ``now`` (seconds on a monotonic
clock), so its rule is tested without waiting.
"""
from __future__ import annotations

from dataclasses import dataclass

#: One photo may be at most this large (a 12-megapixel phone JPEG is 3-8 MB; HEIC less).
MAX_UPLOAD_BYTES = 25 * 1024 * 1024
#: The multipart envelope around the photo (boundaries, headers) may add this much.
MAX_ENVELOPE_BYTES = 64 * 1024
#: The server stops after this long without a page load or a photo.
IDLE_SECONDS = 10 * 60.0
#: Photos: a burst of this many, then one every UPLOAD_INTERVAL seconds.
UPLOAD_BURST = 12
UPLOAD_INTERVAL = 2.0
#: Requests of any kind (page, status polls, photos) from one address: a burst, then a steady rate.
REQUEST_BURST = 60
REQUESTS_PER_SECOND = 4.0
#: Photos being received at the same moment.
MAX_PARALLEL_UPLOADS = 2
#: Phone addresses shown and remembered (a second phone is fine; a crowd is not).
MAX_PEERS = 8


@dataclass
class TokenBucket:
    """Allows a burst of ``capacity`` events, then ``per_second`` on average."""

    capacity: float
    per_second: float
    tokens: float = -1.0  # full on the first call
    updated: float = 0.0

    def take(self, now: float) -> float:
        """Spend one token at ``now``: 0.0 when allowed, else the seconds until one is free."""
        if self.tokens < 0:
            self.tokens, self.updated = self.capacity, now
        self.tokens = min(self.capacity, self.tokens + max(0.0, now - self.updated) * self.per_second)
        self.updated = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.per_second
