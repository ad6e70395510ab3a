"""One test per defect class of the adversarial pass: every hostile input ends in a located or clear
environmental error (never exit 70), inside its time and memory budget, with earlier outputs intact."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

import generator.load.options  # noqa: F401  (imported before anything is timed)
from generator.publish.staging import read_tree
from tests.conftest import run_cli


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def _located(result, code: str, file: str) -> None:
    assert result.exit_code == 1, result.output
    assert code in result.output and file in result.output, result.output
    assert "internal error" not in result.output and "Traceback" not in result.output


# --- limits, checked before the work -------------------------------------------------------------


def test_a_sparse_6_gib_file_is_refused_before_reading(project: Path) -> None:
    huge = project / "model" / "huge.yaml"
    with open(huge, "wb") as handle:
        handle.truncate(6 * 1024**3)
    code = (
        "import resource, sys\nfrom pathlib import Path\nfrom generator.errors import ModelInvalid\n"
        "from generator.load.model_loader import load_model\n"
        "try:\n    load_model(Path(sys.argv[1]))\nexcept ModelInvalid as e:\n    print(e.diagnostics[0].code)\n"
        "io = dict(line.split(': ') for line in Path('/proc/self/io').read_text().splitlines())\n"
        "print(io['rchar'])\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(project / "model")], capture_output=True, text=True)
    code_seen, bytes_read, peak_kb = out.stdout.split()
    assert code_seen == "Y006"
    # never read: everything the process read (Python, archgen, its data files) is far below the file's 6 GiB
    assert int(bytes_read) < 200 * 1024**2
    assert int(peak_kb) < 100 * 1024  # well under 100 MB


def test_sixty_thousand_bad_entries_are_reported_quickly_and_counted(project: Path) -> None:
    entries = "".join(f"- {{id: p{i}, x{i}: 1}}\n" for i in range(60_000))
    (project / "model" / "bad.yaml").write_text("people:\n" + entries)
    assert (project / "model" / "bad.yaml").stat().st_size < 2 * 1024 * 1024
    parse_start = time.perf_counter()
    yaml.compose((project / "model" / "bad.yaml").read_text(), Loader=yaml.CSafeLoader)
    libyaml = time.perf_counter() - parse_start  # the C parser alone: about 3.5 s for this file on a 2-core VM
    start = time.perf_counter()
    result = run_cli("validate", cwd=project)
    assert time.perf_counter() - start < libyaml + 2.0  # archgen's own work on top of parsing stays under 2 s
    assert result.exit_code == 1
    assert "more problem(s) not shown" in result.output
    assert result.output.count("\n") < 1000


def test_two_hundred_alias_bomb_files_are_refused_quickly(tmp_path: Path) -> None:
    row = ",".join
    bomb = (  # 7,380 values a file: about 34 files exhaust the budget of the whole model
        f"a: &a [{row(['x'] * 9)}]\nb: &b [{row(['*a'] * 9)}]\nc: &c [{row(['*b'] * 9)}]\nd: [{row(['*c'] * 9)}]\n"
    )
    folder = tmp_path / "model"
    folder.mkdir()
    for i in range(200):
        (folder / f"bomb{i:03}.yaml").write_text(bomb)
    start = time.perf_counter()
    result = run_cli("validate", "model", cwd=tmp_path)
    assert time.perf_counter() - start < 2.0
    assert result.exit_code == 1 and "Y004" in result.output, result.output[-500:]


@pytest.mark.parametrize("number", ["9" * 5000, "0x" + "f" * 400, "1e999999", "-" + "1" * 70])
def test_numbers_beyond_reason_are_located_errors(project: Path, number: str) -> None:
    _replace(project / "model" / "cost.yaml", "monthly_limit:", f"monthly_limit: {number}\n    ignored_limit:")
    result = run_cli("validate", cwd=project)
    _located(result, "cost.yaml", "cost.yaml")


@pytest.mark.parametrize("value", ["5", "just-one-id", "[[a], {b: 1}]"])
def test_option_remove_of_the_wrong_type_is_a_located_error(project: Path, value: str) -> None:
    option = project / "model" / "options" / "aurora-serverless.yaml"
    option.write_text(
        option.read_text() + f"\nremove: {value}\n"
        if "remove:" not in option.read_text()
        else __import__("re").sub(r"(?m)^remove:.*(\n  - .*)*", f"remove: {value}", option.read_text())
    )
    result = run_cli("validate", cwd=project)
    _located(result, "S105", "aurora-serverless.yaml")


# --- files outside the project -------------------------------------------------------------------


def test_a_link_to_a_file_outside_the_project_is_refused_without_its_content(project: Path, tmp_path_factory) -> None:
    secret = tmp_path_factory.mktemp("elsewhere") / "credentials.yaml"
    secret.write_text("aws_secret_access_key: SECRET-LINE-SHOULD-NOT-APPEAR\n")
    (project / "model" / "linked.yaml").symlink_to(secret)
    result = run_cli("validate", cwd=project)
    _located(result, "Y013", "linked.yaml")
    assert "SECRET-LINE" not in result.output


def test_a_dangling_link_is_an_error_not_a_skip(project: Path) -> None:
    (project / "model" / "gone.yaml").symlink_to(project / "nowhere.yaml")
    _located(run_cli("validate", cwd=project), "Y013", "gone.yaml")


def test_a_fifo_is_refused_without_blocking(project: Path) -> None:
    os.mkfifo(project / "model" / "pipe.yaml")
    _located(run_cli("validate", cwd=project), "Y012", "pipe.yaml")


def test_a_link_inside_the_project_is_followed(project: Path) -> None:
    (project / "shared").mkdir()
    (project / "model" / "decisions.yaml").rename(project / "shared" / "decisions.yaml")
    (project / "model" / "decisions.yaml").symlink_to(project / "shared" / "decisions.yaml")
    assert run_cli("validate", cwd=project).exit_code == 0


# --- text that breaks later stages ---------------------------------------------------------------


@pytest.mark.parametrize("char", ["\\0", "\\e[31m", "\\x07"])
def test_control_characters_are_refused_at_validation(project: Path, char: str) -> None:
    _replace(project / "model" / "containers.yaml", "name: User pool", f'name: "User{char}pool"')
    _located(run_cli("validate", cwd=project), "control character", "containers.yaml")


def test_text_ending_in_a_backslash_builds(project: Path) -> None:
    _replace(project / "model" / "containers.yaml", "name: User pool", 'name: "User pool \\\\"')
    result = run_cli("build", "--no-site", cwd=project)
    assert result.exit_code == 0, result.output


def test_ids_that_share_an_anchor_are_refused(project: Path) -> None:
    _replace(
        project / "model" / "containers.yaml",
        "  - id: user_pool\n",
        "  - id: user-pool\n    name: Twin\n    system: cruddur\n    kind: identity\n    description: twin\n"
        "  - id: user_pool\n",
    )
    _located(run_cli("validate", cwd=project), "R212", "containers.yaml")


# --- semantic gaps ---------------------------------------------------------------------------------


def test_a_container_on_a_kind_that_cannot_host_is_refused(project: Path) -> None:
    _replace(project / "model" / "containers.yaml", "hosted_on: user_pool_service", "hosted_on: main_vpc")
    _located(run_cli("validate", cwd=project), "R211", "containers.yaml")


def test_an_unreal_date_is_refused(project: Path) -> None:
    _replace(project / "model" / "decisions.yaml", 'date: "2026-11-02"', 'date: "2026-13-45"')
    _located(run_cli("validate", cwd=project), "not a real date", "decisions.yaml")


def test_two_chosen_options_are_refused(project: Path) -> None:
    for name in ("api-on-lambda.yaml", "aurora-serverless.yaml"):
        _replace(project / "model" / "options" / name, "chosen: false", "chosen: true")
    _located(run_cli("validate", cwd=project), "R213", "options/")


def test_budget_subscribers_must_be_email_addresses(project: Path) -> None:
    _replace(project / "model" / "cost.yaml", "team@cruddur.example", "'{{resolve:secretsmanager:x}}'")
    _located(run_cli("validate", cwd=project), "not an e-mail address", "cost.yaml")


def test_dynamic_references_never_reach_the_guardrails_template(project: Path) -> None:
    _replace(project / "model" / "proposal.yaml", "name: Cruddur", "name: 'Cruddur {{resolve:ssm:/x}}'")
    result = run_cli("guardrails", cwd=project)
    assert result.exit_code == 0, result.output
    assert "{{resolve" not in result.stdout


# --- the trust boundary of mkdocs.yml --------------------------------------------------------------


def test_mkdocs_yml_object_tags_are_refused_and_never_run(project: Path) -> None:
    marker = project / "ran.txt"
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + f"extra:\n  x: !!python/object/apply:os.system ['touch {marker}']\n")
    result = run_cli("build", cwd=project)
    assert result.exit_code == 1
    assert "mkdocs.yml:" in result.output and "not allowed" in result.output, result.output
    assert not marker.exists()


def test_mkdocs_yml_site_dir_elsewhere_is_refused(project: Path) -> None:
    _replace(project / "mkdocs.yml", "site_dir: site", "site_dir: /tmp/elsewhere")
    result = run_cli("build", cwd=project)
    assert result.exit_code == 1 and "site_dir" in result.output, result.output


# --- environment: permissions, concurrency, caches -------------------------------------------------


def test_a_read_only_project_gives_a_clear_error_and_leaves_nothing_behind(project: Path) -> None:
    assert run_cli("build", "--no-site", cwd=project).exit_code == 0
    before = read_tree(project / "docs")
    _replace(project / "model" / "proposal.yaml", "name: Cruddur", "name: Cruddur two")
    os.chmod(project, 0o555)
    try:
        if os.access(project, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        result = run_cli("build", "--no-site", cwd=project)
    finally:
        os.chmod(project, 0o755)
    assert result.exit_code == 1 and "cannot write" in result.output, result.output
    assert read_tree(project / "docs") == before
    assert not [p for p in project.iterdir() if ".archgen-staging" in p.name or p.name.endswith(".archgen-old")]


def test_outputs_respect_the_umask(project: Path) -> None:
    old = os.umask(0o022)
    try:
        assert run_cli("build", "--no-site", cwd=project).exit_code == 0
    finally:
        os.umask(old)
    for folder in ("docs", "diagrams_out"):
        assert stat.S_IMODE((project / folder).stat().st_mode) == 0o755
    assert stat.S_IMODE((project / "docs" / "index.md").stat().st_mode) == 0o644


def test_two_builds_at_once_both_end_cleanly(project: Path) -> None:
    env = dict(os.environ)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "generator", "build"],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert any("waiting for another build" in err for _, err in outputs) or all(
        "built" in o or "up to date" in o for o, _ in outputs
    )
    assert (project / "site" / "index.html").is_file()
    assert not [p for p in project.iterdir() if ".archgen-staging" in p.name]


def test_a_corrupt_stamp_and_a_tampered_layout_cache_are_rebuilt(project: Path) -> None:
    assert run_cli("build", "--no-site", cwd=project).exit_code == 0
    good = read_tree(project / "diagrams_out")
    (project / ".archgen-cache" / "build-stamp.json").write_text("[1, 2, 3]")
    for svg in (project / ".archgen-cache" / "layout").rglob("*.svg"):
        svg.write_text("<svg><script>alert(1)</script></svg>")
    (project / "diagrams_out" / "context.svg").unlink()  # force a rebuild
    result = run_cli("build", "--no-site", cwd=project)
    assert result.exit_code == 0, result.output
    assert read_tree(project / "diagrams_out") == good


def test_serve_on_a_port_in_use_says_so(project: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run_cli("serve", "--address", f"127.0.0.1:{port}", cwd=project)
    assert result.exit_code == 1 and f"127.0.0.1:{port}" in result.output, result.output
    assert "--address" in result.output
