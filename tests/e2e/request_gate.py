"""Keep the live server's requests inside the browser test that made them.

A test can end while the browser still talks to the server: closing a page with an open editor
sends its draft (a keepalive autosave on `pagehide`), which reaches the server after the test's
last step. Such a request would save rows while the database is flushed for the next test, and
PostgreSQL fails the flush (a deadlock on the tables both lock), which fails the next test too.
"""

import threading

CLOSED = b"The browser test that made this request has ended."


class RequestGate:
    """Wraps the live server's WSGI application: between tests it turns requests away (503, no
    database work), and it lets the test's end wait for the requests already being answered."""

    def __init__(self, app):
        self.app = app
        self.is_open = True
        self.active = 0
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            if not self.is_open:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [CLOSED]
            self.active += 1
        try:
            response = self.app(environ, start_response)
        except BaseException:
            self._finished()
            raise
        return ClosingIterator(response, self._finished)

    def _finished(self):
        with self.changed:
            self.active -= 1
            self.changed.notify_all()

    def open(self):
        with self.changed:
            self.is_open = True

    def close(self, timeout=30):
        """Turn new requests away, then wait until those being answered are done."""
        with self.changed:
            self.is_open = False
            if not self.changed.wait_for(lambda: self.active == 0, timeout):
                raise TimeoutError(f"{self.active} request(s) still being answered after {timeout} s")


class ClosingIterator:
    """The response's body, calling `on_close` once the server has sent it (a streamed response
    may still read the database while it is sent)."""

    def __init__(self, response, on_close):
        self.response = response
        self.on_close = on_close

    def __iter__(self):
        return iter(self.response)

    def close(self):
        try:
            if hasattr(self.response, "close"):
                self.response.close()
        finally:
            self.on_close()
