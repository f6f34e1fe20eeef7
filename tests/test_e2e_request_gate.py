"""The live server's request gate, which keeps browser tests' requests inside the test (tests/e2e)."""

import threading
from wsgiref.util import setup_testing_defaults

import pytest

from tests.e2e.request_gate import CLOSED, RequestGate


def call(app):
    environ, answered = {}, {}
    setup_testing_defaults(environ)

    def start_response(status, headers):
        answered["status"] = status

    body = app(environ, start_response)
    return answered, body


def test_an_open_gate_passes_requests_through():
    gate = RequestGate(lambda environ, start_response: start_response("200 OK", []) or [b"page"])
    answered, body = call(gate)
    assert answered["status"] == "200 OK"
    assert list(body) == [b"page"]
    body.close()
    assert gate.active == 0


def test_a_closed_gate_turns_requests_away_without_calling_the_app():
    calls = []
    gate = RequestGate(lambda environ, start_response: calls.append(environ))
    gate.close()
    answered, body = call(gate)
    assert answered["status"].startswith("503")
    assert body == [CLOSED]
    assert calls == []
    gate.open()
    call(gate)
    assert len(calls) == 1


def test_closing_waits_for_the_response_being_sent():
    gate = RequestGate(lambda environ, start_response: start_response("200 OK", []) or [b"page"])
    _, body = call(gate)  # answered, its body not yet sent
    closed = threading.Event()
    closing = threading.Thread(target=lambda: (gate.close(), closed.set()))
    closing.start()
    assert not closed.wait(0.2)
    body.close()  # the server has sent it
    assert closed.wait(5)
    closing.join()


def test_closing_gives_up_on_a_request_that_never_ends():
    gate = RequestGate(lambda environ, start_response: start_response("200 OK", []) or [b"page"])
    call(gate)
    with pytest.raises(TimeoutError, match="1 request"):
        gate.close(timeout=0.1)


def test_a_failing_app_is_not_counted_as_still_answering():
    def failing(environ, start_response):
        raise ValueError("boom")

    gate = RequestGate(failing)
    with pytest.raises(ValueError):
        call(gate)
    gate.close(timeout=0.1)
