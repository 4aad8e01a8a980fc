"""The finder: finds every cue in an article and reads its source and content."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from sourcecheck.core.analysis.attributions.content import (
    _COMMA,
    _DAYS,
    AS_COMPLEMENT,
    INFINITIVE,
    INFINITIVE_CUES,
    PLAN_VERBS,
    VIEW_VERBS,
    clip,
    content_after,
    read_content,
)
from sourcecheck.core.analysis.attributions.context import (
    MAX_CUES_PER_SENTENCE,
    WINDOW,
    Cue,
    Found,
    QuoteIndex,
    Speaker,
    clause_span,
    trim_span,
)
from sourcecheck.core.analysis.attributions.cue_words import CueWords, builtin_cue_words
from sourcecheck.core.analysis.attributions.cues import (
    _CAPITALISED_WORD,
    _NAMING_PARTICIPLES,
    _NOUN_LIKE,
    _RAISING_PASSIVES,
    _SURE_CUES,
    after_determiner,
    copy_first_word,
    cue_to_clause_end,
    is_gerund,
    names_a_thing,
    not_a_cue,
    previous_word,
    title_case,
    widen_cue,
)
from sourcecheck.core.analysis.attributions.linking import (
    first_or_second_person,
    link_second_hand,
    outside_reports,
    outside_roles,
    to_draft,
)
from sourcecheck.core.analysis.attributions.source import (
    _GAP_OR_AND,
    _INVERTED_DETERMINERS,
    _NAME,
    _NAME_AFTER,
    _PHRASE_AFTER,
    _PRONOUN_AFTER,
    _ROLE_AFTER,
    _SPACE_COMMA,
    _VERB_AFTER_NAME,
    clause_ended,
    control_verb_start,
    ends_with_and,
    ends_with_gap,
    in_subordinate_clause,
    last_word,
    name_before_aside,
    names_or_pronoun,
    role_of,
    subject_of,
    takes_infinitive,
)
from sourcecheck.core.analysis.attributions.verbless import (
    headline_colon,
    headline_colons,
    poll_cues,
    read_colon,
    read_in_poll,
    read_quote_colon,
)
from sourcecheck.core.analysis.patterns import (
    POSSESSIVE,
    WordStartPattern,
    alternation,
    candidate_copy,
    verb_forms,
    words,
)
from sourcecheck.core.analysis.phrases import SourceReader
from sourcecheck.core.analysis.sources import SourceTyper
from sourcecheck.core.analysis.types import AttributionDraft, Sentence
from sourcecheck.core.lexicons import Entries, Lexicons
from sourcecheck.core.models import Attribution, Quote


class AttributionFinder:
    """Finds attributions with the lexicons in force (report verbs can be added by config)."""

    def __init__(self, lexicons: Lexicons, cue_words: CueWords | None = None) -> None:
        self.lexicons = lexicons
        self.typer = SourceTyper(lexicons)
        groups = _verb_groups(lexicons.get("report_verbs"))
        self.kind_of: dict[str, str] = {}
        for form, kind in _report_forms(groups):
            self.kind_of.setdefault(form, kind)
        self._learn_cue_words(
            builtin_cue_words() if cue_words is None else cue_words, _user_forms(lexicons)
        )
        self._drop_not_cues(groups.get("not_cues", []))
        # Participles read only in a raising passive ("is expected to"): as active verbs
        # or adjectives they are mostly something else ("the expected result").
        self._passive_only = _RAISING_PASSIVES - self.kind_of.keys()
        self._infinitive_only = PLAN_VERBS - self.kind_of.keys()
        self._as_only = VIEW_VERBS - self.kind_of.keys()
        self._complement_only = self._infinitive_only | self._as_only
        forms = [
            *self.kind_of,
            "according to",
            "citing",
            *self._passive_only,
            *self._infinitive_only,
            *self._as_only,
        ]
        # Lower-case forms only (hot path): capitalised ones matter only at the start of a
        # sentence and are found by ``_initial_cue``. Found in a candidate copy of the text
        # (see WordStartPattern).
        self._cue = WordStartPattern(rf"(?:{alternation(forms)})(?![\w'’-])", phrases=forms)
        capitalised = [form.capitalize() for form in forms]
        # After any opening quote marks ("'Said' is ..."), in the one match.
        self._initial_cue = re.compile(
            rf"[\"“'‘]*{POSSESSIVE}((?:{alternation(capitalised)})(?![\w'’-]))"
        )
        # What a capitalised cue opens a sentence with up to its first space in a candidate
        # copy (empty if a mark): a sentence opening with anything else is not tried.
        self._initial_words = frozenset(
            copy_first_word(candidate_copy(form), 0) for form in capitalised
        )
        heads = {
            *self.typer.vague_heads,
            *self.typer.anonymous_heads,
            *self.typer.org_heads,
            *self.typer.document_heads,
            *(noun + "s" for noun in self.typer.role_nouns),
            *self.typer.org_plurals,  # "human rights groups warned"
            "police",
            "authorities",
            "prosecutors",
        }
        self.reader = SourceReader(heads, self.typer.role_nouns, self.typer.demonyms)
        # "WASHINGTON:" opening a line is a dateline, not a speaker.
        self._datelines = frozenset(p.lower() for p in self.typer.places | self.typer.governments)
        roles = alternation(self.typer.role_nouns | {"resident", "member", "delegate"})
        # "said Democratic strategist Hank Sheinkopf", "said Concord resident Whit Symms"
        self._described_name_after = re.compile(
            rf"{_SPACE_COMMA}(?P<src>(?:[\w'’.-]+\s+){{0,4}}?(?i:{roles})\s+{_NAME})"
        )

    def _drop_not_cues(self, not_cues: list[str]) -> None:
        """After the table: ``not_cues`` are forms never taken, whatever the table learned."""
        for form in not_cues:
            self.kind_of.pop(form.lower(), None)

    def _learn_cue_words(self, cue_words: CueWords, kept: frozenset[str]) -> None:
        """Forms the learned table accepts become cues, built-in ones it rejects stop being.

        The table was fitted on the built-in lexicon: it never drops the ``kept`` forms a
        user's house lexicon adds.
        """
        for form in cue_words.rejected() - kept:
            self.kind_of.pop(form, None)
        for form in cue_words.accepted():
            self.kind_of.setdefault(form, "learned")

    # -- the pass over the article ------------------------------------------------------

    def find(self, body: str, sentences: list[Sentence], quotes: list[Quote]) -> list[Attribution]:
        """The attributions of ``body``, before speaker resolution."""
        return [draft.freeze() for draft in self.drafts(body, sentences, quotes)]

    def drafts(
        self, body: str, sentences: list[Sentence], quotes: list[Quote]
    ) -> list[AttributionDraft]:
        """The attributions of ``body`` as drafts that the later stages complete."""
        if not sentences:
            return []
        top_quotes = [q for q in quotes if not q.nested]
        context = QuoteIndex(top_quotes)
        found: list[Found] = []
        spans = [sentence.span for sentence in sentences]
        starts = [span.start for span in spans]
        ends = [span.end for span in spans]
        last = len(spans) - 1
        read = [0] * len(spans)  # cues read in each sentence
        for start, end in self._cues(body, starts, ends):
            index = bisect.bisect_right(ends, start)  # the sentence ending after
            if index > last:
                index = last
            if not starts[index] <= start < ends[index] or read[index] == MAX_CUES_PER_SENTENCE:
                continue
            read[index] += 1
            text = body[start:end].lower()
            lower = text if text.isalpha() else " ".join(text.split())
            sentence = spans[index]
            if (
                not_a_cue(body, start, end, index, sentence, lower)
                or (
                    lower in self._complement_only
                    and self._lacks_complement(body, start, end, lower, sentence.end)
                )
                or (body.endswith("ly ", 0, start) and self._relayed(body, start, end, lower))
            ):
                continue
            # One context per cue (about 30 an article), built once the words around the
            # cue, which need none, have not rejected it; every step then reads from it.
            cue = Cue(body, start, end, index, sentence, context, found, lower)
            item = self._read(cue)
            if item is not None:
                item.kind = self.kind_of.get(text, "")
                enclosing = context.enclosing(start)
                item.in_quote = enclosing is not None
                if enclosing is not None:
                    if first_or_second_person(body, item):
                        continue  # '"I think we can win," she said': the speaker's own view
                    item.content = clip(body, item.content, enclosing[1])
                found.append(item)
        found = outside_roles(body, outside_reports(found))
        link_second_hand(found)
        return [to_draft(body, item) for item in found]

    def _relayed(self, body: str, start: int, end: int, lower: str) -> bool:
        """'The mayor reportedly plans to resign': a plan, view or wish to do something the
        writer relays from someone unnamed is no report of the subject's (the hedge finder
        flags it)."""
        if lower not in self._complement_only and not (
            lower in INFINITIVE_CUES and INFINITIVE.match(body, end + 1) is not None
        ):
            return False
        return previous_word(body, start) in _EVIDENTIAL

    def _lacks_complement(self, body: str, start: int, end: int, lower: str, limit: int) -> bool:
        """Whether a plan or a view lacks what makes it a cue: "plans to" an infinitive,
        "sees ... as" a complement; after a determiner it is a noun ("Trump's plan to")."""
        if lower in self._infinitive_only:
            complement = INFINITIVE.match(body, end + 1, limit)
        else:
            complement = AS_COMPLEMENT.match(body, end, limit)
        return complement is None or after_determiner(body, start)

    def _cues(
        self, body: str, starts: list[int], ends: list[int] | None = None
    ) -> list[tuple[int, int]]:
        """Every cue in body order: lower-case anywhere, capitalised at a sentence start or
        in a title-case headline opening the article."""
        copy = candidate_copy(body)
        found = self._cue.spans(body, copy)
        if ends and title_case(body, starts[0], ends[0]):
            found = sorted([*found, *self._headline_cues(body, starts[0], ends[0])])
        initial_words = self._initial_words
        initial_cue = self._initial_cue.match
        initial = [
            match.span(1)
            for start in starts
            if body[start] in "\"“'‘" or copy_first_word(copy, start) in initial_words
            for match in [initial_cue(body, start)]
            if match is not None
        ]
        initial += poll_cues(body, copy, starts)
        initial += headline_colons(body, self._datelines)
        return sorted([*found, *initial]) if initial else found

    def _headline_cues(self, body: str, start: int, end: int) -> list[tuple[int, int]]:
        """'Mayor Says Dam Will Hold': capitalised cues after the headline's first word."""
        return [
            match.span()
            for match in _CAPITALISED_WORD.finditer(body, start + 1, end)
            if match.group().lower() in self.kind_of
        ]

    def _read(self, cue: Cue) -> Found | None:
        if cue.lower in ("according to", "citing") or (
            cue.lower == "quoting" and cue.body.startswith(", ", cue.start - 2)
        ):
            # ", quoting an unnamed official": whom the report quotes, as "citing" does
            return self._according(cue)
        if cue.lower == "saying" and cue.body.startswith(" as ", cue.start - 4):
            quoted = _quoted_as_saying(cue)
            if quoted is not None:
                return quoted
        if cue.lower == "in":
            return read_in_poll(cue)
        if cue.lower == ":":
            if headline_colon(cue.body, cue.start, self._datelines):
                return read_colon(cue)
            return read_quote_colon(cue)
        return self._verb(cue)

    # -- "according to X", "citing X" --------------------------------------------------

    def _according(self, cue: Cue) -> Found | None:
        body, start, end, sentence, lower = cue.body, cue.start, cue.end, cue.sentence, cue.lower
        source = self._source_after(cue, end, allow_phrase=True)
        if source is None:
            return None
        src_start, src_end, role_match = source
        role = role_of(role_match)
        before_start, before_end = trim_span(body, sentence.start, start)
        content: tuple[int, int] | None
        if before_end > before_start:
            content = clause_span(body, sentence.start, before_end)
        else:
            comma = _COMMA.match(body, src_end)
            content = content_after(cue, comma.end() - 1 if comma else src_end)
        marker = "according" if lower == "according to" else "citing"  # "quoting" too
        return cue.reading((start, end), (src_start, src_end), content, role=role, marker=marker)

    # -- "X said", "said X" -------------------------------------------------------------

    def _verb(self, cue: Cue) -> Found | None:
        body, start, end, sentence, lower = cue.body, cue.start, cue.end, cue.sentence, cue.lower
        if lower in self._infinitive_only and _in_reported_content(cue):
            return None  # "Carson said he plans to ...": the plan is what Carson said
        window = max(start - WINDOW, sentence.start)
        core_end, passive = self.reader.tail_start(body, window, start)
        if passive and not is_gerund(lower):
            # "was told", "is expected": the source is not before the cue; it may follow
            # "by" ("Her attacks were echoed by her campaign").
            return self._passive_by(cue, core_end) or _raised(cue, core_end)
        if lower == "known":
            # "a state known for ...", "the program, known as ...": a reduced passive.
            return _raised(cue, start)
        if lower in self._passive_only:
            return None
        speaker = self._speaker(cue, window, core_end)
        if speaker is None:
            if lower == "asked":
                asked = self._asked(cue)
                if asked is not None:
                    return asked
            # "The campaign, first reported by The Washington Post, ...": a reduced passive.
            by = self._passive_by(cue, core_end)
            if by is not None:
                return by
            if lower in _SURE_CUES:
                return self._unsourced(cue)
            return self._unsourced_that(cue)
        content = read_content(cue, speaker)
        if content is None:
            return None  # a verb with no content is not reporting anything
        if _THAT_OBJECT.match(body, content[0], sentence.end) is not None:
            return None  # "did not mention that on the trail": "that" is the object
        src_start, src_end = speaker.source
        if (
            lower in _NOUN_LIKE
            and not self._names_pronoun_or_document(body[src_start:src_end])
            and _CLAUSE_OPENING.match(body, content[0]) is None
        ):
            # "the nation's most populous swing state", "his remarks"; but a clause after
            # it makes it a verb ("His tax returns show that ...", "... show he paid").
            return None
        if lower in _NAMING_PARTICIPLES and names_a_thing(body, end, src_start, src_end):
            return None  # "a group called Black Votes Matter": a name, not a statement
        cue_start, cue_end = widen_cue(body, core_end, start, end, sentence.end)
        if content[0] < cue_start and not speaker.inverted:
            cue_end = cue_to_clause_end(body, cue_end, sentence.end)
        return cue.reading(
            (cue_start, cue_end),
            speaker.source,
            content,
            role=speaker.role,
            role_span=speaker.role_span,
        )

    def _unsourced(self, cue: Cue) -> Found | None:
        """A verb that is a report cue wherever it stands, whose source the reader could not
        take ("People I have spoken with over the years said ..."): the cue and what was
        said, without a source."""
        content = content_after(cue, cue.end)
        if content is None:
            return None
        return cue.reading((cue.start, cue.end), None, content)

    def _unsourced_that(self, cue: Cue) -> Found | None:
        """A speech verb followed by a "that" clause ("..., have long argued that ..."):
        the cue and its clause, when the source is out of the reader's reach."""
        if not cue.body.startswith(" that ", cue.end) or is_gerund(cue.lower):
            return None  # "While saying that ..., he ...": the -ing form's subject follows
        if self.kind_of.get(cue.lower) != "speech" or cue.lower in _HEDGING_CUES:
            return None
        if cue.body.endswith(" to ", 0, cue.start) or _THAT_DETERMINER.match(cue.body, cue.end):
            return None  # "fair to say that", "took that call": nobody reports anything
        return self._unsourced(cue)

    def _asked(self, cue: Cue) -> Found | None:
        """'Asked whether ..., Clinton said': the question is the content; the asker, named
        only after "by", is the source."""
        body, start, end, sentence = cue.body, cue.start, cue.end, cue.sentence
        before = body[sentence.start : start].strip("\"“'‘ ").lower()
        if before not in ("", "when") and not before.endswith((", when", " when")):
            return None
        question = _ASKED_ABOUT.match(body, end, sentence.end)
        if question is None:
            return None
        source: tuple[int, int] | None = None
        if question.group("by") and question.group("by")[0].isupper():
            source = question.span("by")  # a named asker; "a reporter" is the press
        content = clause_span(body, question.start("question"), question.end())
        if content is None:
            return None
        return Found(cue=(start, end), source=source, content=content, sentence=cue.index)

    def _passive_by(self, cue: Cue, core_end: int) -> Found | None:
        """A passive cue with its agent after "by": the source; what the clause is about,
        before the cue, is the content ("Her attacks were echoed by her campaign")."""
        body, end, sentence = cue.body, cue.end, cue.sentence
        if not body.startswith(" by ", end):
            return None
        after = self._source_after(cue, end + 3, allow_phrase=True)
        if after is None:
            return None
        head_end = core_end  # before "The campaign, first reported by": without the comma
        while head_end > sentence.start and body[head_end - 1] in ", ":
            head_end -= 1
        clause_start = body.rfind(",", sentence.start, head_end) + 1
        content = clause_span(body, max(clause_start, sentence.start), head_end)
        if content is None:
            return None
        cue_start = trim_span(body, core_end, cue.start)[0]
        src_start, src_end, role_match = after
        return cue.reading(
            (cue_start, end),
            (src_start, src_end),
            content,
            role=role_of(role_match),
            role_span=role_match.span("role") if role_match is not None else None,
        )

    def _speaker(self, cue: Cue, window: int, core_end: int) -> Speaker | None:
        """The source of a cue: before it, the clause's subject, or after it (inverted)."""
        body, start, end, sentence = cue.body, cue.start, cue.end, cue.sentence
        # "... while adding", "... and promising": the words before the conjunction are no
        # source phrase; the clause's subject is.
        gerund = is_gerund(cue.lower)
        contracted = _contracted_pronoun(body, window, core_end, cue)
        if contracted is not None:
            return Speaker(contracted, end)  # "he’s predicting", "they’re endorsing"
        # "... and said": no source phrase ends with "and" ("the room and", "his opponents
        # by name but"); the clause's subject said it.
        last = last_word(body, window, core_end)
        after_gap = last in _GAP_OR_AND if gerund else last in ("and", "but")
        # "Sen. Jo Reed (D-R.I.), said": the comma after a party tag sets off no aside.
        read_end = core_end - 1 if body.startswith("),", core_end - 2) else core_end
        before = None if after_gap else self.reader.read(body, window, read_end)
        if before is None and not gerund and _ends_with_dash(body, core_end):
            opening_dash = _aside_between_dashes(body, max(window, sentence.start), core_end)
            if opening_dash is not None:
                # "Mr. Bush - in a line aimed at his rival - declared": before the aside.
                before = self.reader.read(body, window, opening_dash)
        if before is None:
            governing = control_verb_start(body, window, core_end)
            if governing is not None:
                # "Republicans continue to warn": the subject of the verb before "to".
                subject_end = self.reader.tail_start(body, window, governing)[0]
                before = self.reader.read(body, window, subject_end)
        if before is not None:
            return Speaker((before.start, before.end), end, before.role, before.role_span)
        tail = body[window:core_end].rstrip()
        if gerund and _comma_in_closing_quote(tail):
            tail = tail.rstrip(_CLOSING_MARKS)  # '"...," adding': the comma is the gap
        if (gerund and ends_with_gap(body, window, tail)) or ends_with_and(body, window, tail):
            # ", adding that ...", "... and said": the subject of the clause said it.
            if after_gap and not gerund and _joins_an_infinitive(body, window, core_end, cue):
                return None  # "asked his supporters to raise their hands and pledge ..."
            found = cue.found
            previous = found[-1] if found and found[-1].sentence == cue.index else None
            if (
                previous is not None
                and previous.source is not None
                and not in_subordinate_clause(body, sentence.start, previous.source[0])
                and not body.endswith(("'s", "’s"), 0, previous.source[1])
            ):
                # Not a possessive's ("blamed the media for Lee's claim that ..., saying"):
                # the owner of a noun is no subject.
                return Speaker(previous.source, end)
            described = tail.endswith(",") or (after_gap and not gerund)
            subject = subject_of(body, sentence.start, core_end, described=described)
            if subject is not None:
                return Speaker(subject[:2], end)
        if tail.endswith(","):
            opening = name_before_aside(body, sentence.start, core_end)
            if opening is not None:
                return Speaker(opening, end)
        if not clause_ended(body, sentence.start, start):
            return None
        if gerund:
            return None  # "..., protesting Mr. Trump inside": an -ing form has no inverted source
        after = self._source_after(cue, end, allow_phrase=False)
        if after is None:
            return None
        src_start, src_end, role_match = after
        if role_match is None and _VERB_AFTER_NAME.match(body, src_end, sentence.end):
            return None  # "Lee, chair of the panel, said Clinton didn't ...": a content
        speaker = Speaker((src_start, src_end), src_end, role_of(role_match), inverted=True)
        if role_match is not None:
            speaker.clause_end = role_match.end()
            speaker.role_span = role_match.span("role")
        return speaker

    def _names_pronoun_or_document(self, phrase: str) -> bool:
        """Whether a source is clearly a subject ("The Cruz campaign calls ...")."""
        if names_or_pronoun(phrase):
            return True
        head = phrase.rsplit(None, 1)[-1].lower()
        return head in self.typer.common_nouns

    def _source_after(
        self, cue: Cue, start: int, *, allow_phrase: bool
    ) -> tuple[int, int, re.Match[str] | None] | None:
        """The source phrase right after a cue (``said Smith``, ``according to the report``)
        and the match of its role (", a former aide"), if any."""
        body, end = cue.body, cue.sentence.end
        match = (
            _PRONOUN_AFTER.match(body, start, end)
            or self._described_name_after.match(body, start, end)
            or _NAME_AFTER.match(body, start, end)
        )
        if match is None or (allow_phrase and body[match.end("src") : end].startswith("'s")):
            match = _PHRASE_AFTER.match(body, start, end)
            if match is None:
                return None
            first_word = match.group("src").split()[0].lower()
            if not allow_phrase and first_word not in _INVERTED_DETERMINERS:
                return None
        src_end = match.end("src")
        if body[src_end - 1] == "." and (
            src_end >= end or not body[src_end - 3 : src_end - 1].isupper()
        ):
            src_end -= 1  # the sentence's full stop, not an abbreviation ("said Devine.")
        # The match itself, not just its words: an inverted source's attribution ends
        # after its role, and matching the role again cost as much as finding it.
        return match.start("src"), src_end, _ROLE_AFTER.match(body, src_end, end)


