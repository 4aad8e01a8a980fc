"""Plain-language lines for a calibrated report, for reporters that want to show log-odds."""

from __future__ import annotations

from sourcecheck.core.models import Report


def explain_calibrated(report: Report) -> list[str]:
    """'X raised it by 0.90 log-odds (+19.9 points)' per scorer; [] for other combiners."""
    if report.score is None or report.logit is None or report.baseline_logit is None:
        return []
    lines = [
        f"probability {report.score:.1f}/100 (log-odds {report.logit:+.2f}) = baseline "
        f"{report.baseline:.1f} at the training mean (log-odds {report.baseline_logit:+.2f}), then:"
    ]
    moved = [s for s in report.scorers if s.status == "ok" and s.logit_contribution is not None]
    for scorer in sorted(moved, key=lambda s: -abs(s.logit_contribution or 0.0)):
        change = scorer.logit_contribution or 0.0
        verb = "raised" if change > 0 else "lowered" if change < 0 else "did not move"
        by = f" by {abs(change):.2f} log-odds ({scorer.contribution:+.1f} points)" if change else ""
        lines.append(f"  {scorer.name} {verb} it{by}")
    return lines
