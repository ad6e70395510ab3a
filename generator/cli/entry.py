"""The `archgen` entry point: answers an unchanged `archgen build` before importing the CLI framework.

Everything else is handed to `generator.cli.app.main`, with the input fingerprint when one was computed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

FAST_FORMS = {("build",): "site=True", ("build", "--no-site"): "site=False"}


def _fast_build(argv: list[str]) -> tuple[bool, str]:
    """(answered, input fingerprint computed on the way, or "")."""
    flags = FAST_FORMS.get(tuple(argv))
    if flags is None:
        return False, ""
    # imported here: the other commands never pay for hashing the inputs
    from generator.publish import stamp

    project, model = Path("."), Path("model")
    folders = stamp.OUTPUTS if flags == "site=True" else ("docs", "diagrams_out")
    try:
        inputs = stamp.input_fingerprint(project, model, flags)
        summary = stamp.unchanged(project, inputs, folders)
    except Exception:  # any doubt: take the full path, which reports problems properly
        return False, ""
    if summary is None:
        return False, inputs
    text, warnings = summary
    if warnings:
        print(warnings, file=sys.stderr)
    print(text.replace("built ", "up to date: ", 1))
    return True, ""


def main() -> None:
    # imports and the model allocate objects that live until exit: no collection until the model is
    # loaded (parse/gc_pause.py), instead of scanning them again and again as they pile up
    from generator.parse.gc_pause import pause_for_startup

    pause_for_startup()
    answered, inputs = _fast_build(sys.argv[1:])
    if answered:
        return
    # archgen's model types run no pydantic plugins: looking for them scans every installed package's
    # entry points (15-25 ms of every command), and a plugin would see all model text
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # imported here: an unchanged build is answered without loading click, rich or pydantic
    from generator.cli.app import main as cli_main

    cli_main(inputs)


if __name__ == "__main__":
    main()
