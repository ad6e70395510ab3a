"""archgen's benchmark: our time against the unavoidable external work (Graphviz layout, mkdocs build).

    python benchmarks/run.py [--sizes 50,200,800] [--pairs 5] [--pin] [--out benchmarks/results.md]

For the example model (with its options) and synthetic models of about 50, 200 and 800 elements it
measures, in one run and side by side:

- validation, and each stage in-process: views and DOT, Graphviz layout, review and cost, pages;
- a cold `archgen build --no-cache` on a fresh checkout (no docs/, site/, layout cache or stamp), as a
  separate process, paired with a floor run right after it (A B A B ...): the headline is the median of
  the per-pair ratios, in wall time and in CPU time (user + sys of every process), so a busy neighbour
  on a shared machine moves both sides of a pair alike; `--pin` runs everything on one core
  (`taskset -c 0`), so the figure does not depend on a free second core;
- a no-change rebuild (`archgen build` again);
- the floor: plain `dot -Tsvg` on the same DOT files (what archgen writes; as many at once as there
  are cores, in file-name order) plus plain `mkdocs build --strict` on the same pages, one after
  the other as a user would run them;
- peak memory of archgen's own process, and of any process of the build (dot included).

Headline figures are ratios. Not part of the test suite or CI's pass/fail.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import synthetic_model  # noqa: E402

from generator.analysis import analyse  # noqa: E402
from generator.index import ModelIndex  # noqa: E402
from generator.load.model_loader import load_model  # noqa: E402
from generator.publish.layouts import LINK_BASE, render_diagrams  # noqa: E402
from generator.render.diagram_render import ICON_PLACEHOLDER, RESOURCES, dot_source  # noqa: E402
from generator.site.pages import build_pages  # noqa: E402
from generator.views.all_views import plan_views  # noqa: E402

# `archgen` as its console script runs it, also noting archgen's own peak memory (without its children:
# dot and the MkDocs worker) in the file named by ARCHGEN_BENCH_RSS.
_ARCHGEN_MAIN = (
    "import atexit, os, resource, sys\n"
    "atexit.register(lambda: open(os.environ['ARCHGEN_BENCH_RSS'], 'w').write("
    "str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))\n"
    "sys.argv[0] = 'archgen'\n"
    "from generator.cli.entry import main\n"
    "main()\n"
)
ARCHGEN = [sys.executable, "-c", _ARCHGEN_MAIN]


PIN: list[str] = []  # ["taskset", "-c", "0"] with --pin
PAIRS = 5


def timed_process(args: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, float]:
    """Wall seconds, peak resident MB and CPU seconds (user + sys, its waited-for children included)
    of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        PIN + args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})}
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed in {cwd}: {proc.stderr.read().decode()[-500:]}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def archgen(args: list[str], project: Path) -> tuple[float, float, float, float]:
    """Wall seconds, peak MB of any process of the build (dot included), archgen's own peak MB, CPU s."""
    with tempfile.NamedTemporaryFile(prefix="archgen-rss-") as rss:
        elapsed, peak, cpu = timed_process(ARCHGEN + args, project, env={"ARCHGEN_BENCH_RSS": rss.name})
        own = int(Path(rss.name).read_text() or 0) / 1024
    return elapsed, peak, own, cpu


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


_SPIN = (
    "import time\nt = time.perf_counter()\nx = 0\nfor i in range(3_000_000): x += i\nprint(time.perf_counter() - t)\n"
)


def effective_cores() -> float:
    """How many cores' worth of CPU the machine gives right now: one busy loop alone, then one per core.

    On a shared VM this moves with the neighbours' load; our build is parallel where the floor is
    mostly serial (MkDocs), so it is reported with the results.
    """

    def spins(n: int) -> list[float]:
        procs = [subprocess.Popen([sys.executable, "-c", _SPIN], stdout=subprocess.PIPE, text=True) for _ in range(n)]
        return [float(p.communicate()[0]) for p in procs]

    cores = os.cpu_count() or 1
    alone = min(min(spins(1)) for _ in range(3))
    together = min(max(spins(cores)) for _ in range(3))
    return cores * alone / together


