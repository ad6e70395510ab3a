"""The options comparison rendered as JSON."""

from __future__ import annotations

from generator.views.options_view import OptionRow


def options_json(rows: list[OptionRow]) -> list[dict]:
    return [
        {
            "id": r.id,
            "title": r.title,
            "monthly_usd": [str(t) for t in r.totals],
            "monthly_is_lower_bound": list(r.lower_bounds),
            "high_risk_questions": r.high_questions,
            "failing_findings": r.failing_findings,
            "open_findings": r.open_findings,
            "availability_percent": f"{r.availability:.4f}",
            "decision": r.decision,
            "chosen": r.chosen,
        }
        for r in rows
    ]
