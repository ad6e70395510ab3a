"""A model diff rendered as a PR comment (Markdown, summary first, details folded, size-limited) or JSON."""

from __future__ import annotations

import json

from generator.diffing.model_diff import ModelDiff, counts
from generator.pricing.budget import standing
from generator.render.escape import md_code, md_inline, mermaid_text
from generator.render.review import risk_story

GITHUB_COMMENT_LIMIT = 65_536
MARKER = "<!-- archgen-diff -->"


def _floor(unpriced) -> str:
    return "at least " if unpriced else ""


def _usd(value) -> str:
    sign = "+" if value > 0 else ("-" if value < 0 else "±")
    return f"{sign}${abs(value):,.2f}"


def _change(x) -> str:
    """A scenario's change; with a floor on either side only the priced lines' change is known."""
    if x.old_unpriced or x.new_unpriced:
        return f"priced lines {_usd(x.delta)}; the whole change is not known"
    return _usd(x.delta)


def _budget_lines(d: ModelDiff) -> list[str]:
    """The base branch's budget for each scenario it holds, and whether the change fits it."""
    lines: list[str] = []
    unpriced = {x.scenario: x.new_unpriced for x in d.costs}
    for scenario, ceiling, total in d.budgets:
        verdict = {
            "over": f"**over by ${total - ceiling:,.2f}**",
            "unknown": "not known to fit: lines without a price or usage are left out of that total",
            "within": "within it",
        }[standing(total, ceiling, bool(unpriced.get(scenario)))]
        floor = "at least " if unpriced.get(scenario) else ""
        lines += [
            f"**Budget** (base branch): ${ceiling:,.2f} a month for {md_inline(scenario)}; after this change "
            f"{floor}${total:,.2f}, {verdict}",
            "",
        ]
    return lines


def _finding_lines(d: ModelDiff) -> list[str]:
    """New and resolved findings, stale acknowledgements, and question risk that moved, per pillar."""
    lines: list[str] = []
    for f in d.new_findings:
        lines.append(f"- {SEVERITY_MARK[f.risk]} new {f.risk} {md_code(f.key)}: {md_inline(f.message)}")
    for f in d.resolved_findings:
        lines.append(f"- ✅ resolved {md_code(f.key)}: {md_inline(f.message)}")
    stale = d.new_review.stale_acknowledgements if d.new_review is not None else ()
    if stale:
        lines.append(
            f"- ⚠️ acknowledgements that no longer match a finding (remove them): "
            f"{', '.join(f'{md_code(k)}' for k in stale)}"
        )
    risk_rows = [(p, v) for p, v in d.risk_delta.items() if any(v.values())]
    if risk_rows:
        lines += ["", "| Pillar | Δ high | Δ medium | Δ none | Δ unanswered |", "|---|---:|---:|---:|---:|"]
        lines += [
            f"| {p} | {v['HIGH']:+d} | {v['MEDIUM']:+d} | {v['NONE']:+d} | {v['UNANSWERED']:+d} |" for p, v in risk_rows
        ]
    return lines


def diff_markdown(d: ModelDiff, *, limit: int = GITHUB_COMMENT_LIMIT, gate: tuple[str, ...] | None = None) -> str:
    """The PR comment. `gate`: the gate's failures when it was checked (empty: passed; None: not checked)."""
    c = counts(d)
    head = [MARKER, "## Architecture change (archgen)", ""]
    if gate is not None:
        head += [f"**Gate: failed** ({len(gate)}):" if gate else "**Gate: passed** (the base branch's gates)", ""]
        head += [f"- {md_inline(line)}" for line in gate] + ([""] if gate else [])
    if d.policy:
        head += ["### Policy changes (need a separate approval)", ""]
        head += [f"- {md_code(line)}" for line in d.policy] + [""]
    if d.empty:
        head.append("No architectural change: the model's elements, cost and risk are the same.")
        return "\n".join(head) + "\n"
    cost_line = "; ".join(
        f"{md_inline(x.scenario)}: {_floor(x.old_unpriced)}${x.old_total:,.2f} → "
        f"{_floor(x.new_unpriced)}${x.new_total:,.2f} ({_change(x)})"
        for x in d.costs
    )
    head += [f"**Monthly cost**: {cost_line}", ""]
    head += _budget_lines(d)
    unpriced = list(dict.fromkeys(line for x in d.costs for line in x.new_unpriced))
    if unpriced:
        newly = {line for x in d.costs for line in x.newly_unpriced}
        head += [
            f"**Not priced** ({len(unpriced)} line{'s' if len(unpriced) != 1 else ''}; totals read 'at least'): "
            + "; ".join(md_inline(line) + (" (new in this change)" if line in newly else "") for line in unpriced),
            "",
        ]
    head += [
        f"**Elements**: {c['added']} added, {c['removed']} removed, {c['changed']} changed; "
        f"relationships {len(d.relationships_added)} added, {len(d.relationships_removed)} removed",
        "",
        f"**Settings**: {len(d.settings)} changed (proposal, cost settings, scenarios, pipeline, answers, views, "
        "options)",
        "",
        f"**Findings**: {len(d.new_findings)} new, {len(d.resolved_findings)} resolved",
        "",
    ]
    if d.new_review is not None:
        head += [f"**Review after this change**: {md_inline(risk_story(d.new_review))}", ""]
    head += _finding_lines(d)
    if d.graph is not None and d.graph.nodes:
        head += ["", *mermaid_lines(d.graph)]
    text = "\n".join(head) + "\n\n" + "\n".join(_details(d))
    if len(text) > limit:
        note = "\n\n_Details cut to fit GitHub's comment size limit; run `archgen diff` locally for all of them._\n"
        text = text[: limit - len(note) - 20].rsplit("\n", 1)[0] + "\n\n</details>" + note
    return text


