"""Text shapes an adversary can write to make the analysis slow or large, and a way to
measure them: CPU time and peak memory of one run through a real entry point.

Each shape is a unit repeated to a size (with a fixed prefix and suffix), run through
``analyze`` (the shared analysis), ``score`` (``Engine.score``: analysis, scorers, report)
or ``markdown``/``html`` (``sourcecheck check`` on a draft of that type). A linear
pipeline takes about ten times as long and as much memory for ten times the text; every
shape here once took a hundred times or more (see ``docs/performance.md``, "Limits").
``tests/adversarial`` runs them small with the ratio asserted; ``benchmarks/adversarial.py``
runs them up to the 2 MB input limit.
"""

from __future__ import annotations

import gc
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Entry = Literal["analyze", "score", "markdown", "html"]


@dataclass(frozen=True)
class Shape:
    """``prefix + unit * k + suffix``, with ``k`` chosen to fill a size in characters."""

    name: str
    entry: Entry
    unit: str
    prefix: str = ""
    suffix: str = ""
    why: str = ""  # what the shape once made quadratic

    def text(self, size: int) -> str:
        repeats = max(1, (size - len(self.prefix) - len(self.suffix)) // len(self.unit))
        return self.prefix + self.unit * repeats + self.suffix


_SAID = "The mayor said "
_SAID_HTML = "<p>The mayor said "

# fmt: off
SHAPES: tuple[Shape, ...] = (
    # -- attributions in one endless sentence -------------------------------------------
    Shape("said-run", "analyze", "Alpha Beta said ",
          why="every attribution's content ran to the end of one sentence as long as the text"),
    Shape("said-run-unclosed-quote", "analyze", "“Alpha Beta said ",
          why="the same, each cue after an opening quote that never closes"),
    Shape("said-citing-run", "analyze", "Alpha said, citing Beta ",
          why="'citing' takes the content of the attribution before it"),
    Shape("according-to-run", "analyze", "the plan works according to Alpha Beta ",
          why="'according to' takes the sentence before it as its content"),
    Shape("he-said-run", "score", "He said ", why="the densest attributions, scored"),
    Shape("quote-said-run", "score", '"a," he said. ',
          why="no sentence boundary before a lower-case quote: one sentence"),
    Shape("told-reporters-run", "score", "told reporters "),
    Shape("who-said-run", "score", "Dana Ruiz, who said "),
    Shape("it-said-run", "analyze", "the Harbor Authority met, and it said ",
          why="each 'it' searched back to the text's start for its sentence's opening"),
    Shape("group-said-run", "analyze", "Acme Company met. The group said so. ",
          why="each 'the group' searched back through every organisation before it"),
    # -- other runs of one thing (linear already; kept so they stay so) ---------------------
    Shape("capitals-run", "score", "Alpha "),
    Shape("double-quotes-run", "score", '"', why="a quote every two characters"),
    Shape("apostrophe-words-run", "score", "'a "),
    Shape("dashes-run", "score", "— "),
    Shape("figures-run", "score", "about 1,000,000 "),
    Shape("long-word", "score", "a", "He said "),
    Shape("long-word-then-people", "analyze", "a", "", " American said so.",
          why="a people's name alone searched back for a given name before it, from every "
          "letter of a long word"),
    Shape("lines-run", "score", "He said so\n"),
    Shape("paragraphs-run", "score", "He said it.\n\n"),
    Shape("shouted-run", "analyze", "ALPHA BETA GAMMA DELTA. The cat sat. ",
          why="each word of each sentence in capitals searched the rest of the text for it "
          "written in capitals"),
    # -- the scorers ---------------------------------------------------------------------
    Shape("officials-said-run", "score", "officials said ",
          why="each plural anonymous source walked the rest of the attributions (a list copy)"),
    Shape("sources-quote-run", "score", 'Sources said "a." He said. ',
          why="each quoted plural source walked every attribution for one in its sentence"),
    Shape("share-say-run", "analyze", "12% of Democrats say ",
          why="each share searched the text from its start for the poll last named"),
    # -- whitespace after a cue ----------------------------------------------------------
    Shape("spaces-after-cue", "analyze", " ", "He said", "that it rained.",
          why=r"'\s*,?\s*' after a cue tried every split of the spaces"),
    Shape("nbsp-after-cue", "analyze", "\u00a0", "He said", "that it rained."),
    Shape("spaces-after-name-cue", "score", " ", "Smith said", "only that it rained."),
    Shape("spaces-after-cue-comma", "analyze", " ", "He said,", "only that it rained."),
    # -- sentence punctuation ------------------------------------------------------------
    Shape("periods", "analyze", ".", "A", why="the sentence-boundary regex restarted "
          "at every mark of a run and scanned to its end"),
    Shape("exclamations", "analyze", "!", "A"),
    Shape("questions", "analyze", "?", "A"),
    Shape("ellipses", "analyze", "…", "A"),
    Shape("periods-then-closers", "analyze", ".)", "A"),
    # -- Markdown drafts (sourcecheck check) ----------------------------------------------
    Shape("md-brackets", "markdown", "[", _SAID,
          why="every '[' searched the rest of its block for its ']'"),
    Shape("md-bracket-word", "markdown", "[a", _SAID),
    Shape("md-link-open", "markdown", "[a](", _SAID,
          why="every '](' searched the rest of its block for its ')'"),
    Shape("md-link-title-open", "markdown", '[a](x "', _SAID),
    Shape("md-link-balanced", "markdown", "[a](()", _SAID),
    Shape("md-image-open", "markdown", "![", _SAID),
    Shape("md-footnote-open", "markdown", "[^", _SAID,
          why="the footnote regex read the label from every '[^' to the end of the run"),
    Shape("md-bracket-backtick", "markdown", "[`", _SAID,
          why="every backtick run searched the block for a closing run"),
    Shape("md-inline-comment-open", "markdown", "<!--", _SAID,
          why="'<!--(.*?)-->' scanned to the end from every '<!--'"),
    Shape("md-comment-after-cue", "markdown", "x", "He said <!-- ", " --> that it rained.",
          why="a comment is blanked to spaces: the spaces after a cue"),
    Shape("md-html-block-comment-open", "markdown", "<!--", "<div>\n"),
    Shape("md-html-block-script-open", "markdown", "<script", "<div>\n",
          why="'<script.*?</script>' scanned to the end from every opening tag"),
    Shape("md-heading-spaces", "markdown", " ", "# a", "# b\n",
          why="the closing-'#' regex restarted in every space of the heading line"),
    Shape("md-tag-open", "markdown", "<a b", _SAID),
    Shape("md-tag-quote-open", "markdown", '<a x="', _SAID),
    Shape("md-bare-urls", "markdown", "http://a-www.", _SAID),
    Shape("md-front-matter", "markdown", "a: b\n", "---\n", "---\nThe mayor said it.\n"),
    Shape("md-list-lines", "markdown", "- He said so\n"),
    # -- HTML drafts (sourcecheck check) --------------------------------------------------
    Shape("html-comment-open", "html", "<!--", _SAID_HTML,
          why="html.parser retried the rest of the text from every '<' after an open one"),
    Shape("html-tag-open", "html", "<a b", _SAID_HTML),
    Shape("html-tag-quote-open", "html", '<a x="', _SAID_HTML),
    Shape("html-end-tag-open", "html", "</", _SAID_HTML),
    Shape("html-declaration-open", "html", "<!", _SAID_HTML),
    Shape("html-cdata-open", "html", "<![CDATA[", _SAID_HTML),
    Shape("html-instruction-open", "html", "<?", _SAID_HTML),
)
# fmt: on


def shape(name: str) -> Shape:
    """The shape called ``name``."""
    for candidate in SHAPES:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


@dataclass(frozen=True)
class Measurement:
    seconds: float  # CPU time of the process
    peak_bytes: int  # tracemalloc's peak, measured in a second run


class Runner:
    """Runs texts through the real entry points, each built once (engine, checker)."""

    def __init__(self) -> None:
        from sourcecheck.core.analysis import Analyzer
        from sourcecheck.core.engine import Engine
        from sourcecheck.lint.runner import Checker, CheckOptions

        self.analyzer = Analyzer()
        self.engine = Engine()
        self.checker = Checker(self.engine, CheckOptions())
        self._folder = tempfile.TemporaryDirectory(prefix="sourcecheck-adversarial-")
        for entry in ("analyze", "score", "markdown", "html"):
            self.function(entry)("Warm up. The mayor said the bridge will reopen.\n")

    def close(self) -> None:
        self._folder.cleanup()

    def function(self, entry: Entry) -> Callable[[str], object]:
        """What running a text through ``entry`` calls."""
        from sourcecheck.core.models import Article

        if entry == "analyze":
            return lambda text: self.analyzer.analyze(Article(body=text))
        if entry == "score":
            return lambda text: self.engine.score(Article(body=text))
        suffix = ".md" if entry == "markdown" else ".html"
        path = Path(self._folder.name) / f"draft{suffix}"

        def check(text: str) -> object:
            path.write_text(text, encoding="utf-8")
            return self.checker.check_file(str(path))

        return check

    def measure(
        self, entry: Entry, text: str, *, tries: int = 1, memory: bool = True
    ) -> Measurement:
        """The least CPU time of ``tries`` runs (0: not timed), then (if ``memory``) the
        peak of one more, traced run: tracing slows allocation several times over, so it is
        kept out of the timing. Garbage from earlier work is collected first, so it is not
        charged here. The cyclic collector is paused while a run is timed, as ``timeit``
        does: a full collection walks every object the process holds (the engine's lexicons
        and models too), so whether one falls inside a run is a step in its time, not a
        cost of the text (docs/performance.md, "Timing the adversarial shapes"). Reference
        counting still frees."""
        run = self.function(entry)
        gc.collect()
        seconds = float("inf") if tries else 0.0
        for _ in range(tries):
            seconds = min(seconds, _cpu_seconds(run, text))
        peak = 0
        if memory:
            tracemalloc.start()
            try:
                run(text)
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
        return Measurement(seconds, peak)


def _cpu_seconds(run: Callable[[str], object], text: str) -> float:
    """CPU time of ``run(text)`` with the cyclic garbage collector paused."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.process_time()
        run(text)
        return time.process_time() - start
    finally:
        if was_enabled:
            gc.enable()