# Pronouns whose auxiliary is contracted onto them, and the auxiliaries.
_CONTRACTED_SUBJECTS = words("he she it they we i you")
# Not "'d" ("he'd asked", "she'd planned"): a past perfect or a conditional reports
# nothing said.
_CONTRACTIONS = ("s", "re", "ve", "ll", "m")


def _contracted_pronoun(body: str, window: int, end: int, cue: Cue) -> tuple[int, int] | None:
    """The pronoun of "he’s", "they’ve", "we'll" ending at ``end``, before a cue: the
    cue's source. A participle after "it's" or "they're", or one that is mostly passive or
    an adjective ("he's expected to", "she's called", "he's determined to"), is left to
    the other readings."""
    if end - window < 3 or (body[end - 2] not in "'’" and body[end - 3] not in "'’"):
        return None
    space = body.rfind(" ", window, end)
    word_start = space + 1 if space >= 0 else window
    stem, mark, suffix = body[word_start:end].replace("’", "'").partition("'")
    if not mark or suffix not in _CONTRACTIONS or stem.lower() not in _CONTRACTED_SUBJECTS:
        return None
    if suffix in ("s", "re", "m") and not is_gerund(cue.lower):
        if suffix != "s" or stem.lower() == "it":
            return None  # "they're deemed safe", "I'm told": "are", "am", a passive
        if cue.lower in _RAISING_PASSIVES | _NAMING_PARTICIPLES:
            return None
        if cue.body.startswith((" by ", " to "), cue.end):
            return None  # "he's joined by", "she's determined to"
    return word_start, word_start + len(stem)


