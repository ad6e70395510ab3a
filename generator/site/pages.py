"""Build every page of docs/ as {relative path: bytes} (pure: no files are read or written here)."""

from __future__ import annotations

from generator.analysis import Analysis
from generator.catalogue.free_tier import free_tier_programs
from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.pricing.estimate import cents
from generator.pricing.figures import fill_figures
from generator.render.guardrails import guardrails_yaml
from generator.render.escape import md_cell
from generator.render.review import RISK_BADGE, risk_story, summary_table
from generator.rules import RULES
from generator.site.markdown import environment
from generator.site.reference import reference_sections
from generator.views import cost_view
from generator.views.kinds_view import kind_sections
from generator.views.options_view import comparison_table
from generator.views.services_view import service_rows, share_heading
from generator.views.table import Table

STATIC_CSS = """/* archgen: print cleanly, keep diagrams inside the page */
.archgen-diagram { width: 100%; overflow-x: auto; }
.archgen-diagram object, .archgen-diagram img { max-width: 100%; height: auto; }
.archgen-stamp { font-size: .7rem; opacity: .7; }
/* tables wrap inside the column instead of scrolling sideways at laptop widths */
.md-typeset__scrollwrap { overflow-x: visible; }
.md-typeset__table { display: block; }
.md-typeset table:not([class]) { display: table; width: 100%; table-layout: auto; }
.md-typeset table:not([class]) th, .md-typeset table:not([class]) td {
  white-space: normal; overflow-wrap: anywhere; padding: .5em .6em; min-width: 0;
}
/* a heading word or an amount is never split ("Scenari/o", "$300.0/0"), and in a table of up to six
   columns a text column is not squeezed below a short word ("availabl/e"); long unbroken text (URLs,
   ids) still breaks anywhere */
.md-typeset table:not([class]) th, .md-typeset table:not([class]) td[style*="right"] { overflow-wrap: normal; }
.md-typeset table:not([class]):not(:has(th:nth-child(7))) td:not([style*="right"]) { min-width: 6em; }
/* a best-practice id (OPS06-BP01) is never split at its hyphen */
.archgen-id { white-space: nowrap; }
/* a finding key (`OPS007@main_db`) wraps at its <wbr> after the rule code, not inside the id */
.md-typeset td a[href*="#rule-"] { overflow-wrap: normal; }
.archgen-print-diagram img { width: 100%; height: auto; }
@page {
  size: A4; margin: 16mm 14mm 18mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9px sans-serif; color: #555; }
}
@media print {
  .md-header, .md-sidebar, .md-footer, .md-search, .md-tabs { display: none !important; }
  .archgen-print-diagram { break-inside: avoid; }
  .md-typeset h2 { break-before: page; }
  .md-content { margin: 0 !important; }
  .md-typeset table:not([class]) { font-size: .6rem; }
}
"""


def _findings_table(findings, prefix: str = "") -> Table:
    """Findings with a link to their rule; columns 1 (the link), 3 (best-practice ids, each kept on one
    line) and 4 (the state: archgen's emphasis, the acknowledgement escaped here) are Markdown made
    here, so templates render them with `table((1, 3, 4))`."""
    rows = []
    for f in findings:
        code = f.code
        state = f"acknowledged: {md_cell(f.acknowledged)}" if f.acknowledged else "**open**"
        key = f.key.replace("@", "@<wbr>")  # a finding key wraps after its rule code, never inside an id
        rows.append((RISK_BADGE[f.risk], f"[{key}]({prefix}rules.md#rule-{code.lower()})", f.message,
                     ", ".join(f'<span class="archgen-id">{md_cell(bp)}</span>' for bp in f.practices), state))
    return Table(("Risk", "Finding", "What", "Best practices", "State"), tuple(rows))


def _common(ctx: Analysis) -> dict:
    """What every template may use."""
    return {
        "ctx": ctx,
        "m": ctx.model,
        "stamp": ctx.page_stamp,
        "cents": cents,
        "kinds": SERVICE_KINDS,
        "badge": RISK_BADGE,
        "total_text": cost_view.total_text,
        "usd": cost_view.usd,
        "free_tier": free_tier_programs(),
        "unpriced": cost_view.unpriced_note(ctx.reports),
        "risk_story": risk_story(ctx.review),
        "figures": lambda text: fill_figures(text, ctx.reports),  # `{cost.api_lb.launch}` -> "$16.43"
    }


def _services_summary(rows, first, decisions, *, linked: bool) -> Table:
    """One row per service with its cost and share; on the site linked to its description and decision,
    on paper (the print page) named plainly. Decisions are named by their titles."""

    def decision(decision_id: str | None) -> str:
        if not decision_id:
            return "-"
        title = decisions[decision_id].title
        return f"[{md_cell(title)}](decisions/{decision_id}.md)" if linked else title

    return Table(
        ("Service", "Kind", "Role", f"Monthly ({first.scenario.name})", share_heading(first), "Decision"),
        tuple(
            (
                f"[{md_cell(r.name)}](#{r.id.replace('_', '-')})" if linked else r.name,
                r.kind,
                r.role,
                cost_view.total_text(r.cost),
                r.share_text,
                decision(r.decision),
            )
            for r in rows
        ),
        ("l", "l", "l", "r", "r", "l"),
        ("Total", "", "", cost_view.total_text(first), "100%", ""),
    )


