"""archgen on large landscapes: the figures of issue #21's scale targets, measured as a user meets them.

    python benchmarks/large.py [--sizes 2000,10000] [--build-up-to 3000] [--repeat 3] [--out FILE]

For each synthetic model (`generate.py`: one internal system per 200 elements with its own VPC, teams
of eight containers) it reports:

- `archgen validate`, `archgen cost` and `archgen review` as separate processes, as a user runs them:
  the median wall time (and CPU time) of `--repeat` runs;
- `plan_views` in-process (best of three) and per element, the number of views after splitting and
  the largest view's node count against the node budget;
- for models up to `--build-up-to` elements, a cold `archgen build --no-cache` (no outputs, cache or
  stamp): wall time, peak memory of the largest process of the build, and the size of docs/ +
  diagrams_out/ + site/.

Which YAML reader ran (C or Python) is part of the report: the C reader is optional.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import synthetic_model  # noqa: E402

from generator.index import ModelIndex  # noqa: E402
from generator.load.model_loader import load_model  # noqa: E402
from generator.parse import yaml_nodes  # noqa: E402
from generator.views.all_views import plan_views  # noqa: E402

ARCHGEN = [sys.executable, "-c", "import sys; sys.argv[0] = 'archgen'; from generator.cli.entry import main; main()"]


def run(args: list[str], project: Path) -> tuple[float, float, float]:
    """(wall s, CPU s of the process and its children, peak MB of the largest of them)."""
    start = time.perf_counter()
    proc = subprocess.Popen(ARCHGEN + args, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: the review found high risks, as it should
        raise SystemExit(f"archgen {' '.join(args)} failed: {proc.stderr.read().decode()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def folder_mb(*folders: Path) -> float:
    return sum(p.stat().st_size for f in folders if f.is_dir() for p in f.rglob("*") if p.is_file()) / 1e6


def measure(size: int, project: Path, repeat: int, build: bool) -> dict:
    (project / "model").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name, text in synthetic_model(size).items():
        (project / "model" / name).write_text(text)
    m = load_model(project / "model").model
    elements = len(m.people) + len(m.systems) + len(m.containers) + len(m.components) + len(m.services)
    commands = {}
    for command in ("validate", "cost", "review"):
        runs = [run([command, "model"], project) for _ in range(repeat)]
        commands[command] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
    index = ModelIndex(m)
    planning = []
    for _ in range(3):
        start = time.perf_counter()
        views = list(plan_views(index))
        planning.append(time.perf_counter() - start)
    result = {
        "size": size,
        "elements": elements,
        "views": len(views),
        "largest": max(len(v.nodes) for v in views),
        "budget": m.views.node_budget,
        "plan": min(planning),
        **commands,
    }
    if build:
        wall, cpu, peak = run(["build", "--no-cache"], project)
        outputs = folder_mb(project / "docs", project / "diagrams_out", project / "site")
        result.update(build=wall, build_cpu=cpu, build_mb=peak, outputs_mb=outputs)
    return result


def report(results: list[dict]) -> str:
    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    reader = "C (libyaml)" if yaml_nodes.C_READER else "Python"
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {dot}; "
        f"YAML reader: {reader}; {time.strftime('%Y-%m-%d')}",
        "",
        "| model | elements | views (after splitting) | largest view | `archgen validate` | `archgen cost` | "
        "`archgen review` | `plan_views` | cold `archgen build` | peak memory (largest process) | "
        "docs/ + diagrams_out/ + site/ |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        built = (
            f"**{r['build']:.1f} s** (CPU {r['build_cpu']:.1f} s) | {r['build_mb']:.0f} MB | {r['outputs_mb']:.1f} MB"
            if "build" in r
            else "not run | - | -"
        )
        lines.append(
            f"| synthetic {r['size']:,} | {r['elements']:,} | {r['views']:,} | {r['largest']} nodes "
            f"(budget {r['budget']}) | **{r['validate'][0]:.2f} s** | **{r['cost'][0]:.2f} s** | "
            f"**{r['review'][0]:.2f} s** | {r['plan']:.2f} s ({r['plan'] / r['elements'] * 1e6:.0f} us/element) | "
            f"{built} |"
        )
    lines += ["", "Command times are medians of wall time over separate runs; CPU medians beside them:", ""]
    for r in results:
        cpu = ", ".join(f"{c} {r[c][1]:.2f} s" for c in ("validate", "cost", "review"))
        lines.append(f"- synthetic {r['size']:,}: {cpu}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000")
    parser.add_argument("--build-up-to", type=int, default=3000, help="cold-build only models up to this size")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="archgen-large-") as tmp:
        for size in (int(s) for s in args.sizes.split(",") if s):
            print(f"measuring synthetic {size} ...", file=sys.stderr, flush=True)
            results.append(measure(size, Path(tmp) / str(size), args.repeat, size <= args.build_up_to))
    text = report(results)
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
