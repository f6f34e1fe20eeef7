"""The suite cannot pass by running nothing: only the browser tests are marked `browser`, so
`-m "not browser"` keeps every other test, and only those are skipped on a machine without Chromium."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def collect(*args):
    return subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "-m", "pytest", "--collect-only", "-q", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def collected(process):
    output, _ = process.communicate()
    assert process.returncode in (0, 5), output
    return {line for line in output.splitlines() if "::" in line}


def test_only_browser_tests_carry_the_browser_marker():
    # The two selections split the suite between them (a test is marked or not); collected side by side.
    browser, others = collect("-m", "browser"), collect("-m", "not browser")
    browser, others = collected(browser), collected(others)

    assert browser, "the browser tests were not collected"
    assert all(test.startswith("tests/e2e/") for test in browser)
    assert not any(test.startswith("tests/e2e/") for test in others)
    assert __name__.replace(".", "/") + ".py::test_only_browser_tests_carry_the_browser_marker" in others