_DASHES = ("—", "–", "―", "--", " -")
_SPACED_DASHES = ("–", "―", "--")  # an aside's, only after a space


def _ends_with_dash(body: str, end: int) -> bool:
    """Whether a dash, perhaps then a space, ends ``body[:end]``: only then is an aside tried."""
    return body[end - 1] in _DASH_MARKS or (body[end - 1] == " " and body[end - 2] in _DASH_MARKS)


_DASH_MARKS = "—–―-"


def _aside_between_dashes(body: str, start: int, end: int) -> int | None:
    """Where the aside ending right before ``end`` opens, if it stands between two dashes of
    one kind ("Jo Lee — a teacher from Dover — says"): the end of the words before it."""
    tail = body[start:end].rstrip()
    for dash in _DASHES:
        if tail.endswith(dash):
            closing = start + len(tail) - len(dash)
            opening = body.rfind(dash, start, closing)
            if opening <= start or (dash in _SPACED_DASHES and not body[opening - 1].isspace()):
                return None  # "the 2015–16 season": a range, not an aside
            return trim_span(body, start, opening)[1]
    return None


_INFINITIVE_IN_CLAUSE = re.compile(rf"\s{INFINITIVE.pattern}")  # not "to the groups"


def _joins_an_infinitive(body: str, window: int, end: int, cue: Cue) -> bool:
    """Whether a bare verb after "and" joins an infinitive of its clause ("left it to others
    to praise his record and defend ..."): its subject is the infinitive's, not the
    sentence's. A past or present form ("... and said") joins the main verb."""
    verb = cue.lower.partition(" ")[0]
    if verb.endswith(("ed", "s")) or verb in _IRREGULAR_PASTS:
        return False
    clause_start = max(body.rfind(",", window, end), window)
    infinitive = _INFINITIVE_IN_CLAUSE.search(body, clause_start, end)
    # "vowed to build a wall and pledge ...": the subject of "vowed" is the infinitive's.
    return infinitive is not None and not takes_infinitive(previous_word(body, infinitive.start()))