SEVERITY_MARK = {"HIGH": "🔴", "MEDIUM": "🟠", "LOW": "🟡"}
_NODE_CLASS = {"added": "added", "removed": "removed", "changed": "changed", "neighbour": "same"}
_EDGE = {"added": "==>", "removed": "-.->", "same": "-->"}


def mermaid_lines(graph) -> list[str]:
    """What changed, as a Mermaid flowchart GitHub renders in the comment: changed elements coloured by
    change, their neighbours plain; node ids are positional, labels escaped, so model text adds no syntax."""
    ids = {element: f"n{i}" for i, (element, _) in enumerate(graph.nodes)}
    lines = [
        "**What changed** (added green, changed yellow, removed red; neighbours plain):",
        "",
        "```mermaid",
        "flowchart LR",
    ]
    for element, state in graph.nodes:
        mark = "" if state == "neighbour" else f" ({state})"
        lines.append(f'  {ids[element]}["{mermaid_text(element + mark)}"]:::{_NODE_CLASS[state]}')
    lines += [f"  {ids[a]} {_EDGE[state]} {ids[b]}" for a, b, state in graph.edges]
    lines += [
        "  classDef added fill:#dafbe1,stroke:#1a7f37",
        "  classDef changed fill:#fff8c5,stroke:#9a6700",
        "  classDef removed fill:#ffebe9,stroke:#cf222e,stroke-dasharray:4",
        "  classDef same fill:#f6f8fa,stroke:#8c959f",
        "```",
    ]
    if graph.left_out:
        lines.append(f"_{graph.left_out} more changed element(s) are listed under Elements below._")
    return lines


def _details(d: ModelDiff) -> list[str]:
    """The folded sections: cost per service, elements field by field, relationships."""
    details: list[str] = []
    cost_rows = [(x.scenario, *row) for x in d.costs for row in x.per_service]
    if cost_rows:
        details += [
            "<details><summary>Cost per service</summary>",
            "",
            "| Scenario | Service | Before | After | Δ |",
            "|---|---|---:|---:|---:|",
        ]
        details += [
            f"| {md_inline(s)} | {md_code(sid)} | {_floor(af)}${a:,.2f} | {_floor(bf)}${b:,.2f} | "
            f"{'not known' if af or bf else _usd(b - a)} |"
            for s, sid, a, b, af, bf in cost_rows
        ]
        details += ["", "</details>", ""]
    if d.elements:
        details += ["<details><summary>Elements</summary>", ""]
        for e in d.elements:
            details.append(f"- **{e.kind}** {e.section[:-1] if e.section != 'people' else 'person'} {md_code(e.id)}")
            for f in e.fields:
                details.append(
                    f"    - {md_code(f.path)}: {md_inline(json.dumps(f.old))} → {md_inline(json.dumps(f.new))}"
                )
        details += ["", "</details>", ""]
    if d.settings:
        details += ["<details><summary>Settings</summary>", ""]
        details += [
            f"- {md_code(f.path)}: {md_inline(json.dumps(f.old))} → {md_inline(json.dumps(f.new))}" for f in d.settings
        ]
        details += ["", "</details>", ""]
    if d.relationships_added or d.relationships_removed:
        details += ["<details><summary>Relationships</summary>", ""]
        details += [f"- added: {md_inline(r)}" for r in d.relationships_added]
        details += [f"- removed: {md_inline(r)}" for r in d.relationships_removed]
        details += ["", "</details>", ""]
    return details


def diff_json(d: ModelDiff) -> dict:
    return {
        "empty": d.empty,
        "elements": [
            {
                "section": e.section,
                "id": e.id,
                "change": e.kind,
                "fields": [{"path": f.path, "old": f.old, "new": f.new} for f in e.fields],
            }
            for e in d.elements
        ],
        "relationships": {"added": list(d.relationships_added), "removed": list(d.relationships_removed)},
        "settings": [{"path": f.path, "old": f.old, "new": f.new} for f in d.settings],
        "budgets": [{"scenario": s, "limit_usd": str(c), "new_usd": str(total)} for s, c, total in d.budgets],
        "cost": [
            {
                "scenario": x.scenario,
                "old_usd": str(x.old_total),
                "new_usd": str(x.new_total),
                "delta_usd": str(x.delta),
                "new_total_is_lower_bound": bool(x.new_unpriced),
                "unpriced": list(x.new_unpriced),
                "newly_unpriced": list(x.newly_unpriced),
                "services": [
                    {"id": s, "old_usd": str(a), "new_usd": str(b), "old_is_lower_bound": af, "new_is_lower_bound": bf}
                    for s, a, b, af, bf in x.per_service
                ],
            }
            for x in d.costs
        ],
        "risk_delta": d.risk_delta,
        "policy_changes": list(d.policy),
        "findings": {
            "new": [{"key": f.key, "risk": f.risk, "message": f.message} for f in d.new_findings],
            "resolved": [{"key": f.key, "risk": f.risk, "message": f.message} for f in d.resolved_findings],
        },
    }
