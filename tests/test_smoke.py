import sourcecheck


def test_score_returns_report_whose_contributions_add_up() -> None:
    report = sourcecheck.score("The mayor said the bridge will reopen on Monday.")
    ok = [s for s in report.scorers if s.status == "ok"]
    assert ok
    assert report.score is not None
    assert abs(report.baseline + sum(s.contribution for s in ok) - report.score) < 1e-6