def clean_outputs(project: Path) -> None:
    """Back to a fresh checkout: no outputs, no layout cache, no build stamp."""
    for name in ("docs", "diagrams_out", "site", ".archgen-cache"):
        shutil.rmtree(project / name, ignore_errors=True)
    for stamp in project.glob(".archgen*"):
        if stamp.is_file():
            stamp.unlink()


def cold_and_floor(project: Path, pairs: int) -> dict:
    """`pairs` cold builds, each followed by a floor run on what it wrote (A B A B ...).

    Cold: `archgen build --no-cache` on a fresh checkout. Floor: plain dot on the DOT files that build
    wrote, as many at once as there are cores, then plain mkdocs build on its pages. Reported: the
    median of the per-pair ratios (wall and CPU), and the medians of each side.
    """
    colds, floors = [], []
    for _ in range(pairs):
        clean_outputs(project)
        colds.append(archgen(["build", "--no-cache"], project))
        floors.append(floor_once(project))
    wall = statistics.median(c[0] / f[2] for c, f in zip(colds, floors, strict=True))
    cpu_ratios = sorted(c[3] / f[3] for c, f in zip(colds, floors, strict=True))
    cpu = statistics.median(cpu_ratios)
    return {
        "cold": statistics.median(c[0] for c in colds),
        "cold_mb": max(c[1] for c in colds),
        "own_mb": max(c[2] for c in colds),
        "dot": statistics.median(f[0] for f in floors),
        "mkdocs": statistics.median(f[1] for f in floors),
        "floor": statistics.median(f[2] for f in floors),
        "ratio": wall,
        "cpu_ratio": cpu,
        # the middle half of the pairs' CPU ratios: how far the machine moved single pairs in this run
        "cpu_spread": (cpu_ratios[len(cpu_ratios) // 4], cpu_ratios[(3 * len(cpu_ratios)) // 4]),
        "pairs": pairs,
    }


def floor_once(project: Path) -> tuple[float, float, float, float]:
    """(dot s, mkdocs s, total s, CPU s of both)."""
    dots = sorted((project / "diagrams_out").glob("*.dot"))
    workdir = Path(tempfile.mkdtemp(prefix="bench-floor-"))
    sources = []
    for dot in dots:
        src = workdir / dot.name
        src.write_text(dot.read_text().replace(ICON_PLACEHOLDER, str(RESOURCES)))
        sources.append(src)

    def layout(src: Path) -> None:
        subprocess.run([*PIN, "dot", "-Tsvg", f"-o{src}.svg", str(src)], check=True, capture_output=True)

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=min(len(sources), os.cpu_count() or 1)) as pool:
        list(pool.map(layout, sources))
    dot_time = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    dot_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    site = workdir / "site"
    mkdocs_time, _, mkdocs_cpu = timed_process(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        project,
        env={"ARCHGEN_PLUGIN_OFF": "1"},
    )
    shutil.rmtree(workdir, ignore_errors=True)
    return dot_time, mkdocs_time, dot_time + mkdocs_time, dot_cpu + mkdocs_cpu


def measure(name: str, project: Path) -> dict:
    loaded = load_model(project / "model")
    m = loaded.model
    elements = len(m.people) + len(m.systems) + len(m.containers) + len(m.components) + len(m.services)
    validate = best(lambda: load_model(project / "model"))
    index = ModelIndex(m)
    views_dot = best(lambda: [dot_source(v, LINK_BASE) for v in plan_views(index)])
    diagrams_time = best(lambda: render_diagrams(index, cache=None), repeat=1)
    context_time = best(lambda: analyse(loaded))
    ctx = analyse(loaded)
    pages_time = best(lambda: build_pages(ctx))
    pairs = PAIRS if elements < 100 else 3 if elements < 400 else 2
    paired = cold_and_floor(project, pairs)
    rebuild, rebuild_mb, _, _ = min(archgen(["build"], project) for _ in range(pairs))
    views = len(list((project / "diagrams_out").glob("*.dot")))  # the model's views and its options'
    return {
        "name": name,
        "elements": elements,
        "views": views,
        "validate": validate,
        "views_dot": views_dot,
        "diagrams": diagrams_time,
        "review_cost": context_time,
        "pages": pages_time,
        **paired,
        "rebuild": rebuild,
        "peak_mb": max(paired["cold_mb"], rebuild_mb),
    }


def report(results: list[dict], cores: tuple[float, float]) -> str:
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{subprocess.run(['dot', '-V'], capture_output=True, text=True).stderr.strip()}; "
        f"effective cores {cores[0]:.2f} before the run and {cores[1]:.2f} after (a busy loop per core "
        f"against one alone)",
        "",
        f"Pinned to one core (taskset -c 0): {'yes' if PIN else 'no'}. Ratios are medians of per-pair ratios "
        "(a cold build, then the floor on what it wrote).",
        "",
        "| model | elements | views | validate | cold build | floor (dot + mkdocs) | **cold / floor** | "
        "**CPU cold / floor** (middle half of the pairs) | pairs | no-change rebuild | **rebuild / cold** | "
        "peak memory: archgen | peak memory: any process |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['name']} | {r['elements']} | {r['views']} | {r['validate'] * 1000:.0f} ms | {r['cold']:.2f} s | "
            f"{r['floor']:.2f} s ({r['dot']:.2f} + {r['mkdocs']:.2f}) | **{r['ratio']:.2f}** | "
            f"**{r['cpu_ratio']:.2f}** ({r['cpu_spread'][0]:.2f}-{r['cpu_spread'][1]:.2f}) | {r['pairs']} | "
            f"{r['rebuild']:.2f} s | **{r['rebuild'] / r['cold']:.2f}** | {r['own_mb']:.0f} MB | "
            f"{r['peak_mb']:.0f} MB |"
        )
    lines += [
        "",
        "Stages of the model's own views, in-process, seconds. archgen's own work is validation, views "
        "and DOT, review and cost, and pages: everything but Graphviz and MkDocs.",
        "",
        "| model | validate | views + DOT | layout (Graphviz, parallel) | review + cost | pages | "
        "**archgen's own work** | per element |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        own = r["validate"] + r["views_dot"] + r["review_cost"] + r["pages"]
        lines.append(
            f"| {r['name']} | {r['validate']:.3f} | {r['views_dot']:.3f} | {r['diagrams']:.2f} | "
            f"{r['review_cost']:.3f} | {r['pages']:.3f} | **{own:.2f}** | "
            f"{own / max(r['elements'], 1) * 1000:.2f} ms |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,200,800")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--pairs", type=int, default=5, help="cold/floor pairs for models under 100 elements")
    parser.add_argument("--pin", action="store_true", help="run every process on one core (taskset -c 0)")
    args = parser.parse_args()
    global PAIRS
    PAIRS = args.pairs
    if args.pin:
        PIN[:] = ["taskset", "-c", "0"]
    # measure archgen as installed: byte-compiled, as `./run` leaves it (pip does so for installed packages)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True, stdout=subprocess.DEVNULL
    )
    results = []
    before = effective_cores()
    with tempfile.TemporaryDirectory(prefix="archgen-bench-") as tmp:
        cases = [("example (Cruddur)", None)] + [(f"synthetic {n}", int(n)) for n in args.sizes.split(",") if n]
        for name, size in cases:
            project = Path(tmp) / name.replace(" ", "_").replace("(", "").replace(")", "")
            (project / "model").mkdir(parents=True)
            shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
            if size is None:
                shutil.copytree(ROOT / "model", project / "model", dirs_exist_ok=True)
            else:
                for fname, text in synthetic_model(size).items():
                    (project / "model" / fname).write_text(text)
            print(f"measuring {name} ...", file=sys.stderr, flush=True)
            results.append(measure(name, project))
    text = report(results, (before, effective_cores()))
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