def _print_page(env, common: dict, ctx: Analysis, rows, budget, top_risks) -> str:
    """The decision pack on A4, which `archgen pdf` prints (not in the navigation): services and
    decisions named without links (paper has no anchors)."""
    m, first = ctx.model, ctx.reports[0]
    services = _services_summary(rows, first, ctx.index.decisions, linked=False)
    return env.get_template("print.md.j2").render(
        **common,
        views=ctx.views,
        services=services,
        cost=cost_view.summary_table(m, ctx.reports),
        budget=budget,
        pillars=summary_table(ctx.review),
        top_risks=top_risks,
        open_decisions=[d for d in m.decisions if d.status == "proposed"],
    )


def build_pages(ctx: Analysis) -> dict[str, bytes]:
    env = environment()
    m = ctx.index.model
    first = ctx.reports[0]
    budget = cost_view.budget_rows(m, ctx.reports)
    rows = service_rows(ctx.index, first)
    failing = [f for f in ctx.review.findings if f.status == "fail"]
    # what the decision should weigh, in the review's order (by risk): open findings, then accepted HIGH ones
    open_ones = [f for f in failing if f.open]
    accepted_high = [f for f in failing if f.acknowledged and f.risk == "HIGH"]
    common = _common(ctx)
    services_summary = _services_summary(rows, first, ctx.index.decisions, linked=True)
    pages = {
        "index.md": env.get_template("proposal.md.j2").render(
            **{**common, "stamp": ctx.stamp}, budget=budget, headline=next((v for v in ctx.views if v.kind == "container"), ctx.views[0]),
            levers=cost_view.levers_table(ctx.levers[first.scenario.id]),
            pillars=summary_table(ctx.review), top=_findings_table(open_ones[:5] + accepted_high[:5]),
            open_decisions=[d for d in m.decisions if d.status == "proposed"],
            top_risks=(open_ones + accepted_high)[:3]),
        "architecture.md": env.get_template("architecture.md.j2").render(**common, views=ctx.views),
        "services.md": env.get_template("services.md.j2").render(**common, rows=rows, summary=services_summary),
        "cost.md": env.get_template("cost.md.j2").render(
            **common, summary=cost_view.summary_table(m, ctx.reports), budget=budget,
            models=cost_view.pricing_models_table(m, ctx.reports),
            levers={r.scenario.id: cost_view.levers_table(ctx.levers[r.scenario.id]) for r in ctx.reports},
            details={r.scenario.id: cost_view.detail_table(m, r) for r in ctx.reports},
            sources=cost_view.sources_table(ctx.catalogue, ctx.reports),
            stale=[w.message for w in ctx.cost_warnings if w.code == "C104"]),
        "well-architected.md": env.get_template("well_architected.md.j2").render(
            **common, rv=ctx.review, pillars=summary_table(ctx.review), findings=_findings_table(failing),
            plan=ctx.review.improvement_plan(), quotas=_quota_table(ctx), rule_count=len(_rules())),
        "rules.md": env.get_template("rules.md.j2").render(**common, rules=_rules()),
        "print.md": _print_page(env, common, ctx, rows, budget, (open_ones + accepted_high)[:3]),
        "decisions/index.md": env.get_template("decisions_index.md.j2").render(**common),
        "reference.md": env.get_template("reference.md.j2").render(**common, sections=reference_sections()),
        "service-kinds.md": env.get_template("service_kinds.md.j2").render(
            **common, sections=kind_sections(ctx.catalogue)
        ),
    }
    changes = {o.option.info.id: o.changes for o in ctx.options}
    table = comparison_table(m, ctx.option_rows(), link_decisions=True) if ctx.options else None
    pages["options.md"] = env.get_template("options.md.j2").render(**common, table=table, changes=changes)
    for d in m.decisions:
        cited = [s.id for s in m.services if s.justification and s.justification.decision == d.id]
        pages[f"decisions/{d.id}.md"] = env.get_template("decision.md.j2").render(**common, d=d, cited=cited)
    out = {path: text.encode() for path, text in pages.items()}
    out["assets/archgen.css"] = STATIC_CSS.encode()
    if m.cost.budget is not None:
        out["guardrails/cost-guardrails.yaml"] = guardrails_yaml(m)
    return out


def _quota_table(ctx: Analysis) -> Table:
    rows = tuple((q.quota.name, q.scenario, q.element, "-" if q.need is None else f"{q.need:,}",
                  f"{q.quota.default:,}", "-" if q.share is None else f"{q.share:.1f}%", q.status, q.quota.source)
                 for q in ctx.review.quotas)
    return Table(("Quota", "Scenario", "Element", "Needed", "Default quota", "Used", "Status", "Source"), rows,
                 ("l", "l", "l", "r", "r", "r", "l", "l"))


def _rules():
    return sorted(RULES, key=lambda r: r.code)
