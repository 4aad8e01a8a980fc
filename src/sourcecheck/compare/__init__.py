"""Compare outlets (or months, or any column) on batch results: ``sourcecheck[research,plot]``.

from sourcecheck.compare import CompareOptions, compare, write_report
comparison = compare("results.parquet", CompareOptions(by=("outlet",)))
write_report(comparison, Path("report/"))
"""

from sourcecheck.compare.report import Comparison, compare, render_text, write_report
from sourcecheck.compare.stats import CompareOptions, adjust_p_values, group_table, group_tests

__all__ = [
    "CompareOptions",
    "Comparison",
    "adjust_p_values",
    "compare",
    "group_table",
    "group_tests",
    "render_text",
    "write_report",
]