_IRREGULAR_PASTS = words("said told wrote thought knew saw found gave made took felt spoke")


_CLOSING_MARKS = "\"”’'"


def _comma_in_closing_quote(tail: str) -> bool:
    """Whether text ends with a comma inside closing quote marks ('"...,"', "...,''")."""
    return tail.endswith(('"', "”", "’", "'")) and tail.rstrip(_CLOSING_MARKS).endswith(",")


def _in_reported_content(cue: Cue) -> bool:
    """Whether a cue stands inside the content of the attribution read before it in its
    sentence ("she said she plans to vote")."""
    found = cue.found
    if not found or found[-1].sentence != cue.index or found[-1].content is None:
        return False
    content = found[-1].content
    return content[0] <= cue.start < content[1]


# Adverbs that relay what someone unnamed reports ("reportedly plans to").
_EVIDENTIAL = words("reportedly allegedly reputedly supposedly purportedly")
# "that" as a determiner: "took that call Friday", "mention that on the trail".
_THAT_DETERMINER = re.compile(r" that\s+(?:[\w'’-]+\s*[.,;:(\[]|(?:on|at|in|had|was|is)\b)")
# "that" as an object, then a place ending the sentence: "did not mention that on the trail".
_THAT_OBJECT = re.compile(r"that\s+(?:on|at|in)\s+(?:the|a|his|her|their)\s+[\w-]+[.!?]?\Z")
# Report verbs that hedge ("hints that"): without a source, the writer's own hedge.
_HEDGING_CUES = words("hint hints hinted imply implies implied speculate speculates speculated")


