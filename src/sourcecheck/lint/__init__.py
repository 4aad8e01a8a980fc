"""``sourcecheck check``: lint drafts like Vale or ruff lint prose and code.

- :mod:`~sourcecheck.prose.markdown` and :mod:`~sourcecheck.prose.html` take the prose out
  of a draft while keeping track of where every character sits in the file;
- :mod:`~sourcecheck.lint.suppressions` reads ``<!-- sourcecheck: ... -->`` comments;
- :mod:`~sourcecheck.lint.diff` limits findings to lines changed since a git revision;
- :mod:`~sourcecheck.lint.runner` checks files and decides the exit code;
- :mod:`~sourcecheck.lint.formats` prints the result (text, JSON, SARIF, GitHub, reviewdog).
"""
