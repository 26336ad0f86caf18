"""`movekit preview` in a real browser: a save redraws the page in place, errors show a banner."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import EXAMPLE_TODAY, EXAMPLES
from tests.preview_process import Preview, finish, start

if TYPE_CHECKING:
    from playwright.sync_api import Page

BANNER = "#movekit-preview-banner"
REDRAWN_WITHIN_MS = 2000


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Preview, Path]]:
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(EXAMPLES / "clean-air-streets.yaml", plan)
    running = start(str(plan), "--today", EXAMPLE_TODAY, cwd=tmp_path)
    yield running, plan
    finish(running)


def _set_name(plan: Path, name: str) -> None:
    text = plan.read_text(encoding="utf-8")
    plan.write_text(re.sub(r"(?m)^  name: .*$", f"  name: {name}", text, count=1))


def test_a_save_redraws_the_page_in_place_and_errors_come_and_go(
    preview: tuple[Preview, Path], desktop: Page
) -> None:
    from playwright.sync_api import expect  # the fixture has skipped the test without it

    running, plan = preview
    page = desktop
    page.goto(running.url)
    heading = page.locator("h1").first
    expect(heading).to_contain_text("Clean Air Streets")
    # no need to wait for the stream: on connecting it sends the current version, and a
    # page older than that fetches itself again
    page.evaluate("() => { window.notReloaded = true; window.scrollTo(0, 1500); }")
    scrolled = page.evaluate("() => window.scrollY")
    assert scrolled > 1000

    _set_name(plan, "Cleaner Air Streets")
    expect(heading).to_contain_text("Cleaner Air Streets", timeout=REDRAWN_WITHIN_MS)
    assert page.evaluate("() => window.notReloaded") is True
    assert abs(page.evaluate("() => window.scrollY") - scrolled) < 5

    good = plan.read_text(encoding="utf-8")
    plan.write_text(good.replace("movekit: 1\n", "movekit: 1\n  oops: [\n", 1), encoding="utf-8")
    banner = page.locator(BANNER)
    expect(banner).to_be_visible(timeout=REDRAWN_WITHIN_MS)
    expect(banner).to_contain_text(re.compile(r"line \d+, column \d+"))
    expect(heading).to_contain_text("Cleaner Air Streets")  # the last good document stays

    plan.write_text(good, encoding="utf-8")
    expect(banner).to_have_count(0, timeout=REDRAWN_WITHIN_MS)
    assert page.evaluate("() => window.notReloaded") is True