# What opens a reported clause for sure: "that", or a subject pronoun and its verb.
_CLAUSE_OPENING = re.compile(r"that\s|(?:he|she|they|we)\s+[a-z]")

# After "asked": who asked (only after "by"), when, then the question up to a comma.
_ASKED_ABOUT = re.compile(
    rf"(?:\s+by\s+(?P<by>(?:(?:a|an|the)\s+)?(?:{_NAME}|[a-z]+)))?"
    rf"(?:\s+(?:on\s+)?{_DAYS})?"
    r"\s+(?P<question>(?:about|whether|if|why|what|how|who|which|when|where)\b[^,;]*)"
)


def _raised(cue: Cue, core_end: int) -> Found | None:
    """A raising passive ("is expected to attend") or a question put to the subject ("was
    asked about the border"): a cue without a source. The content is what follows the cue,
    so the subject stays the writer's."""
    body, start, end, sentence, lower = cue.body, cue.start, cue.end, cue.sentence, cue.lower
    if lower == "asked":
        if _ASKED_WHAT.match(body, end, sentence.end) is None:
            return None
    elif lower == "known":
        if body.startswith((" as ", " for "), end):
            end = body.index(" ", end + 1)  # PolNeAR's cue takes in "as" and "for"
        elif not body.startswith(" to ", end):
            return None
    elif lower == "told":
        if not body.startswith(" that ", end):
            return None  # "we are told that ...": somebody unnamed said it
    elif lower not in _RAISING_PASSIVES or not body.startswith(" to ", end):
        return None
    content = clause_span(body, end + 1, sentence.end)
    if content is None:
        return None
    cue_start = trim_span(body, core_end, start)[0]
    return Found(cue=(cue_start, end), source=None, content=content, sentence=cue.index)


