"""A real browser for tests that look at HTML the way people see it: Playwright driving
the system's Chromium (Debian's `chromium` package), never a downloaded one.

Without Chromium or Playwright these tests skip with the reason, except when
MOVEKIT_REQUIRE_BROWSER=1 (set by .ci/run), where they fail: CI must not pass by skipping
what it was meant to look at. MOVEKIT_CHROMIUM names another Chromium binary.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM_NAMES = ("chromium", "chromium-browser")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path() -> str | None:
    """The Chromium binary to drive, or None when the machine has none."""
    named = os.environ.get("MOVEKIT_CHROMIUM")
    if named:
        return named
    return next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


def _unavailable(reason: str) -> None:
    if os.environ.get("MOVEKIT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (MOVEKIT_REQUIRE_BROWSER=1: browser tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium per test module. Not per session: Playwright's sync API keeps
    an event loop running while it is open, and the language server's tests (pytest-lsp,
    asyncio) in the same worker need none to be running."""
    path = chromium_path()
    if path is None:
        _unavailable("no chromium on this machine (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    assert path is not None
    with sync_playwright() as playwright:
        # --no-sandbox: Chromium refuses to run its sandbox as root, which CI is.
        launched = playwright.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A page 390 pixels wide, as on a phone."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    """A page 1280 pixels wide, as on a laptop."""
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()
