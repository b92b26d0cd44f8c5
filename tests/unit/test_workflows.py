"""The CI workflows and the pre-commit configuration, checked statically (GitHub cannot be reached from here).

What is checked is the policy the workflows follow: no permission by default and the least per job, every action
pinned to a full commit, one summary job for branch protection, and the commands the README names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted(WORKFLOWS.glob("*.y*ml"))
PUBLISH = "publish.yml"
SUMMARY_JOB = "all-checks"
PINNED = re.compile(r"^[^@]+@[0-9a-f]{40}$")
PINNED_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*[^@\s]+@[0-9a-f]{40} # v\d+(?:\.\d+)*\s*$")
LEVELS = {"none": 0, "read": 1, "write": 2}

Workflow = dict[str, Any]


def load(path: Path) -> Workflow:
    """A workflow file as a mapping; the key ``on`` is restored (YAML 1.1 reads it as ``True``)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    if True in data:
        data["on"] = data.pop(True)
    return data


def workflow(name: str) -> Workflow:
    return load(WORKFLOWS / name)


def jobs(flow: Workflow) -> dict[str, dict[str, Any]]:
    found = flow.get("jobs")
    assert isinstance(found, dict), "no jobs"
    return found


def steps(flow: Workflow) -> Iterator[dict[str, Any]]:
    for job in jobs(flow).values():
        yield from job.get("steps", [])


def used_actions(flow: Workflow) -> list[str]:
    """Every ``uses:`` of the workflow: steps' actions and jobs' reusable workflows."""
    return [str(item["uses"]) for item in [*jobs(flow).values(), *steps(flow)] if "uses" in item]


def unpinned_uses(flow: Workflow) -> list[str]:
    """The ``uses:`` values that are not pinned to a full 40-hex commit."""
    return [used for used in used_actions(flow) if not PINNED.match(used)]


def commands(flow: Workflow) -> list[str]:
    """Every line of every ``run:`` script, stripped."""
    return [line.strip() for step in steps(flow) for line in str(step.get("run", "")).splitlines()]


def excess_permissions(permissions: object, limit: str) -> list[str]:
    """What a job's ``permissions`` grants beyond ``contents: <limit>`` (a mapping is required)."""
    if not isinstance(permissions, dict):
        return [f"permissions must be a mapping, not {permissions!r}"]
    return [
        f"{scope}: {level}"
        for scope, level in permissions.items()
        if scope != "contents" or LEVELS.get(level, 99) > LEVELS[limit]
    ]


def triggers(flow: Workflow) -> dict[str, Any]:
    """The ``on:`` mapping (the workflows here always write it as a mapping)."""
    on = flow["on"]
    assert isinstance(on, dict), f"on: must be a mapping, not {on!r}"
    return on


@pytest.fixture(params=WORKFLOW_FILES, ids=lambda path: path.name)
def any_workflow(request: pytest.FixtureRequest) -> tuple[str, Workflow]:
    path: Path = request.param
    return path.name, load(path)


def test_the_two_workflows_exist() -> None:
    assert {path.name for path in WORKFLOW_FILES} >= {"pull-request.yml", PUBLISH}


def test_pull_request_triggers() -> None:
    assert "pull_request" in triggers(workflow("pull-request.yml"))


def test_publish_triggers_on_push_to_main_only() -> None:
    assert triggers(workflow(PUBLISH))["push"] == {"branches": ["main"]}


def test_no_permission_by_default(any_workflow: tuple[str, Workflow]) -> None:
    _, flow = any_workflow
    assert flow["permissions"] == {}


def test_every_job_has_a_timeout_and_least_permissions(any_workflow: tuple[str, Workflow]) -> None:
    name, flow = any_workflow
    limit = "write" if name == PUBLISH else "read"
    for job_name, job in jobs(flow).items():
        assert isinstance(job.get("timeout-minutes"), int), f"{name}: {job_name} has no timeout-minutes"
        assert "permissions" in job, f"{name}: {job_name} has no explicit permissions"
        assert excess_permissions(job["permissions"], limit) == [], f"{name}: {job_name}"


def test_every_action_is_pinned_to_a_commit(any_workflow: tuple[str, Workflow]) -> None:
    _, flow = any_workflow
    assert used_actions(flow), "no action used: the check would prove nothing"
    assert unpinned_uses(flow) == []


def test_every_pin_names_its_version_in_a_comment() -> None:
    for path in WORKFLOW_FILES:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(-\s+)?uses:", line)]
        assert [line for line in lines if not PINNED_LINE.match(line)] == [], path.name


def test_the_pin_check_catches_a_tag() -> None:
    flow: Workflow = {"jobs": {"build": {"steps": [{"uses": "actions/checkout@v4"}, {"run": "make build"}]}}}
    assert unpinned_uses(flow) == ["actions/checkout@v4"]


def test_the_permission_check_catches_a_wider_grant() -> None:
    assert excess_permissions({"contents": "write", "pull-requests": "read"}, "read") == [
        "contents: write",
        "pull-requests: read",
    ]


def test_every_workflow_has_a_concurrency_group(any_workflow: tuple[str, Workflow]) -> None:
    name, flow = any_workflow
    assert flow["concurrency"]["group"]
    assert flow["concurrency"]["cancel-in-progress"] is (name != PUBLISH)


def test_checkouts_keep_no_credentials_unless_publishing(any_workflow: tuple[str, Workflow]) -> None:
    name, flow = any_workflow
    checkouts = [step for step in steps(flow) if str(step.get("uses", "")).startswith("actions/checkout@")]
    assert checkouts
    expected = name == PUBLISH
    assert all(step.get("with", {}).get("persist-credentials") is expected for step in checkouts)


def test_summary_job_needs_every_other_job() -> None:
    flow = workflow("pull-request.yml")
    summary = jobs(flow)[SUMMARY_JOB]
    assert str(summary["if"]).removeprefix("${{").removesuffix("}}").strip() == "always()"
    assert set(summary["needs"]) == set(jobs(flow)) - {SUMMARY_JOB}
    script = yaml.safe_dump(summary["steps"])
    assert "needs" in script
    assert "success" in script


def test_pull_request_builds_tests_and_uploads_the_site() -> None:
    flow = workflow("pull-request.yml")
    run = commands(flow)
    assert "make build" in run
    assert "make test" in run
    assert "make check" in run
    uploads = [step["with"] for step in steps(flow) if str(step.get("uses", "")).startswith("actions/upload-artifact@")]
    assert uploads == [{"name": "site-preview", "path": "site", "retention-days": 14, "if-no-files-found": "error"}]


def test_publish_pushes_the_release_version() -> None:
    flow = workflow(PUBLISH)
    run = commands(flow)
    assert any(line.startswith("make publish ") and "PUSH=1" in line.split() for line in run)
    assert any("make" in line and "release-version" in line for line in run)
    checkout = next(step for step in steps(flow) if str(step.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_pre_commit_hooks_are_local_and_run_the_content_checks() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    repos = config["repos"]
    assert [repo["repo"] for repo in repos] == ["local"] * len(repos)
    hooks = [hook for repo in repos for hook in repo["hooks"]]
    assert all(hook["language"] == "system" for hook in hooks)
    kb = [hook for hook in hooks if hook["entry"] == "scripts/kb check"]
    assert len(kb) == 1
    assert kb[0]["pass_filenames"] is False
