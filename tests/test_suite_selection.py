"""The suite cannot pass by running nothing: only the browser tests are marked `browser`, so
`-m "not browser"` keeps every other test, and only those are skipped on a machine without Chromium."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def collected(*args):
    result = subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "-m", "pytest", "--collect-only", "-q", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 5), result.stdout + result.stderr
    return {line for line in result.stdout.splitlines() if "::" in line}


def test_only_browser_tests_carry_the_browser_marker():
    everything = collected()
    browser = collected("-m", "browser")
    others = collected("-m", "not browser")

    assert browser, "the browser tests were not collected"
    assert all(test.startswith("tests/e2e/") for test in browser)
    assert not any(test.startswith("tests/e2e/") for test in others)
    assert others == everything - browser
    assert __name__.replace(".", "/") + ".py::test_only_browser_tests_carry_the_browser_marker" in others
