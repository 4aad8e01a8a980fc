"""The analysis records: frozen slotted dataclasses that pydantic serialises and validates."""

from __future__ import annotations

import dataclasses
import inspect

import pytest
from pydantic import TypeAdapter, ValidationError

from sourcecheck.core.analysis.types import AttributionDraft, Sentence
from sourcecheck.core.models import (
    Attribution,
    Claim,
    Hedge,
    Quote,
    Source,
    Span,
    span_problem,
)
from sourcecheck.core.records import set_through_slots

RECORDS = [Span, Quote, Attribution, Hedge, Claim, Source]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_records_are_frozen_and_slotted(record: type) -> None:
    params = record.__dataclass_params__  # type: ignore[attr-defined]
    assert params.frozen
    assert "__slots__" in record.__dict__


def test_keyword_construction_and_the_plugin_helpers() -> None:
    span = Span(start=4, end=9, text="mayor")
    attribution = Attribution(source=span, cue=Span.of("The mayor said", 10, 14), sentence=2)
    assert attribution.source_type == "unknown" and attribution.source_id is None
    assert dataclasses.asdict(span) == {"start": 4, "end": 9, "text": "mayor"}
    assert dataclasses.replace(attribution, speaker="Ada").speaker == "Ada"
    with pytest.raises(dataclasses.FrozenInstanceError):
        attribution.speaker = "Ada"  # type: ignore[misc]


def test_pydantic_validates_a_record_given_as_data() -> None:
    spans = TypeAdapter(Span)
    assert spans.validate_python({"start": 0, "end": 3, "text": "The"}) == Span(0, 3, "The")
    for bad in ({"start": 3, "end": 1, "text": ""}, {"start": 0, "end": 3, "text": "Th"}):
        with pytest.raises(ValidationError):
            spans.validate_python(bad)
    assert spans.dump_json(Span(0, 3, "The")) == b'{"start":0,"end":3,"text":"The"}'


@pytest.mark.parametrize(
    ("span", "problem"),
    [
        (None, None),
        (Span(0, 3, "The"), None),
        (Span(0, 3, "the"), "does not match"),
        (Span(-1, 2, "Th"), "does not match"),
        (Span(2, 1, ""), "does not match"),
        (Span(0, 99, "The"), "does not match"),
        (Span(0, 3.0, "The"), "must be int"),  # type: ignore[arg-type]
        ((0, 3), "not a Span"),
    ],
)
def test_span_problem(span: object, problem: str | None) -> None:
    found = span_problem(span, "The mayor said.")
    assert (found is None) if problem is None else (problem in (found or ""))


def test_an_attribution_draft_has_the_fields_of_an_attribution() -> None:
    draft_fields = [(f.name, f.default) for f in dataclasses.fields(AttributionDraft)]
    assert draft_fields == [(f.name, f.default) for f in dataclasses.fields(Attribution)]
    attribution = Attribution(source=Span(0, 3, "The"), role="aide", via=1, source_id=2)
    assert AttributionDraft.of(attribution).freeze() == attribution


@dataclasses.dataclass(frozen=True, slots=True)
class _Reference:
    """A frozen slotted dataclass with its own __init__, to compare the faster one with."""

    start: int
    label: str = "x"
    parts: tuple[int, ...] = dataclasses.field(default_factory=tuple)
    marks: list[int] = dataclasses.field(default_factory=list)


@set_through_slots
@dataclasses.dataclass(frozen=True, slots=True)
class _Fast:
    start: int
    label: str = "x"
    parts: tuple[int, ...] = dataclasses.field(default_factory=tuple)
    marks: list[int] = dataclasses.field(default_factory=list)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((1,), {}), ((1, "y"), {}), ((1,), {"marks": [2]}), ((), {"start": 3, "parts": (4,)})],
)
def test_set_through_slots_builds_what_the_dataclass_init_builds(
    args: tuple[object, ...], kwargs: dict[str, object]
) -> None:
    fast, reference = _Fast(*args, **kwargs), _Reference(*args, **kwargs)  # type: ignore[arg-type]
    assert dataclasses.astuple(fast) == dataclasses.astuple(reference)
    assert repr(fast).replace("_Fast", "_Reference") == repr(reference)
    assert _Fast(*args, **kwargs) == fast  # type: ignore[arg-type]
    assert str(inspect.signature(_Fast)) == str(inspect.signature(_Reference))


def test_set_through_slots_keeps_records_frozen_and_factories_fresh() -> None:
    first, second = _Fast(1), _Fast(2)
    assert first.marks == [] and first.marks is not second.marks
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.start = 5  # type: ignore[misc]
    with pytest.raises(TypeError, match="start"):
        _Fast()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="label"):
        _Fast(1, "y", label="z")  # type: ignore[misc]


def test_set_through_slots_refuses_what_it_cannot_build() -> None:
    @dataclasses.dataclass(slots=True)
    class Mutable:
        start: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        start: int

        def __post_init__(self) -> None:
            pass

    for cls in (Mutable, Checked):
        with pytest.raises(TypeError):
            set_through_slots(cls)


def _sets_through_slots(record: type) -> bool:
    """Whether ``record.__init__`` sets every field through its slot's descriptor (the
    dataclass's own ``__init__`` of a frozen record calls ``object.__setattr__``)."""
    names = record.__init__.__code__.co_names
    return all(f"_set_{field.name}" in names for field in dataclasses.fields(record))


def test_the_slot_init_check_tells_the_two_inits_apart() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Point:
        x: int
        y: int = 0

    assert not _sets_through_slots(Point)
    assert _sets_through_slots(set_through_slots(Point))


@pytest.mark.parametrize("record", [*RECORDS, Sentence], ids=lambda r: r.__name__)
def test_hot_records_use_the_slot_init(record: type) -> None:
    # The analysis makes hundreds of these an article (docs/performance.md, seventh pass).
    assert _sets_through_slots(record)
