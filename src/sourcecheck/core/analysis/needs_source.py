"""Which unattributed sentences an editor would send back asking "says who?".

Most sentences a reporter writes without a source need none: background, public record,
what the reporter saw, transitions, the later sentences of a quote, a sentence that carries
on the report of the source named just before it. A linear model over a few features of the
sentence and its neighbours (trained with scikit-learn on the project's editorial gold by
``training/needs_source.py``; the weights ship as ``data/models/needs_source.json``) gives
each unattributed claim a probability that it needs a source.

The features are flags, counts and a function-word lexicon's score (learned with the other
weights from the editorial gold), all read from one set of each sentence's words outside
quotes.
"""

from __future__ import annotations

import json
import math
import operator
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from sourcecheck.core.analysis.patterns import words
from sourcecheck.core.analysis.types import Sentence
from sourcecheck.core.models import Quote

FEATURES = (
    "quoted",  # share of the sentence inside a direct quote
    "quote_mark",  # a partial quote ("called it 'predatory'")
    "since_attributed",  # sentences back to the last attributed one (at most 5)
    "headline",  # the first line
    "short",  # under ten words: fragments, captions, transitions
    "present",  # a present-tense state: generalisations need a source, events are record
    "quantifier",  # "many", "most", "increasingly": claims about the world at large
    "modal",  # "will", "could": a forecast or a possibility, rarely a checkable fact
    "mental",  # what people believe, want or fear: someone must have said so
    "first_person",  # the writer speaking for themselves
    # A share ("54 percent", "4 in 10") in an article that reports a poll or survey: the
    # poll's finding, sourced by the poll named elsewhere in the story.
    "poll_finding",
    # The function words editors' "says who?" sentences use more or less than others ("has",
    # "were", "her" against "is", "a", "will"): tense, person and determiners, learned from
    # the gold with the other weights (its weight is 1). It replaced "reported", a PolNeAR
    # lexicon of carried-on reports that added nothing beside it (docs/analysis.md).
    "wording",
)
# Dropped after article-grouped cross-validation on the train half showed each added
# nothing (AUC 0.731 with all fifteen, 0.73-0.74 without each of these): "figure" (a
# number), "after_attributed" (says what since_attributed says), "past", "comparative"
# and "article_attributed". See docs/analysis.md.

