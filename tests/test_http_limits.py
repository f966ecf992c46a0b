"""What the HTTP server refuses before the application sees a request, over a raw socket to a
real `passport-scorer serve`: each answer as the README's Reliability section documents it."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import socket
import time
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import pytest

from passport_scorer.config import ConfigurationError, load_settings
from passport_scorer.http_limits import http1_settings
from tests.conftest import create_postgres_database, drop_postgres_database, postgres_url, serve

HOST = b"Host: scorer.test\r\n"
BUFFER = 131_072  # HTTP_MAX_BUFFER_SIZE of the server under test (the default is 417,792)
READ_TIMEOUT = 1  # HTTP_HEADER_READ_TIMEOUT_SECONDS of the server under test


def exchange(port: int, raw: bytes) -> bytes:
    """Sends `raw` on a new connection; everything the server answers until it closes or has
    sent one whole response."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        # The server may answer and close before it has read everything.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(raw)
        received = b""
        while True:
            try:
                chunk = sock.recv(65_536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            received += chunk
            head, found, body = received.partition(b"\r\n\r\n")
            length = re.search(rb"(?im)^content-length: *(\d+)", head)
            if found and length and len(body) >= int(length.group(1)):
                break
        return received


def parse(answer: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), headers, body


def get(path: bytes, *headers: bytes) -> bytes:
    return b"GET " + path + b" HTTP/1.1\r\n" + HOST + b"".join(headers) + b"\r\n"


@pytest.fixture(scope="module")
async def port(
    backend: str, template: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[int]:
    """One server for the module (what is tested happens before any database work)."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("limits") / "scorer.sqlite3"
        shutil.copyfile(template, path)
        url, name = f"sqlite:///{path}", None
    else:
        name = await create_postgres_database(template=template)
        url = postgres_url(name)
    process, base = serve(
        url,
        workers=1,
        HTTP_MAX_BUFFER_SIZE=str(BUFFER),
        HTTP_HEADER_READ_TIMEOUT_SECONDS=str(READ_TIMEOUT),
    )
    found = urlsplit(base).port
    assert found is not None
    yield found
    process.terminate()
    process.wait(timeout=10)
    if name is not None:
        await drop_postgres_database(name)


REFUSED = {
    "invalid UTF-8 in the path": (get(b"/health\xff\xfe"), 400),
    "a NUL in the path": (get(b"/hea\x00lth"), 400),
    "a space in the path": (get(b"/hea lth"), 400),
    "a malformed request line": (b"NOT HTTP\r\n\r\n", 400),
    "a folded header line": (get(b"/health", b"X-Folded: a\r\n b\r\n"), 400),
    "a header name with a space": (get(b"/health", b"X Bad: b\r\n"), 400),
    "two Content-Lengths": (
        b"POST /health HTTP/1.1\r\n" + HOST + b"Content-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        400,
    ),
    "101 header lines": (get(b"/health", *(b"X-%d: v\r\n" % i for i in range(100))), 431),
    "a 1 MB header": (get(b"/health", b"X-Big: " + b"a" * 1_000_000 + b"\r\n"), 431),
    "a head just over HTTP_MAX_BUFFER_SIZE": (
        get(b"/health", b"X-Big: " + b"a" * BUFFER + b"\r\n"),
        431,
    ),
    "a 100 kB path": (get(b"/" + b"a" * 100_000), 414),
}


@pytest.mark.parametrize(("raw", "status"), REFUSED.values(), ids=REFUSED.keys())
def test_the_server_refuses_with_a_bare_status_and_closes(
    port: int, raw: bytes, status: int
) -> None:
    answered, headers, body = parse(exchange(port, raw))
    assert (answered, body, headers["content-length"]) == (status, b"", "0")
    assert headers["connection"] == "close"


REACHES_THE_APP = {
    "100 header lines": (get(b"/health", *(b"X-%d: v\r\n" % i for i in range(99))), 200),
    "a head just under HTTP_MAX_BUFFER_SIZE": (
        get(b"/health", b"X-Big: " + b"a" * (BUFFER - 1_024) + b"\r\n"),
        200,
    ),
    "a 60 kB path": (get(b"/" + b"a" * 60_000), 404),
    "percent-encoded invalid UTF-8": (get(b"/health%ff"), 404),
    "a percent-encoded NUL": (get(b"/v2/stamps/1/score/%00"), 401),
    "Latin-1 bytes in a header value": (get(b"/health", b"X-Name: \xff\xfe\r\n"), 200),
}


@pytest.mark.parametrize(("raw", "status"), REACHES_THE_APP.values(), ids=REACHES_THE_APP.keys())
def test_what_the_server_lets_through_gets_the_applications_json(
    port: int, raw: bytes, status: int
) -> None:
    answered, headers, body = parse(exchange(port, raw))
    assert answered == status
    assert headers["content-type"] == "application/json"
    assert json.loads(body) == {"status": "ok"} or "detail" in json.loads(body)


def test_a_head_not_sent_in_time_is_closed_without_an_answer(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\n" + HOST)  # and never the blank line
        started = time.monotonic()
        received = sock.recv(1_024)
        waited = time.monotonic() - started
    assert received == b""
    assert READ_TIMEOUT - 0.2 <= waited < READ_TIMEOUT + 3


def test_the_limits_default_to_the_servers_own() -> None:
    limits = http1_settings(load_settings({}))
    assert (limits.max_buffer_size, limits.header_read_timeout) == (417_792, 30_000)
    tuned = http1_settings(
        load_settings({"HTTP_MAX_BUFFER_SIZE": "65536", "HTTP_HEADER_READ_TIMEOUT_SECONDS": "2.5"})
    )
    assert (tuned.max_buffer_size, tuned.header_read_timeout) == (65_536, 2_500)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("HTTP_MAX_BUFFER_SIZE", "1024"),  # below the server's minimum of 8 KiB
        ("HTTP_MAX_BUFFER_SIZE", "lots"),
        ("HTTP_HEADER_READ_TIMEOUT_SECONDS", "0"),
    ],
)
def test_invalid_limits_stop_start_up_naming_the_setting(name: str, value: str) -> None:
    with pytest.raises(ConfigurationError, match=f"^invalid setting {name}: "):
        load_settings({name: value})
