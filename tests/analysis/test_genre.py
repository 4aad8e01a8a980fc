"""News or opinion, from the writer's voice: invented pieces of each kind."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.analysis.genre import builtin_genre_model, genre_features
from sourcecheck.core.analysis.needs_source import tokens
from sourcecheck.core.models import Article

NEWS = (
    "The county will close the Elm Street bridge for six weeks, officials said Tuesday. "
    '"The piers need work," said Ana Ruiz, the county engineer. Traffic will move to the '
    "Oak Street bridge, the transit authority said in a statement. Bus routes 4 and 9 will "
    "change, according to the authority. Store owners said they feared losing customers."
)
OPINION = (
    "Why do we keep pretending the bridge is fine? It is not fine, and it never was. We "
    "have patched it for a decade and nothing has changed. Our leaders will not say so. "
    "Let's stop waiting. We deserve a bridge that does not crack, and we should demand one now."
)


def genre(text: str) -> str:
    return Analyzer().analyze(Article(body=text)).genre


def test_reported_news_reads_as_news() -> None:
    assert genre(NEWS) == "news"


def test_an_argued_piece_in_the_first_person_plural_reads_as_opinion() -> None:
    assert genre(OPINION) == "opinion"


def test_each_rate_moves_the_model_the_way_its_name_says() -> None:
    model = builtin_genre_model()
    base = [0.0, 5.0, 0.0, 0.5, 0.2]
    for index, direction in enumerate((1, 1, 1, -1, -1)):
        raised = list(base)
        raised[index] += 1.0
        assert (model.probability(raised) - model.probability(base)) * direction > 0


def test_rates_count_the_writers_words_only_as_whole_words() -> None:
    writer = "we won’t go. weather is not news to us? no. let’s see."
    we, negation, questions, attributed, quoted = genre_features(writer, 2 * len(writer), 0.25)
    words = 12
    assert we == 1000 * 3 / words  # "we", "us", "let’s"; not "weather"
    assert negation == 1000 * 3 / words  # "not", "no", "won't"
    assert questions == 100 * 1 / words
    assert (attributed, quoted) == (0.25, 0.5)


def plain_rates(writer: str) -> tuple[float, float]:
    """The "we" and negation rates counted word by word, as genre_features first did."""
    words = tokens(writer)
    total = len(words) or 1
    we = sum(1 for word in words if word in {"we", "our", "ours", "us", "let's"})
    negation = sum(1 for word in words if word in {"not", "never", "no", "nothing"})
    negation += writer.count("n’t") + writer.count("n't")
    return 1000 * we / total, 1000 * negation / total


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["we", "us", "ours", "our", "let's", "let’s", "no", "not", "nothing"])
        | st.sampled_from(["never", "now", "wes", "'we'", "won’t", "1", "é", "—", "?"]),
        max_size=12,
    ),
    st.lists(st.sampled_from([" ", "  ", "\n", ", ", ". ", "'", "’", "-"]), max_size=12),
)
def test_marker_rates_are_those_of_counting_word_by_word(words: list[str], gaps: list[str]) -> None:
    writer = "".join(
        word + gap for word, gap in zip(words, gaps + [" "] * len(words), strict=False)
    )
    assert genre_features(writer, len(writer) or 1, 0.0)[:2] == list(plain_rates(writer))
