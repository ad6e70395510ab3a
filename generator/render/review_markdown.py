"""The review as Markdown: the pillar checklist for the site and for `archgen review --format markdown`."""

from __future__ import annotations

from generator.render.tables import Table, md_cell, to_markdown

RISK_BADGE = {"HIGH": "HIGH", "MEDIUM": "MEDIUM", "NONE": "NONE", "UNANSWERED": "UNANSWERED",
              "NOT_APPLICABLE": "N/A", "LOW": "LOW"}


def summary_table(rv) -> Table:
    rows = []
    for p in rv.framework.pillars:
        c = rv.risk_counts(p.id)
        rows.append((p.name, str(c["HIGH"]), str(c["MEDIUM"]), str(c["NONE"]), str(c["UNANSWERED"]),
                     str(c["NOT_APPLICABLE"]), str(len(rv.open_findings(p.id)))))
    return Table(("Pillar", "High", "Medium", "None", "Unanswered", "N/A", "Open findings"), tuple(rows),
                 ("l", "r", "r", "r", "r", "r", "r"))


def findings_table(findings, rule_link=None) -> Table:
    rows = []
    for f in findings:
        state = f"acknowledged: {f.acknowledged}" if f.acknowledged else "open"
        rows.append((f"{RISK_BADGE[f.risk]}", f.key, f.message, ", ".join(f.practices), state))
    return Table(("Risk", "Finding", "What", "Best practices", "State"), tuple(rows))


def review_markdown(rv) -> str:
    parts = [f"# Well-Architected review\n\nFramework version {rv.framework.framework.version}.\n",
             to_markdown(summary_table(rv))]
    failing = [f for f in rv.findings if f.status == "fail"]
    parts += ["\n## Findings\n", to_markdown(findings_table(failing)) if failing else "No findings.\n"]
    parts.append("\n## Questions\n")
    for q in rv.questions:
        parts.append(f"- **{md_cell(q.question.id)}** {md_cell(q.question.title)}: {RISK_BADGE[q.risk]}\n")
    return "".join(parts)
