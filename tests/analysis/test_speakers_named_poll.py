"""The last named poll before a share is found without a scan from the text's start."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis import speakers
from sourcecheck.core.analysis.sources import NOT_NAMES


def scanned_named_poll(body: str, before: int) -> str | None:
    """The plain definition: every match up to ``before``, scanned from the start (where
    ``before`` does not cut a word: cut there, "pollster" would read as "poll")."""
    found = None
    for match in speakers._NAMED_POLL.finditer(body, 0, before):
        if [w for w in match.group("maker").split() if w not in NOT_NAMES]:
            found = match.group()
    return found


PIECES = ["Marist", "The", "CBS", "poll", "Poll", "polls", "survey", "pollster", "a", "x"]
bodies = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", "  ", "\t", ". ", "-", "\n"])),
    max_size=14,
).map(lambda parts: "".join(word + gap for word, gap in parts))


@settings(max_examples=300, deadline=None)
@given(body=bodies)
@example(body="The CBS Marist poll said ")
@example(body="CBS  Marist\tpoll. The a poll-x Poll survey ")
def test_the_named_poll_is_the_one_a_scan_up_to_the_source_finds(body: str) -> None:
    for before in range(len(body) + 1):
        if before > 0 and body[before - 1 : before + 1].isalnum():
            continue  # in a word: see test_a_poll_word_cut_short_names_no_poll
        assert speakers._named_poll(body, before) == scanned_named_poll(body, before), before


def test_a_poll_word_cut_short_names_no_poll() -> None:
    body = "The CBS pollster said 52 percent agree."
    assert speakers._named_poll(body, body.index("ster")) is None
    assert speakers._named_poll(body, len(body)) is None
