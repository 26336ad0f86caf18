"""Results kept elsewhere, reviews by cadence, partners' channels (issue 15) through the real
CLI: what `check` no longer reports, and what `status` and `render` show instead."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

TODAY = "2021-03-01"

# A foundation's plan: newsletter opens live in Mailchimp, reviews happen at board
# meetings, and the coalition's newsletter is run by a partner.
PLAN = """\
movekit: 1
campaign:
  name: Open Contracts Now
  goal: The city publishes every contract over 10,000 euros
  starts: 2021-01-01
  ends: 2021-12-31
  review-cadence: at every board meeting
outcomes:
  - id: reach
    title: People read the contract reports
    type: awareness
    measures:
      - {id: opens, metric: Newsletter opens, tracked-in: Mailchimp dashboard}
      - {id: signers, metric: Letter signers, target: 500, due: 2021-06-30}
audiences:
  - {id: readers, name: Newsletter readers, channels: [own-news, coalition-news]}
  - {id: reporters, name: Local reporters}
channels:
  - {id: own-news, mode: online, owner: Comms team}
  - {id: coalition-news, mode: online, partner: Transparency Coalition newsletter}
results:
  - {measure: signers, date: 2021-02-15, value: 120}
"""

CODES = "MK109,MK204,MK601,MK604,MK701"


def _write(tmp_path: Path, text: str = PLAN) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    return path


def _codes(tmp_path: Path, text: str) -> list[str]:
    path = _write(tmp_path, text)
    result = run_cli("check", "--select", CODES, "--today", TODAY, "--format", "json", str(path))
    assert result.returncode in (0, 1), result.stderr
    return [finding["code"] for finding in json.loads(result.stdout)["findings"]]


def test_the_additions_silence_their_false_alarms_and_only_those(tmp_path: Path) -> None:
    assert _codes(tmp_path, PLAN) == ["MK204"]  # reporters still have no channel


def test_without_the_additions_the_old_findings_come_back(tmp_path: Path) -> None:
    bare = (
        PLAN.replace("  review-cadence: at every board meeting\n", "")
        .replace(", tracked-in: Mailchimp dashboard", "")
        .replace(", partner: Transparency Coalition newsletter", "")
    )
    assert sorted(_codes(tmp_path, bare)) == ["MK204", "MK601", "MK604", "MK701"]


def test_measures_all_due_on_the_last_day_have_no_checkpoint(tmp_path: Path) -> None:
    late = PLAN.replace("due: 2021-06-30", "due: 2021-12-31").replace(
        "tracked-in: Mailchimp dashboard", "tracked-in: Mailchimp dashboard, due: 2021-12-31"
    )
    path = _write(tmp_path, late)
    result = run_cli("check", "--select", "MK109", "--today", TODAY, str(path))
    assert "MK109" in result.stdout
    assert "due before the campaign's last day, 2021-12-31" in result.stdout
    assert "plan.yaml:8:1" in result.stdout  # the outcomes key


def test_status_text_says_where_results_are_kept_and_how_reviews_happen(
    tmp_path: Path,
) -> None:
    result = run_cli("status", "--today", TODAY, str(_write(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert "tracked in Mailchimp dashboard" in result.stdout
    assert "(1 of them tracked outside the plan)" in result.stdout
    assert "Reviews: at every board meeting" in result.stdout
    assert "add phases with review dates" not in result.stdout


def test_status_text_without_the_additions_is_unchanged(tmp_path: Path) -> None:
    bare = PLAN.replace("  review-cadence: at every board meeting\n", "").replace(
        ", tracked-in: Mailchimp dashboard", ""
    )
    result = run_cli("status", "--today", TODAY, str(_write(tmp_path, bare)))
    assert "tracked" not in result.stdout
    assert "Reviews:" not in result.stdout
    assert "No phases yet: add phases with review dates" in result.stdout


def test_status_json_carries_tracked_in_and_the_cadence(tmp_path: Path) -> None:
    result = run_cli("status", "--today", TODAY, "--format", "json", str(_write(tmp_path)))
    data = json.loads(result.stdout)
    assert data["review_cadence"] == "at every board meeting"
    by_id = {row["measure"]: row for row in data["measures"]}
    assert by_id["opens"]["tracked_in"] == "Mailchimp dashboard"
    assert by_id["opens"]["status"] == "no-data"
    assert by_id["signers"]["tracked_in"] is None
    assert by_id["signers"]["status"] != "no-data"


def test_render_says_who_runs_a_partner_channel(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    result = run_cli("render", str(_write(tmp_path)), "-o", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    text = out.read_text("utf-8")
    assert "run by Transparency Coalition newsletter" in text
    assert "**Own news** (online, Comms team)" in text
