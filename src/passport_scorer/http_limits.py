"""What the HTTP server (Granian) refuses before the application sees a request.

Granian parses HTTP/1 itself and answers a request it cannot parse with a bare status and no
body (the application is never called, so no `{"detail": ...}` is possible there):

| request | answer |
|---|---|
| malformed request line, a space, invalid UTF-8 or a NUL in the raw path | 400 |
| folded (obs-fold) header lines, a header name with a space, two `Content-Length`s | 400 |
| more than 100 header lines | 431 |
| a request head (request line and headers) over `HTTP_MAX_BUFFER_SIZE` bytes | 431 |
| a request target over 65,534 bytes | 414 |
| a request head not complete within `HTTP_HEADER_READ_TIMEOUT_SECONDS` | connection closed |

The two settings are the adjustable ones; the header count and the target length are fixed
in the server. Percent-encoded bytes (`%ff`, `%00`) reach the application and get its JSON
answers.
"""

from __future__ import annotations

from granian.http import HTTP1Settings

from passport_scorer.config import Settings


def http1_settings(settings: Settings) -> HTTP1Settings:
    """Granian's HTTP/1 limits from the settings."""
    return HTTP1Settings(
        header_read_timeout=round(settings.HTTP_HEADER_READ_TIMEOUT_SECONDS * 1000),
        max_buffer_size=settings.HTTP_MAX_BUFFER_SIZE,
    )