_WORD = re.compile(r"[A-Za-z’']+")
# For tokens(): ASCII capitals to lower case, letters and "'" kept, every other byte a space.
_WORD_BYTES = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or c == 39 else 32 for c in range(256)
)
_NUMBER = re.compile(r"\$?\d+(?:[.,:]\d+)*%?")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:1[89]|20)\d\d(?:s|’s|'s)?")
_MONTHS = words(
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june "
    "july august september october november december"
)
_FIGURE_WORDS = words(
    "percent percentage million billion trillion dozens hundreds thousands doubled tripled halved"
)
# Substrings every figure word holds ("illion" stands for three of them).
_FIGURE_HINTS = (
    "percent",
    "illion",
    "dozens",
    "hundreds",
    "thousands",
    "doubled",
    "tripled",
    "halved",
)
_PRESENT = words("is are has have remains remain seems seem appears appear continues")
_QUANTIFIERS = words(
    "many most some few several nearly almost increasingly widely often rarely largely "
    "majority much more less fewer"
)
_MODALS = words("will would could should may might must can")
_MENTAL = words(
    "believe believes believed think thinks want wants wanted hope hopes fear fears feared worry "
    "worried worries concerned frustrated angry upset eager reluctant determined keen resent "
    "resents skittish galvanized nervous confident wary plan plans planning intend intends "
    "expect expects expected consider considers considered view views viewed perceive "
    "perceived trust distrust like likes dislike dislikes support supports oppose opposes"
)
_FIRST_PERSON = words("i we our us my me i'm we're")
_SHARE_WORDS = words("percent percentage percentages")
# A whole word, matched only where str.find has put a stem's first letter (see _reports_poll).
_POLL_WORD = re.compile(r"(?:poll(?:s|ed|ing|sters?)?|survey(?:s|ed)?)\b")
_QUOTE_MARKS = frozenset('"“”«»')
# Every word feature is the intersection of a sentence's words with one of these sets or
# with the wording lexicon's words: a sentence's words are kept only if they are in one.
_FEATURE_WORDS = _PRESENT | _QUANTIFIERS | _MODALS | _MENTAL | _FIRST_PERSON | _SHARE_WORDS


def tokens(text: str) -> list[str]:
    """The lower-case words of ``text``: runs of ASCII letters and apostrophes, ’ read as '.

    ``_WORD.findall(text.lower())`` in C: one byte table does the case folding and the
    splitting (the regex tries its class at every character, about eight times the cost).
    Besides the apostrophe, only "İ" and the Kelvin sign, whose lower case holds an ASCII
    letter, read differently (as spaces)."""
    return token_bytes(text).decode("ascii").split()


def token_bytes(text: str) -> bytes:
    """The words of :func:`tokens` as they stand in ``text``, every other byte a space."""
    raw = text.replace("’", "'").encode("utf-8", "surrogatepass")
    return raw.translate(_WORD_BYTES)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word weights summed over a sentence's distinct words, plus a bias."""

    bias: float
    weights: dict[str, float]
    known: frozenset[str] = frozenset()  # the weights' words (set & frozenset: no view)

    def __post_init__(self) -> None:
        object.__setattr__(self, "known", frozenset(self.weights))

    def score(self, kinds: set[str]) -> float:
        """The log-odds for a sentence's distinct words (as :func:`tokens` gives them)."""
        # Only the words the lexicon knows are looked up: the intersection runs in C. A set's
        # order follows the hash seed, so the sum is exact (fsum) to be the same in every
        # process, not only in every run of one.
        return self.bias + math.fsum(map(self.weights.__getitem__, kinds & self.known))


@dataclass(frozen=True, slots=True)
class Model:
    """A logistic model: ``bias`` plus a weight per feature, and the flagging threshold."""

    bias: float
    weights: tuple[float, ...]
    threshold: float
    warning_threshold: float
    wording: Lexicon

    def probability(self, values: Sequence[float]) -> float:
        # map(mul) multiplies in C, in the order a generator would (the same float sum).
        z = self.bias + sum(map(operator.mul, self.weights, values))
        return 1.0 / (1.0 + math.exp(-z))


@cache
def builtin_model() -> Model:
    path = resources.files("sourcecheck") / "data" / "models" / "needs_source.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = data["weights"]
    return Model(
        bias=data["bias"],
        weights=tuple(weights[name] for name in FEATURES),
        threshold=data["threshold"],
        warning_threshold=data["warning_threshold"],
        wording=Lexicon(bias=0.0, weights=data["wording"]["weights"]),
    )


def has_figure(text: str) -> bool:
    """A number that is not a date, year or time, or a word standing for one ("percent")."""
    # Every number holds a digit, so the scan starts at the first one (less one, for a
    # "$"): the number pattern opens with an optional mark, which the engine cannot skip
    # ahead to, and about half of all sentences hold no digit at all.
    digit = _DIGIT.search(text)
    numbers = _NUMBER.finditer(text, max(0, digit.start() - 1)) if digit is not None else ()
    for match in numbers:
        number = match.group()
        if ":" in number or _YEAR.fullmatch(number) or _is_date(text, match.start(), match.end()):
            continue
        return True
    lowered = text.lower()
    if not any(hint in lowered for hint in _FIGURE_HINTS):  # most sentences hold none
        return False
    return any(w in _FIGURE_WORDS for w in _WORD.findall(lowered))


def _is_date(text: str, start: int, end: int) -> bool:
    """A day of a month ("Nov. 6", "March 19", "the 4th") or an hour ("8 p.m.")."""
    before = text[max(0, start - 6) : start].lower().split()
    after = text[end : end + 6].lower()
    if before and before[-1].rstrip(".") in _MONTHS:
        return True
    if after.lstrip().startswith(("a.m", "p.m", "am ", "pm ")):
        return True
    return after.startswith(("st ", "nd ", "rd ", "th "))


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the features need of the whole article, computed once."""

    sentences: Sequence[Sentence]
    attributed: frozenset[int]  # indices of sentences an attribution supports
    quote_starts: list[int]
    quote_ends: list[int]
    attributed_rate: float
    writer: str  # the article outside quotes, lower-cased
    wording: Lexicon
    polled: bool  # the writer reports a poll or survey
    read_words: frozenset[str]  # every word a feature reads: _FEATURE_WORDS and wording's


def article_context(
    body: str,
    sentences: Sequence[Sentence],
    quotes: Sequence[Quote],
    attributed: set[int],
    wording: Lexicon | None = None,
) -> ArticleContext:
    inner = sorted((q.inner.start, q.inner.end) for q in quotes if not q.nested)
    starts = [s for s, _ in inner]
    ends = [e for _, e in inner]
    writer = _outside_quotes(body, 0, len(body), starts, ends).lower()
    wording = wording if wording is not None else builtin_model().wording
    return ArticleContext(
        sentences=sentences,
        attributed=frozenset(attributed),
        quote_starts=starts,
        quote_ends=ends,
        attributed_rate=len(attributed) / (len(sentences) or 1),
        writer=writer,
        wording=wording,
        polled=_reports_poll(writer),
        read_words=_read_words(wording.known),
    )


# Bounded: article_context takes any wording lexicon, and a process scoring with many (a
# calibration sweep, a server given models) must not keep a union for each.
@lru_cache(maxsize=8)
def _read_words(lexicon_words: frozenset[str]) -> frozenset[str]:
    return _FEATURE_WORDS | lexicon_words


def _reports_poll(writer: str) -> bool:
    """Whether the writer's text names a poll or survey ("pollution" does not count)."""
    # str.find jumps from stem to stem in C; a regex search would try its pattern at every
    # character of the article.
    for stem in ("poll", "survey"):
        at = writer.find(stem)
        while at != -1:
            if (at == 0 or not writer[at - 1].isalpha()) and _POLL_WORD.match(writer, at):
                return True
            at = writer.find(stem, at + 1)
    return False


def _quoted_share(start: int, end: int, starts: list[int], ends: list[int]) -> float:
    if end <= start:
        return 0.0
    covered = 0
    index = bisect_right(starts, start) - 1
    if index < 0:
        index = 0
    count = len(starts)
    # Comparisons, not max() and min(): each of those calls costs ~1,000 instructions, and
    # this runs for every unattributed claim.
    while index < count and starts[index] < end:
        right = ends[index] if ends[index] < end else end
        left = starts[index] if starts[index] > start else start
        if right > left:
            covered += right - left
        index += 1
    return covered / (end - start)


def _outside_quotes(body: str, start: int, end: int, starts: list[int], ends: list[int]) -> str:
    """``body[start:end]`` without the direct quotes in it (a space where each was)."""
    index = bisect_right(starts, start) - 1
    if index < 0:
        index = 0
    if (
        index >= len(starts)
        or starts[index] >= end
        or (ends[index] <= start and (index + 1 >= len(starts) or starts[index + 1] >= end))
    ):
        return body[start:end]  # most sentences hold no quote
    pieces: list[str] = []
    position = start
    while index < len(starts) and starts[index] < end:
        if ends[index] > position:  # and so ends[index] is the new position
            quote_start = starts[index]
            pieces.append(body[position : quote_start if quote_start > position else position])
            position = ends[index]
        index += 1
    pieces.append(body[position:end])
    return " ".join(pieces)


def features(body: str, index: int, context: ArticleContext) -> list[float]:
    """The feature values of sentence ``index``, in the order of :data:`FEATURES`."""
    sentence = context.sentences[index]
    start, end = sentence.span.start, sentence.span.end
    text = body[start:end]
    starts, ends = context.quote_starts, context.quote_ends
    # The sentence's words outside quotes that some feature reads, once, as a set made in C
    # from the token list (the other words would only be hashed into it and skipped): every
    # word feature is a set operation done in C, not a Python loop over the tokens.
    kinds = context.read_words.intersection(tokens(_outside_quotes(body, start, end, starts, ends)))
    return [
        _quoted_share(start, end, starts, ends),
        float(_has_quote_mark(text)),
        _since_attributed(index, context.attributed),
        float(index == 0),
        float(len(text.split(None, 9)) < 10),  # splits off no more than ten words
        float(not _PRESENT.isdisjoint(kinds)),
        float(len(kinds & _QUANTIFIERS)),
        float(not _MODALS.isdisjoint(kinds)),
        float(len(kinds & _MENTAL)),
        float(not _FIRST_PERSON.isdisjoint(kinds)),
        float(context.polled and _states_share(text, kinds)),
        context.wording.score(kinds),
    ]


def _states_share(text: str, kinds: set[str]) -> bool:
    """A share of people or votes: "54 percent", "38%", "4 in 10"."""
    return (
        "%" in text or not _SHARE_WORDS.isdisjoint(kinds) or " in 10 " in text or " in ten " in text
    )


def _has_quote_mark(text: str) -> bool:
    """``not _QUOTE_MARKS.isdisjoint(text)``: five substring searches in C instead of a
    one-character string hashed for every character of the sentence."""
    return '"' in text or "“" in text or "”" in text or "«" in text or "»" in text


def _since_attributed(index: int, attributed: frozenset[int], cap: int = 5) -> float:
    """Sentences back to the nearest attributed one, at most ``cap``."""
    for distance in range(1, cap):
        if index - distance < 0:
            break
        if index - distance in attributed:
            return float(distance)
    return float(cap)
