"""The cold build against the floor in instructions executed: a measure no neighbour on the machine moves.

    python benchmarks/instructions.py [--model model] [--out FILE]

CPU time on a shared virtual machine moves by 5-15% from one run to the next (another tenant's load,
caches, frequency), which is as much as the difference the one-core target (cold CPU / floor CPU at
most 1.1) is about. Instructions do not move with the neighbours. Under Valgrind's callgrind, on one
core (`taskset -c 0`, so the build runs MkDocs in its own process as on a single-core CI runner), this
counts the user-space instructions of every process of:

- a cold `archgen build --no-cache` on a fresh copy of the model's project (as benchmarks/run.py), and
- the floor: plain `dot -Tsvg` on each DOT file that build wrote, then plain `mkdocs build --strict`
  on its pages (the archgen plugin off, as in run.py).

What it leaves out is the kernel's share (system time: file writes, page faults, starting processes),
which benchmarks/run.py's CPU ratio includes. It takes a few minutes (callgrind runs code about 40
times slower), and needs Debian's `valgrind`. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import clean_outputs  # noqa: E402

from generator.render.diagram_render import ICON_PLACEHOLDER, RESOURCES  # noqa: E402

_TOTALS = re.compile(rb"^totals:\s+(\d+)", re.M)
_BUILD = "import sys\nsys.argv = ['archgen', 'build', '--no-cache']\nfrom generator.cli.entry import main\nmain()\n"


def counted(args: list[str], cwd: Path, outputs: Path, env: dict | None = None) -> int:
    """User-space instructions of `args` and every process it starts (callgrind, one core)."""
    outputs.mkdir(parents=True, exist_ok=True)
    command = [
        "taskset", "-c", "0", "valgrind", "--tool=callgrind", "--trace-children=yes",
        f"--callgrind-out-file={outputs}/callgrind.%p", *args,
    ]  # fmt: skip
    done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr.decode()[-800:]}")
    total = 0
    for out in outputs.glob("callgrind.*"):
        match = _TOTALS.search(out.read_bytes())
        total += int(match.group(1)) if match else 0
    return total


def measure(model: Path) -> dict:
    work = Path(tempfile.mkdtemp(prefix="archgen-instr-"))
    project = work / "project"
    shutil.copytree(model, project / "model", ignore=shutil.ignore_patterns("*.json"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    clean_outputs(project)
    cold = counted([sys.executable, "-c", _BUILD], project, work / "cold")
    dot_total = 0
    for index, dot in enumerate(sorted((project / "diagrams_out").glob("*.dot"))):
        source = work / f"{dot.stem}.dot"
        source.write_text(dot.read_text().replace(ICON_PLACEHOLDER, str(RESOURCES)))
        dot_total += counted(["dot", "-Tsvg", f"-o{source}.svg", str(source)], work, work / f"dot{index}")
    env = {**os.environ, "ARCHGEN_PLUGIN_OFF": "1"}
    mkdocs_args = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(work / "site")]
    mkdocs_total = counted(mkdocs_args, project, work / "mkdocs", env)
    shutil.rmtree(work, ignore_errors=True)
    return {"cold": cold, "dot": dot_total, "mkdocs": mkdocs_total}


def report(name: str, r: dict) -> str:
    floor = r["dot"] + r["mkdocs"]
    return "\n".join(
        [
            "| model | cold build | floor: dot + mkdocs | **instructions cold / floor** |",
            "|---|---:|---:|---:|",
            f"| {name} | {r['cold'] / 1e9:.2f} G | {floor / 1e9:.2f} G ({r['dot'] / 1e9:.2f} + "
            f"{r['mkdocs'] / 1e9:.2f}) | **{r['cold'] / floor:.3f}** |",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "model")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("needs valgrind (Debian: apt-get install valgrind)")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)
    name = "example (Cruddur)" if args.model.resolve() == (ROOT / "model").resolve() else args.model.as_posix()
    text = report(name, measure(args.model))
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
