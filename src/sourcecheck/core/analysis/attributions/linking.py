"""Linking: attributions inside others' roles or reports dropped, second-hand ones
linked to their "according to", and the rest made drafts."""

from __future__ import annotations

from sourcecheck.core.analysis.attributions.content import clip
from sourcecheck.core.analysis.attributions.context import Found
from sourcecheck.core.analysis.types import AttributionDraft
from sourcecheck.core.models import Span


def first_or_second_person(body: str, item: Found) -> bool:
    if item.source is None:
        return False
    return body[item.source[0] : item.source[1]].lower() in ("i", "we", "you")


def outside_roles(body: str, found: list[Found]) -> list[Found]:
    """Drop cues inside another attribution's role ("said Dana, a nurse who asked ..."),
    but for a relative clause of their own ("Dana, who said the dam was safe, said ...")."""
    roles = sorted(item.role_span for item in found if item.role_span is not None)
    if not roles:
        return found
    kept: list[Found] = []
    cursor = 0
    for item in found:  # cues and roles both in body order: one pass
        start = item.cue[0] if item.cue else 0
        while cursor < len(roles) and roles[cursor][1] <= start:
            cursor += 1
        if cursor < len(roles) and roles[cursor][0] <= start:
            if not _relative(body, item, roles[cursor][0]):
                continue
            item.content = clip(body, item.content, roles[cursor][1])
        kept.append(item)
    return kept


def _relative(body: str, item: Found, role_start: int) -> bool:
    """Whether an attribution's source is the "who" opening the role it stands in."""
    source = item.source
    return source is not None and source[0] == role_start and body.startswith("who ", role_start)


# Cues of these kinds inside what another attribution reports ("Perry told reporters that
# he *believes* ...", "said voters *want* change") are part of the report; PolNeAR rarely
# annotates them (a fifth are gold cues on its train split), where it does most nested
# speech cues.
_NESTED_KINDS = frozenset(["cognition", "stance"])


def outside_reports(found: list[Found]) -> list[Found]:
    """Drop belief and stance cues that stand inside another attribution's content."""
    kept: list[Found] = []
    for position, item in enumerate(found):
        if item.kind in _NESTED_KINDS and item.cue is not None:
            cue_start, cue_end = item.cue
            if any(
                other.content is not None
                and other.content[0] <= cue_start
                and cue_end <= other.content[1]
                for other in _same_sentence(found, position)
            ):
                continue
        kept.append(item)
    return kept


def link_second_hand(found: list[Found]) -> None:
    """'Smith said, according to the Gazette': Smith's attribution is reported via the Gazette."""
    for position, item in enumerate(found):
        if item.marker == "according":
            for other in _same_sentence(found, position):
                if not other.marker:
                    other.via = position
        elif item.marker == "quoted":
            # "The Post quoted an official as saying ...": reported by the "quoted" before it
            if position and found[position - 1].sentence == item.sentence:
                item.via = position - 1
        elif item.marker == "citing":
            # The outer report is the nearest plain attribution of the sentence: usually the
            # one before ("X reported, citing Y"), else the next ("X, citing Y, reported").
            outer = next(
                (
                    other
                    for other in (position - 1, position + 1)
                    if 0 <= other < len(found)
                    and found[other].sentence == item.sentence
                    and not found[other].marker
                ),
                None,
            )
            if outer is not None:
                item.via = outer
                if found[outer].content is not None:
                    item.content = found[outer].content  # what the outer source reported


def _same_sentence(found: list[Found], position: int) -> list[Found]:
    """The other attributions in the sentence of ``found[position]`` (neighbours only)."""
    sentence = found[position].sentence
    first = position
    while first > 0 and found[first - 1].sentence == sentence:
        first -= 1
    last = position
    while last + 1 < len(found) and found[last + 1].sentence == sentence:
        last += 1
    return [found[i] for i in range(first, last + 1) if i != position]


def to_draft(body: str, item: Found) -> AttributionDraft:
    source, cue, content = item.source, item.cue, item.content
    # Positional arguments and Span(...), not Span.of, as for every record made by the
    # dozen (see claims). source_type and speaker are set by speakers.SpeakerResolver,
    # source_id by speakers.SourceBuilder.
    return AttributionDraft(
        Span(source[0], source[1], body[source[0] : source[1]]) if source else None,
        Span(cue[0], cue[1], body[cue[0] : cue[1]]) if cue else None,
        Span(content[0], content[1], body[content[0] : content[1]]) if content else None,
        "unknown",  # source_type
        None,  # speaker
        item.role,
        item.direct,
        item.sentence,
        item.via,
        item.in_quote,
    )
