"""The `archgen` entry point: answers an unchanged `archgen build` before importing the CLI framework.

Everything else is handed to `generator.cli.app.main`.
"""

from __future__ import annotations

import sys
from pathlib import Path

FAST_FORMS = {("build",): "site=True", ("build", "--no-site"): "site=False"}


def _fast_build(argv: list[str]) -> bool:
    flags = FAST_FORMS.get(tuple(argv))
    if flags is None:
        return False
    from generator.publish import stamp as fingerprint

    project, model = Path("."), Path("model")
    folders = fingerprint.OUTPUTS if flags == "site=True" else ("docs", "diagrams_out")
    try:
        inputs = fingerprint.input_fingerprint(project, model, flags)
        summary = fingerprint.unchanged(project, inputs, folders)
    except Exception:  # any doubt: take the full path, which reports problems properly
        return False
    if summary is None:
        fingerprint.hand_over(project, model, flags, inputs)
        return False
    text, warnings = summary
    if warnings:
        print(warnings, file=sys.stderr)
    print(text.replace("built ", "up to date: ", 1))
    return True


def main() -> None:
    if _fast_build(sys.argv[1:]):
        return
    from generator.cli.app import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
