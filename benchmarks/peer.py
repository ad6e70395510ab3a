"""archgen against a peer tool on the same model: LikeC4 (`likec4 build`, a static site of C4 views).

    npm install likec4@1.46.0        # once, anywhere; then:
    python benchmarks/peer.py --likec4 PATH/node_modules/.bin/likec4 [--pairs 3] [--model model]

The archgen model's people, systems, containers, components and relationships are written as a
LikeC4 workspace with the same views archgen draws of them (benchmarks/likec4_model.py). Each pair is a
cold `archgen build --no-cache` on a fresh copy of the project, then `likec4 build -o site` on the
workspace (A B A B); reported: medians of wall time, CPU time (user + sys, children included) and the
largest resident set of any process, and the median per-pair ratio. archgen's build does more (AWS
deployment and pipeline views, cost, review, MkDocs site); LikeC4 builds only the C4 views.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from likec4_model import likec4_source  # noqa: E402
from run import ROOT, archgen, clean_outputs, timed_process  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--likec4", type=Path, required=True, help="the likec4 executable")
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--model", type=Path, default=ROOT / "model")
    args = parser.parse_args()
    version = subprocess.run([str(args.likec4), "--version"], capture_output=True, text=True).stdout.strip()
    ours, theirs = [], []
    with tempfile.TemporaryDirectory(prefix="archgen-peer-") as tmp:
        project, workspace = Path(tmp) / "project", Path(tmp) / "likec4"
        shutil.copytree(args.model, project / "model")
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        workspace.mkdir()
        (workspace / "model.c4").write_text(likec4_source(args.model))
        for _ in range(args.pairs):
            clean_outputs(project)
            wall, peak, _own, cpu = archgen(["build", "--no-cache"], project)
            ours.append((wall, cpu, peak))
            shutil.rmtree(workspace / "site", ignore_errors=True)
            theirs.append(timed_process([str(args.likec4), "build", "-o", "site"], workspace))
    med = statistics.median
    ratio = med(t[0] / o[0] for o, t in zip(ours, theirs, strict=True))
    cpu_ratio = med(t[2] / o[1] for o, t in zip(ours, theirs, strict=True))
    print(f"LikeC4 {version} against archgen, {args.pairs} pairs (A B A B), model {args.model}")
    print()
    print("| tool | wall | CPU (user + sys) | peak memory (largest process) |")
    print("|---|---:|---:|---:|")
    print(
        f"| archgen build (cold) | {med(o[0] for o in ours):.2f} s | {med(o[1] for o in ours):.2f} s | "
        f"{max(o[2] for o in ours):.0f} MB |"
    )
    print(
        f"| likec4 build | {med(t[0] for t in theirs):.2f} s | {med(t[2] for t in theirs):.2f} s | "
        f"{max(t[1] for t in theirs):.0f} MB |"
    )
    print()
    print(f"LikeC4 / archgen: **{ratio:.1f}x** wall, **{cpu_ratio:.1f}x** CPU (median of per-pair ratios)")


if __name__ == "__main__":
    main()
