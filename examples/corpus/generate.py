"""Generate an example news corpus: invented events, reported by several invented outlets.

Everything here is synthetic and written for sourcecheck: towns, people, outlets and events
are made up. Each event is covered by a few outlets within days of each other, each in its
own words (paraphrased claims: what the claim index should match), and the wire service's
story is republished nearly verbatim by others (wire copies: what it must not count as
independent corroboration). Outlets differ in sourcing habits (named vs anonymous sources,
hedging), so `sourcecheck compare` has something to find.

    python examples/corpus/generate.py --articles 600 --out examples/corpus/corpus.jsonl

The columns are deliberately not sourcecheck's defaults, to show the column mapping:
``doc_id, headline, content, outlet_name, date`` (and ``event``, ``reliable``: an
outlet-level label for the calibration example).
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

TOWNS = [
    "Marlow Bay",
    "Eastfield",
    "Corran",
    "Pike Hollow",
    "Wrenford",
    "Astley",
    "Dunmore",
    "Kestrel Point",
    "Ashgrove",
    "Tillbury",
    "Norcastle",
    "Redmere",
    "Halden",
    "Brookvale",
]
FIRST = [
    "Ana",
    "Tomas",
    "Helen",
    "Ravi",
    "Grace",
    "Owen",
    "Lena",
    "Marcus",
    "Priya",
    "Jonah",
    "Ines",
    "Femi",
]
LAST = [
    "Ruiz",
    "Okafor",
    "Lindqvist",
    "Marsh",
    "Patel",
    "Brennan",
    "Castillo",
    "Whitaker",
    "Nakamura",
    "Osei",
]
WIRE = "Metro Wire"


@dataclass(frozen=True)
class Outlet:
    name: str
    named: float  # share of attributions to a named person
    hedging: float  # chance a claim is hedged by the writer
    republishes_wire: float  # chance it runs the wire story instead of its own
    # An outlet-level label, as media ratings are: whether its house rules ask for named,
    # unhedged sourcing. It only feeds the `sourcecheck calibrate` example.
    reliable: bool


OUTLETS = [
    Outlet("The Ledger", named=0.9, hedging=0.05, republishes_wire=0.0, reliable=True),
    Outlet("Daily Courier", named=0.3, hedging=0.2, republishes_wire=0.1, reliable=False),
    Outlet(WIRE, named=0.75, hedging=0.1, republishes_wire=0.0, reliable=True),
    Outlet("Valley Post", named=0.5, hedging=0.6, republishes_wire=0.2, reliable=False),
    Outlet("Harbor Times", named=0.65, hedging=0.25, republishes_wire=0.35, reliable=True),
    Outlet("Evening Star", named=0.4, hedging=0.35, republishes_wire=0.6, reliable=False),
]

# Each event type: facts, each with several phrasings of the same checkable claim.
EVENTS: dict[str, list[list[str]]] = {
    "budget": [
        [
            "The {town} council approved a {n} million dollar budget for the new {thing} on {day}.",
            "Councillors in {town} voted on {day} to spend {n} million dollars on a new {thing}.",
            "A {n} million dollar plan for a new {thing} won the approval of the {town} council on {day}.",
        ],
        [
            "The vote passed by {a} votes to {b} after a three-hour debate.",
            "The measure was carried {a} to {b} following three hours of debate.",
            "After a debate lasting three hours, the council backed it by {a} votes to {b}.",
        ],
        [
            "Construction of the {thing} is expected to begin in the spring and take two years.",
            "Work on the {thing} should start in spring and last about two years.",
            "Building the {thing} will take roughly two years, with work starting in the spring.",
        ],
    ],
    "flood": [
        [
            "Flooding in {town} forced {n} hundred residents from their homes on {day}.",
            "About {n} hundred people in {town} were evacuated from their homes because of floods on {day}.",
            "Floodwater drove {n} hundred {town} residents out of their homes on {day}.",
        ],
        [
            "The river rose {a} feet above its flood stage overnight.",
            "Overnight the river climbed to {a} feet over flood stage.",
            "Water levels on the river reached {a} feet above flood stage during the night.",
        ],
        [
            "Emergency shelters opened at {b} schools across the district.",
            "{b} schools in the district were turned into emergency shelters.",
            "The district opened emergency shelters in {b} of its schools.",
        ],
    ],
    "factory": [
        [
            "The {thing} factory in {town} will close by the end of the year, cutting {n} hundred jobs.",
            "{n} hundred jobs will be lost when the {town} {thing} factory shuts at the end of the year.",
            "By the end of the year the {thing} plant in {town} is to close, with the loss of {n} hundred jobs.",
        ],
        [
            "The company blamed falling demand and rising energy costs for the closure.",
            "Falling demand and higher energy bills were given by the company as the reasons for the closure.",
            "According to the firm, weaker demand and soaring energy costs forced the decision to close.",
        ],
        [
            "Workers will be offered severance of {a} weeks of pay for each year of service.",
            "Staff are to receive {a} weeks of pay per year worked as severance.",
            "Severance for the workers will amount to {a} weeks' pay for every year of service.",
        ],
    ],
    "school": [
        [
            "Test scores at {town} public schools rose {a} percent this year, the district reported on {day}.",
            "The {town} school district reported on {day} that test scores climbed {a} percent this year.",
            "Public school pupils in {town} improved their test scores by {a} percent this year, according to district figures released on {day}.",
        ],
        [
            "The district hired {n} hundred new teaching assistants last autumn.",
            "Last autumn the district took on {n} hundred additional teaching assistants.",
            "{n} hundred new teaching assistants joined the district's schools last autumn.",
        ],
        [
            "Reading scores improved the most, while maths scores were flat.",
            "The biggest gains came in reading; maths results barely changed.",
            "Reading results saw the largest improvement and maths stayed level.",
        ],
    ],
    "transit": [
        [
            "Bus fares in {town} will rise by {a} cents from next month, the transit authority said on {day}.",
            "The {town} transit authority announced on {day} a {a} cent increase in bus fares starting next month.",
            "From next month, riders in {town} will pay {a} cents more per bus trip, the transit authority announced on {day}.",
        ],
        [
            "Ridership has fallen by {b} percent since last year.",
            "The number of passengers is down {b} percent on last year.",
            "Passenger numbers have dropped {b} percent compared with a year ago.",
        ],
        [
            "The authority faces a deficit of {n} million dollars.",
            "A {n} million dollar shortfall is facing the transit authority.",
            "The transit authority is running a deficit of {n} million dollars.",
        ],
    ],
    "hospital": [
        [
            "The {town} general hospital will open a new {thing} wing with {n} beds in {day_month}.",
            "A new {thing} wing holding {n} beds opens at {town} general hospital in {day_month}.",
            "In {day_month}, {town}'s general hospital is opening a {thing} wing with {n} beds.",
        ],
        [
            "The expansion cost {a} million dollars and was funded partly by private donors.",
            "Private donors paid part of the {a} million dollar cost of the expansion.",
            "The {a} million dollar expansion was financed in part by private donations.",
        ],
        [
            "Waiting times in the emergency department have doubled over the past {b} years.",
            "Emergency department waits are twice as long as they were {b} years ago.",
            "Over the last {b} years, waiting times in the emergency room have doubled.",
        ],
    ],
}
THINGS = [
    "library",
    "bridge",
    "water treatment",
    "cardiac",
    "stadium",
    "ferry terminal",
    "steel",
    "paper",
    "maternity",
    "glass",
    "recycling",
    "sports",
    "concert hall",
    "textile",
]
BACKGROUND = [
    "The town has a population of about forty thousand people.",
    "Local elections are due to be held next year.",
    "The region has seen several similar disputes in recent years.",
    "Residents have been asked to share their views at a public meeting.",
    "The area is known for its historic harbour and weekend market.",
    "Further details are expected to be published in the coming weeks.",
    "Previous plans were shelved after a funding dispute.",
]
ANONYMOUS = [
    "a source familiar with the matter",
    "an official who asked not to be named",
    "people close to the talks",
    "a senior official",
]
CUES = ["said", "told reporters", "said in a statement"]
HEDGES = ["may", "could", "is expected to", "reportedly"]
ROLES = [
    "the mayor",
    "a council spokesperson",
    "the district superintendent",
    "the company's chief executive",
    "a union representative",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def event_values(rng: random.Random, kind: str, when: date) -> dict[str, str]:
    return {
        "town": rng.choice(TOWNS),
        "thing": rng.choice(THINGS),
        "n": str(rng.randint(2, 9)),
        "a": str(rng.randint(8, 15)),
        "b": str(rng.randint(2, 7)),
        "day": when.strftime("%A"),
        "day_month": when.strftime("%B"),
        "kind": kind,
    }


def attribute(rng: random.Random, outlet: Outlet, claim: str, speaker: str) -> str:
    """Wrap a claim in an attribution in the outlet's habitual style."""
    claim = claim.rstrip(".")
    lowered = claim[0].lower() + claim[1:] if not claim[:2].isupper() else claim
    if rng.random() < outlet.named:
        return f"{claim}, {speaker} {rng.choice(CUES)}."
    if rng.random() < 0.5:
        return f"According to {rng.choice(ANONYMOUS)}, {lowered}."
    return f"{claim}, {rng.choice(ANONYMOUS)} said."


