"""Direct asks (calls, letters, meetings with officials) and asks on several dates, through
the real command line: check, render and diff."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

PLAN = """\
movekit: 1
campaign:
  name: Right to Counsel
  goal: The council passes a right-to-counsel law
  starts: 2027-01-11
  ends: 2027-07-31
outcomes:
  - id: law
    title: Council passes the law
    type: policy
    targets: speaker
    measures:
      - {id: pledges, metric: Tenants who pledged, baseline: 0, target: 500, due: 2027-06-30}
audiences:
  - {id: tenants, name: Tenants facing eviction}
targets:
  - {id: speaker, name: Council Speaker, role: primary, position: undecided}
journeys:
  - id: court-queue
    audience: tenants
    outcomes: law
    stages:
      - id: meet
        level: engagement
        ctas:
          - {ask: Talk to an organiser in the housing court queue, mode: offline}
      - id: pledge
        level: action
        content: [pledge page]
        ctas:
          - {id: pledge, ask: Sign the online pledge, mode: online, measure: pledges}
      - id: press
        level: action
        ctas:
          - id: rally
            ask: Rally at City Hall on the first Saturday of the month
            mode: offline
            date: [2027-02-06, 2027-03-06, 2027-09-04]
          - id: lobby-visit
            ask: Meet the Speaker with the coalition
            mode: direct
            date: 2027-04-14
            target: speaker
  - id: lobbying
    audience: tenants
    stages:
      - id: letters
        level: action
        ctas:
          - {id: letter, ask: Write to your council member, mode: direct}
bridges:
  - {id: pledge-to-rally, journey: court-queue, from: pledge, to: press, how: A text invite}
"""

TODAY = "2027-02-01"


def _findings(folder: Path, text: str) -> list[dict[str, object]]:
    plan = folder / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    result = run_cli("check", str(plan), "--today", TODAY, "-f", "json", cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return found


def test_direct_asks_trip_none_of_the_online_to_offline_rules(tmp_path: Path) -> None:
    codes = {finding["code"] for finding in _findings(tmp_path, PLAN)}
    # MK401: the lobbying journey is all direct; MK402/MK404: the bridge ends at a stage
    # with an offline ask beside the direct one; MK405: the court-queue journey meets
    # people offline first, then brings them online; MK302: offline and direct stages.
    assert not codes & {"MK302", "MK401", "MK402", "MK404", "MK405"}


def test_direct_and_aimed_asks_need_no_measure_but_a_rally_does(tmp_path: Path) -> None:
    unmeasured = [f["message"] for f in _findings(tmp_path, PLAN) if f["code"] == "MK307"]
    assert any("'rally'" in message for message in unmeasured)
    assert not any("lobby-visit" in m or "'letter'" in m for m in unmeasured)


def test_each_date_of_an_ask_is_checked_against_the_campaign(tmp_path: Path) -> None:
    found = [f for f in _findings(tmp_path, PLAN) if f["code"] == "MK812"]
    assert [f["message"] for f in found] == [
        "Call to action 'rally' at stage 3 'press' in journey 'court-queue' is dated "
        "2027-09-04, after the campaign ends on 2027-07-31"
    ]
    assert found[0]["path"] == "journeys[0].stages[2].ctas[0].date[2]"


def test_a_mode_that_is_not_one_of_the_three_names_all_three(tmp_path: Path) -> None:
    text = PLAN.replace("mode: direct, target", "mode: phone, target").replace(
        "    mode: direct\n", "    mode: phone\n", 1
    )
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    result = run_cli("check", str(plan), cwd=tmp_path)
    assert result.returncode == 1
    assert "use one of 'online', 'offline' or 'direct'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_render_names_direct_contact_and_every_date(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "plan.md"
    result = run_cli("render", str(plan), "--today", TODAY, "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "Direct contact: Meet the Speaker with the coalition" in text
    assert "(on 6 Feb 2027, 6 Mar 2027, 4 Sep 2027)" in text
    assert (
        "Direct contact: Meet the Speaker with the coalition (Court queue, press, 14 Apr 2027)"
        in text
    )


def test_render_html_marks_a_direct_ask(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "plan.html"
    result = run_cli("render", str(plan), "--today", TODAY, "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert '<span class="mode mode-direct">direct contact</span>' in text
    assert "On 6 Feb 2027, 6 Mar 2027, 4 Sep 2027" in text


def test_diff_shows_a_new_mode_and_a_date_added(tmp_path: Path) -> None:
    (tmp_path / "old.yaml").write_text(PLAN, encoding="utf-8")
    new = PLAN.replace("mode: online, measure: pledges", "mode: direct, measure: pledges")
    new = new.replace("date: 2027-04-14", "date: [2027-04-14, 2027-05-12]")
    (tmp_path / "new.yaml").write_text(new, encoding="utf-8")
    result = run_cli("diff", "old.yaml", "new.yaml", "--today", TODAY, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        "call to action 'pledge' in journey 'court-queue': mode online -> direct" in result.stdout
    )
    became = "date 2027-04-14 -> 2027-04-14, 2027-05-12"
    assert f"call to action 'lobby-visit' in journey 'court-queue': {became}" in result.stdout


def test_diff_reads_one_date_as_one_date(tmp_path: Path) -> None:
    (tmp_path / "old.yaml").write_text(PLAN, encoding="utf-8")
    new = PLAN.replace("date: 2027-04-14", "date: [2027-04-21]")
    (tmp_path / "new.yaml").write_text(new, encoding="utf-8")
    result = run_cli("diff", "old.yaml", "new.yaml", "--today", TODAY, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "'lobby-visit' in journey 'court-queue': date 2027-04-14 -> 2027-04-21" in result.stdout
