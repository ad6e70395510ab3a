"""Shell completion for `archgen`: `--show-completion` prints the script, `--install-completion` installs it.

The scripts are click's own (bash 4.4+, zsh, fish): the shell asks `archgen` itself for completions of
commands, options and their values through the `_ARCHGEN_COMPLETE` variable. Installing writes the
script to the shell's completion folder and, for bash and zsh, one line in the start-up file that
loads it; running it again changes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
from click.shell_completion import get_completion_class

SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_ARCHGEN_COMPLETE"


def shell_named(value: str) -> str:
    """The shell to complete for: the one given, or the user's login shell ($SHELL)."""
    shell = value or Path(os.environ.get("SHELL", "")).name
    if shell not in SHELLS:
        raise click.UsageError(
            f"cannot tell which shell to complete for ({shell or '$SHELL is not set'}); "
            f"give one of {', '.join(SHELLS)}, e.g. --show-completion bash"
        )
    return shell


def completion_script(group: click.Command, shell: str) -> str:
    return get_completion_class(shell)(group, {}, "archgen", COMPLETE_VAR).source()


def install(group: click.Command, shell: str, home: Path) -> list[str]:
    """Write the script and the start-up line; what was written, as messages."""
    script = completion_script(group, shell)
    if shell == "fish":
        target, startup, line = home / ".config/fish/completions/archgen.fish", None, ""
    elif shell == "zsh":
        target, startup = home / ".zfunc/_archgen", home / ".zshrc"
        line = "fpath+=~/.zfunc; autoload -Uz compinit; compinit"
    else:
        target, startup = home / ".bash_completions/archgen.sh", home / ".bashrc"
        line = "source ~/.bash_completions/archgen.sh"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(script)
    done = [f"wrote the {shell} completion script to {target}"]
    if startup is not None:
        existing = startup.read_text() if startup.is_file() else ""
        if line not in existing.splitlines():
            with startup.open("a") as handle:
                handle.write(("" if existing.endswith("\n") or not existing else "\n") + line + "\n")
            done.append(f"added `{line}` to {startup}")
    return done + ["open a new shell to use it"]


def show_callback(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    click.echo(completion_script(ctx.command, shell_named(value)), nl=False)
    ctx.exit(0)


def install_callback(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    try:
        messages = install(ctx.command, shell_named(value), Path.home())
    except OSError as exc:
        raise click.ClickException(f"cannot install completion: {exc}") from None
    click.echo("\n".join(messages))
    ctx.exit(0)


def completion_options(command):
    """The two root options (each takes an optional shell name; default: $SHELL's)."""
    for name, callback, what in (
        ("--install-completion", install_callback, "Install completion for SHELL (bash, zsh, fish; default: $SHELL)."),
        ("--show-completion", show_callback, "Print the completion script for SHELL, to install it by hand."),
    ):
        command = click.option(
            name,
            metavar="[SHELL]",
            is_flag=False,
            flag_value="",
            default=None,
            expose_value=False,
            is_eager=True,
            callback=callback,
            help=what,
        )(command)
    return command
