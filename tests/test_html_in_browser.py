"""The rendered HTML as people see it, in a real Chromium (tests/browser.py): the shipped
examples lay out inside the window on a laptop, and every diagram and chart is drawn."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import EXAMPLE_TODAY, EXAMPLES, run_cli

if TYPE_CHECKING:
    from playwright.sync_api import Page

PLANS = sorted(EXAMPLES.glob("*.yaml")) + [EXAMPLES / "gaps" / "plan.yaml"]


def _rendered(plan: Path, folder: Path) -> Path:
    out = folder / f"{plan.stem}.html"
    result = run_cli("render", str(plan), "-o", str(out), "--today", EXAMPLE_TODAY)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("plan", PLANS, ids=lambda plan: plan.parent.name + "/" + plan.stem)
def test_the_document_fits_a_laptop_window_and_draws_every_diagram(
    plan: Path, tmp_path: Path, desktop: Page
) -> None:
    desktop.goto(_rendered(plan, tmp_path).as_uri())
    overflow = desktop.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px at 1280 px"
    sizes = desktop.evaluate(
        "[...document.querySelectorAll('svg')].map(s => {"
        " const r = s.getBoundingClientRect(); return [r.width, r.height]; })"
    )
    assert sizes, "the document draws no diagram or chart"
    assert all(width > 0 and height > 0 for width, height in sizes), sizes
    assert desktop.locator("h1").count() == 1