# "The Post quoted an unnamed official as saying": whom the words are put in the mouth of.
_QUOTED_AS = re.compile(r"quot(?:ed|es|ing)\s+(?P<src>(?:[^\s,;:\"“”]+\s+){1,8}?)as\s+saying")


def _quoted_as_saying(cue: Cue) -> Found | None:
    """'quoted an unnamed official as saying the bill was dead': the one quoted is the
    source of what follows "saying"; the paper's "quoted" stays its own attribution."""
    body, start = cue.body, cue.start
    quoted = body.rfind("quot", max(cue.sentence.start, start - 90), start)
    if quoted < 0:
        return None
    match = _QUOTED_AS.match(body, quoted, cue.end)
    if match is None or match.end() != cue.end:
        return None
    content = content_after(cue, cue.end)
    if content is None:
        return None
    source = trim_span(body, *match.span("src"))
    return cue.reading((match.end("src"), cue.end), source, content, marker="quoted")


_ASKED_WHAT = re.compile(r" (?:about|whether|if|to|why|what|how|who|which|when|where)\b")


def _user_forms(lexicons: Lexicons) -> frozenset[str]:
    """The inflected forms of the report verbs config and plugins add (not ``not_cues``)."""
    return frozenset(
        form for form, _ in _report_forms(_verb_groups(lexicons.added("report_verbs")))
    )


def _verb_groups(entries: Entries) -> dict[str, list[str]]:
    """``report_verbs`` entries as kind -> phrases (a plain list is all speech)."""
    return entries if isinstance(entries, dict) else {"speech": list(entries)}


def _report_forms(groups: dict[str, list[str]]) -> Iterator[tuple[str, str]]:
    """(inflected form, kind) of every cue phrase of ``groups``, ``not_cues`` left out."""
    for kind, phrases in groups.items():
        if kind == "not_cues":
            continue
        for phrase in phrases:
            for form in verb_forms(phrase.lower()):
                yield form, kind
