"""The learned cue-word table: forms it accepts become cues, forms it rejects stop being."""

from __future__ import annotations

import json
from importlib import resources

from script_loading import load_script

from sourcecheck.core.analysis.attributions import AttributionFinder
from sourcecheck.core.analysis.attributions.cue_words import (
    NO_CUE_WORDS,
    CueWords,
    builtin_cue_words,
    cue_words_from,
)
from sourcecheck.core.analysis.quotes import find_quotes
from sourcecheck.core.analysis.text import segment
from sourcecheck.core.lexicons import Lexicons


def cues(finder: AttributionFinder, body: str) -> list[str]:
    paragraphs, sentences = segment(body)
    found = finder.find(body, sentences, find_quotes(body, paragraphs))
    return [a.cue.text for a in found if a.cue]


TABLE = CueWords({"unveiled": 0.9, "vowed": 0.1, "stated": 0.5}, accept=0.6, reject=0.3)


def test_a_form_at_or_over_accept_is_a_cue_the_lexicon_lacks() -> None:
    body = "Mayor Ortiz unveiled a plan to close the bridge for six weeks."
    assert cues(AttributionFinder(Lexicons(), NO_CUE_WORDS), body) == []
    assert cues(AttributionFinder(Lexicons(), TABLE), body) == ["unveiled"]


def test_a_form_under_reject_is_no_cue_though_the_lexicon_has_it() -> None:
    body = "Mayor Ortiz vowed that the bridge would reopen in May."
    assert cues(AttributionFinder(Lexicons(), NO_CUE_WORDS), body) == ["vowed"]
    assert cues(AttributionFinder(Lexicons(), TABLE), body) == []


def test_a_form_between_the_thresholds_is_left_to_the_lexicon() -> None:
    assert TABLE.accepted() == {"unveiled"} and TABLE.rejected() == {"vowed"}


def test_the_shipped_table_reads_back_and_holds_no_text() -> None:
    path = resources.files("sourcecheck") / "data" / "models" / "cue_words.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    table = cue_words_from(data)
    assert table == builtin_cue_words()
    assert 0.0 < table.reject <= table.accept <= 1.0
    assert all(len(form.split()) <= 3 for form in table.shares)  # words, no sentences
    assert "PolNeAR" in data["provenance"]


def test_not_cues_win_over_the_shipped_table() -> None:
    # "remember" is a not_cue of the lexicon: the table's share for it must not revive it.
    body = "Voters remember that the bridge closed for six weeks last spring."
    assert cues(AttributionFinder(Lexicons()), body) == []


def test_the_table_never_drops_a_house_lexicon_addition() -> None:
    house = Lexicons([{"report_verbs": ["respond", "oppose"]}])
    finder = AttributionFinder(house, CueWords({"opposes": 0.1, "responded": 0.1}, 0.6, 0.3))
    body = "Mayor Ortiz opposes the plan to close the bridge, an aide said."
    assert "opposes" in cues(finder, body)
    body = "Mayor Ortiz responded that the bridge would reopen in May."
    assert cues(finder, body) == ["responded"]
    assert cues(AttributionFinder(Lexicons(), CueWords({"responded": 0.1}, 0.6, 0.3)), body) == []


def test_the_training_command_defaults_to_the_shipped_thresholds() -> None:
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "benchmarks"))
    try:
        module = load_script(root / "training/cue_words.py", "train_cue_words")
    finally:
        sys.path.remove(str(root / "benchmarks"))
        sys.modules.pop("train_cue_words", None)
    assert module.arguments().parse_args([]).accept == builtin_cue_words().accept