def hedge(rng: random.Random, outlet: Outlet, sentence: str) -> str:
    if rng.random() >= outlet.hedging:
        return sentence
    return f"It {rng.choice(['appears', 'seems'])} that {sentence[0].lower()}{sentence[1:]}"


def write_story(
    rng: random.Random, outlet: Outlet, kind: str, values: dict[str, str]
) -> tuple[str, str]:
    facts = EVENTS[kind]
    speaker = person(rng)
    role = rng.choice(ROLES)
    sentences = []
    for number, phrasings in enumerate(facts):
        claim = rng.choice(phrasings).format(**values)
        claim = claim[0].upper() + claim[1:]
        if number == 0 or rng.random() < 0.5:
            sentences.append(hedge(rng, outlet, claim))
        else:
            sentences.append(attribute(rng, outlet, claim, speaker))
    quote = rng.choice(
        [
            "We have listened to residents and this is the right decision",
            "Nobody wanted it to come to this, but we had no choice",
            "This is a difficult day for many families",
            "We will keep everyone informed as the situation changes",
        ]
    )
    sentences.insert(2, f"“{quote},” said {speaker}, {role}.")
    sentences.extend(rng.sample(BACKGROUND, k=rng.randint(1, 3)))
    if rng.random() < outlet.hedging:
        sentences.append(
            f"The decision {rng.choice(HEDGES)} face a legal challenge, {rng.choice(ANONYMOUS)} said."
        )
    title = f"{values['town']}: {kind} news"
    paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    return title, "\n\n".join(paragraphs)


