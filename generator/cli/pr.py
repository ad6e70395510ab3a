"""Pull-request commands: `archgen check` and `archgen diff`."""

import json
import tempfile
from enum import Enum
from pathlib import Path

import click

from generator.cli.common import argument, option, out
from generator.errors import GateFailed, OutOfDate, UsageError


class DiffFormat(str, Enum):
    markdown = "markdown"
    json = "json"


IMAGE_SUFFIXES = (".svg", ".png")


def _view_of(name: str) -> str:
    """`diagrams/context.svg` or `context.png` -> `context`."""
    return name.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def stale_outputs(project: Path, built) -> tuple[list[str], int]:
    """What differs between the committed docs/ and diagrams_out/ and what the model produces, and how
    many images were judged by their DOT source rather than their bytes.

    archgen's own output (Markdown, DOT, the data behind each view) is compared byte for byte. Images
    are Graphviz's rendering of the DOT, whose bytes depend on the Graphviz, cairo and font build: an
    image counts as current when its view's committed DOT is exactly what the model produces.
    """
    # imported here: every command module loads with the CLI, so each keeps the others' cost off it
    from generator.publish.staging import read_tree

    committed_dot = read_tree(project / "diagrams_out")
    current_views = {
        _view_of(name)
        for name, data in built.diagrams.items()
        if name.endswith(".dot") and committed_dot.get(name) == data
    }
    stale, by_source = [], 0
    for folder, expected in (("docs", built.docs), ("diagrams_out", built.diagrams)):
        actual = committed_dot if folder == "diagrams_out" else read_tree(project / folder)
        for name in sorted(set(expected) | set(actual)):
            if name not in actual:
                stale.append(f"{folder}/{name} (missing)")
            elif name not in expected:
                stale.append(f"{folder}/{name} (not produced by the model)")
            elif actual[name] != expected[name]:
                if name.endswith(IMAGE_SUFFIXES) and _view_of(name) in current_views:
                    by_source += 1
                else:
                    stale.append(f"{folder}/{name} (differs)")
    return stale, by_source


def gate_failures(base, result, *, allow_policy_changes: bool = False) -> list[str]:
    """What breaks the gate, judged by the BASE model's gates: a change cannot loosen its own gate."""
    gates = base.gates
    failures = []
    if result.policy and not allow_policy_changes:
        failures.append(
            f"{len(result.policy)} policy change(s) (gates, budget or acknowledgements) need a separate approval; "
            "rerun with --allow-policy-changes once approved"
        )
    newly = list(dict.fromkeys(line for c in result.costs for line in c.newly_unpriced))
    if newly:
        failures.append(
            f"{len(newly)} line(s) moved out of the estimate (not priced): {'; '.join(newly)}; the new total "
            "is only a lower bound"
        )
    if gates.max_monthly_cost is not None:
        for c in result.costs:
            if c.new_total > gates.max_monthly_cost:
                failures.append(
                    f"{c.scenario} costs ${c.new_total:,.2f} a month, above the ${gates.max_monthly_cost} "
                    f"ceiling in gates.max_monthly_cost"
                )
    if gates.no_new_findings_at is not None:
        levels = ("HIGH",) if gates.no_new_findings_at == "high" else ("HIGH", "MEDIUM")
        for f in result.new_findings:
            if f.risk in levels:
                failures.append(
                    f"new unacknowledged {f.risk} finding {f.key}: {f.message} "
                    f"(fix it or acknowledge it in well_architected.acknowledgements)"
                )
    return failures


@click.command()
@argument("model", "Model folder.", Path("model"))
@option("--project", help="Project root holding docs/ and diagrams_out/.", default=Path("."))
def check(model: Path, project: Path) -> None:
    """Exit 1 and list the files when the committed docs/ and diagrams_out/ differ from what the model produces."""
    # imported here: every command module loads with the CLI, so each keeps the others' cost off it
    from generator.analysis import analyse
    from generator.load.options import load_model_and_options
    from generator.publish.layout_cache import LayoutCache
    from generator.publish.site import generate

    loaded, options = load_model_and_options(model)
    built = generate(analyse(loaded, options), LayoutCache(project / ".archgen-cache" / "layout"))
    stale, by_source = stale_outputs(project, built)
    if stale:
        raise OutOfDate(
            "out of date: the committed outputs differ from what the model produces:",
            details=tuple(stale),
            hint="run `archgen build` and commit docs/ and diagrams_out/",
        )
    note = f"; {by_source} image(s) differ only in rendering (same DOT; another Graphviz build)" if by_source else ""
    out.print(
        f"ok: docs/ and diagrams_out/ are current ({len(built.docs) + len(built.diagrams)} files){note}", markup=False
    )


@click.command()
@argument("old", "Old model folder (or omit and use --base).")
@argument("new", "New model folder (default: model).")
@option("--base", help="Git revision of the old model (default: the merge base with main).", type=str)
@option("--model", help="Model folder inside the repository.", default=Path("model"))
@option("--format", "-f", "fmt", help="Output format.", default=DiffFormat.markdown)
@option("--gate", help="Exit 3 when the change breaks a gate of the base model.", is_flag=True)
@option("--allow-policy-changes", help="The change's policy edits were approved separately.", is_flag=True)
def diff(
    old: Path | None,
    new: Path | None,
    base: str | None,
    model: Path,
    fmt: DiffFormat,
    gate: bool,
    allow_policy_changes: bool,
) -> None:
    """Semantic diff of two model versions: elements, relationships, cost and risk, for a PR comment."""
    # imported here: every command module loads with the CLI, so each keeps the others' cost off it
    from generator.analysis import analyse
    from generator.cli import git_source
    from generator.diffing.model_diff import diff_models
    from generator.load.options import load_model_and_options
    from generator.render.diff import diff_json, diff_markdown

    if old is not None and new is None and base is None:
        raise UsageError("give two folders (archgen diff OLD NEW) or --base REF")
    if old is not None and base is not None:
        raise UsageError("give either two folders or --base, not both")
    with tempfile.TemporaryDirectory(prefix="archgen-diff-") as tmp:
        if old is None:
            root = git_source.repo_root(model)
            rel = model.resolve().relative_to(root).as_posix()
            ref = git_source.merge_base(root, base) if base else git_source.default_base(root)
            old = git_source.export_model(root, ref, rel, Path(tmp))
            new = model
        # options included: a change to an alternative is part of the change
        before = analyse(*load_model_and_options(old), views=False)
        after = analyse(*load_model_and_options(new or model), views=False)
    result = diff_models(before, after)
    broken = tuple(gate_failures(before.model, result, allow_policy_changes=allow_policy_changes)) if gate else None
    if fmt is DiffFormat.json:
        data = diff_json(result)
        data["gate"] = None if broken is None else {"passed": not broken, "failures": list(broken)}
        print(json.dumps(data, indent=2, sort_keys=True, default=str))
    else:
        print(diff_markdown(result, gate=broken), end="")
    if broken:
        raise GateFailed("\n".join(f"gate: {line}" for line in broken))


def register(group: click.Group) -> None:
    group.add_command(check)
    group.add_command(diff)
