"""The overall score orders stories the way an editor does (invented examples of each)."""

from __future__ import annotations

import sourcecheck

ONE_SOURCE = (
    "Senator Dana Whitfield spoke to reporters on Monday.\n\n"
    "Whitfield said the bridge plan would fail. She said the county had ignored the engineers. "
    '"We warned them for years," Whitfield said. She added that the cost would double.\n\n'
    'Whitfield said she would vote against the plan. "It is a waste," she said.'
)
WELL_SOURCED = (
    "The county will close the Elm Street bridge for six weeks, Ana Ruiz, the county's chief "
    "engineer, said on Monday.\n\n"
    "An inspection report released by the state transport department found cracks in two "
    'piers. Tom Hale, the site foreman, said crews would work nights. "We will be done by '
    'June," Hale said.\n\n'
    "Mayor Lena Ortiz, who chairs the council, said the detour would add twelve minutes to "
    "commutes, according to the county's traffic study. Priya Nair, a professor of civil "
    "engineering at Harlow University, said the repairs were overdue."
)
OPINION = (
    "I have crossed the Elm Street bridge every day for thirty years. I think the county has "
    "failed us. My neighbours and I are tired of waiting, and we deserve better.\n\n"
    "The council has ignored the problem for a decade. I say rebuild it now, whatever it costs."
)


def test_one_source_items_and_opinion_pieces_are_not_adequately_sourced() -> None:
    one_source, opinion = sourcecheck.score(ONE_SOURCE), sourcecheck.score(OPINION)
    assert one_source.band in ("thinly sourced", "poorly sourced")
    assert opinion.band in ("thinly sourced", "poorly sourced")
    assert opinion.analysis.genre == "opinion"


def test_several_checkable_sources_score_above_one_source_and_opinion() -> None:
    well = sourcecheck.score(WELL_SOURCED).score
    assert well > sourcecheck.score(ONE_SOURCE).score
    assert well > sourcecheck.score(OPINION).score
