"""The command line itself, as a user meets it: help texts, usage errors, shell completion."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli, run_python

COMMANDS = [
    "init",
    "validate",
    "schema",
    "compare",
    "guardrails",
    "check",
    "diff",
    "review",
    "rules",
    "explain",
    "cost",
    "services",
    "prices",
    "diagrams",
    "build",
    "serve",
    "pdf",
]


def test_help_lists_every_command_in_order(tmp_path: Path) -> None:
    result = run_cli("--help", cwd=tmp_path)
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line.strip()]
    assert listed == list(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_its_arguments_and_defaults(tmp_path: Path, command: str) -> None:
    result = run_cli(command, "--help", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Usage: archgen {command} ")
    if "[MODEL]" in result.stdout.splitlines()[0]:
        assert "[MODEL]  Model folder" in result.stdout and "[default: model]" in result.stdout


def test_missing_required_argument_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("explain", cwd=tmp_path)
    assert result.exit_code == 2
    assert "Missing argument 'CODE'" in result.stderr and "Traceback" not in result.output


def test_out_of_range_and_unknown_values_are_usage_errors(tmp_path: Path) -> None:
    port = run_cli("serve", "--port", "0", cwd=tmp_path)
    assert port.exit_code == 2 and "--port" in port.stderr
    age = run_cli("prices", "--max-age-days", "0", cwd=tmp_path)
    assert age.exit_code == 2 and "--max-age-days" in age.stderr
    choice = run_cli("review", "--fail-on", "low", cwd=tmp_path)
    assert choice.exit_code == 2 and "'low' is not one of 'high', 'medium'" in choice.stderr
    flag = run_cli("build", "--no-such-flag", cwd=tmp_path)
    assert flag.exit_code == 2 and "No such option '--no-such-flag'" in flag.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_script(tmp_path: Path, shell: str) -> None:
    result = run_cli("--show-completion", shell, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "_ARCHGEN_COMPLETE" in result.stdout and f"{shell}_complete" in result.stdout


def test_completion_without_a_known_shell_says_which_to_give(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SHELL", "/bin/tcsh")
    result = run_cli("--show-completion", cwd=tmp_path)
    assert result.exit_code == 2
    assert "give one of bash, zsh, fish" in result.stderr


def test_install_completion_writes_the_script_once(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("SHELL", "/bin/bash")
    for _ in range(2):
        result = run_cli("--install-completion", cwd=tmp_path)
        assert result.exit_code == 0, result.output
    script = tmp_path / ".bash_completions" / "archgen.sh"
    assert "_ARCHGEN_COMPLETE=bash_complete" in script.read_text()
    assert (tmp_path / ".bashrc").read_text().splitlines().count("source ~/.bash_completions/archgen.sh") == 1


def test_completion_answers_commands_and_option_values(tmp_path: Path) -> None:
    """What the installed script asks archgen: the words that complete the current one."""
    env = {
        **os.environ,
        "_ARCHGEN_COMPLETE": "bash_complete",
        "COMP_WORDS": "archgen review --fail-on ",
        "COMP_CWORD": "3",
    }
    values = subprocess.run(
        [sys.executable, "-m", "generator"], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert values.stdout.split() == ["plain,high", "plain,medium"]
    env.update(COMP_WORDS="archgen bu", COMP_CWORD="1")
    commands = subprocess.run(
        [sys.executable, "-m", "generator"], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert commands.stdout.split() == ["plain,build"]


def test_each_command_module_registers_exactly_the_commands_mapped_to_it() -> None:
    """The lazy command table and the modules agree: no command is unreachable, none is listed twice."""
    import importlib

    import click

    from generator.cli.app import COMMAND_MODULES

    assert list(COMMAND_MODULES) == COMMANDS
    for module in sorted(set(COMMAND_MODULES.values())):
        group = click.Group()
        importlib.import_module(f"generator.cli.{module}").register(group)
        assert sorted(group.commands) == sorted(n for n, m in COMMAND_MODULES.items() if m == module), module


def test_a_command_imports_only_its_own_module() -> None:
    """`archgen validate` does not import the modules of the other commands (about 30 ms of every run)."""
    code = (
        "import sys\n"
        "sys.argv = ['archgen', 'validate', '--help']\n"
        "from generator.cli.app import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "others = sorted(m for m in sys.modules if m.startswith('generator.cli.') and m.split('.')[-1] in "
        "('pdf', 'pr', 'compare', 'guardrails', 'prices', 'review', 'cost', 'diagrams', 'init'))\n"
        "print(others, file=sys.stderr)\n"
    )
    result = run_python(code)
    assert result.stderr.strip() == "[]"