def wire_copy(body: str, outlet: str, rng: random.Random) -> str:
    """A republished wire story: same text, a credit line, sometimes a trimmed ending."""
    paragraphs = body.split("\n\n")
    if len(paragraphs) > 2 and rng.random() < 0.5:
        paragraphs = paragraphs[:-1]
    return "\n\n".join(
        [*paragraphs, f"This story was distributed by {WIRE} and published by {outlet}."]
    )


def generate(articles: int, seed: int) -> list[dict[str, str | bool]]:
    rng = random.Random(seed)
    start = date(2025, 1, 6)
    records: list[dict[str, str | bool]] = []
    event = 0
    while len(records) < articles:
        kind = rng.choice(sorted(EVENTS))
        when = start + timedelta(days=rng.randint(0, 180))
        values = event_values(rng, kind, when)
        wire_title, wire_body = write_story(rng, OUTLETS[2], kind, values)
        covering = rng.sample(OUTLETS, k=rng.randint(2, 5))
        for outlet in covering:
            published = when + timedelta(days=rng.randint(0, 3))
            if outlet.name != WIRE and rng.random() < outlet.republishes_wire:
                title, body = wire_title, wire_copy(wire_body, outlet.name, rng)
            elif outlet.name == WIRE:
                title, body = wire_title, wire_body
            else:
                title, body = write_story(rng, outlet, kind, values)
            records.append(
                {
                    "doc_id": f"e{event:04d}-{outlet.name.lower().replace(' ', '-')}",
                    "headline": title,
                    "content": body,
                    "outlet_name": outlet.name,
                    "date": published.isoformat(),
                    "event": f"e{event:04d}",
                    "reliable": outlet.reliable,
                }
            )
        event += 1
    return records[:articles]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("corpus.jsonl"))
    args = parser.parse_args()
    records = generate(args.articles, args.seed)
    with args.out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} articles to {args.out}")


if __name__ == "__main__":
    main()
