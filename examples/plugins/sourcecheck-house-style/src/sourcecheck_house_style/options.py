"""The house style's settings: ``[tool.sourcecheck.scorer.house_style]`` in pyproject.toml."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

# Verbs that editorialise about the speaker: "admitted" implies guilt, "claimed" doubt,
# "revealed" a secret. Most stylebooks prefer the neutral "said".
LOADED_VERBS = [
    "admitted",
    "alleged",
    "boasted",
    "claimed",
    "conceded",
    "confessed",
    "insisted",
    "revealed",
]

TITLES = [
    "Mayor",
    "Gov.",
    "Governor",
    "Sen.",
    "Senator",
    "Rep.",
    "President",
    "Minister",
    "Secretary",
    "Judge",
    "Justice",
    "Dr.",
    "Prof.",
    "Professor",
    "Chief",
    "Officer",
    "Sgt.",
    "Capt.",
    "Gen.",
    "Councilwoman",
    "Councilman",
    "Councilmember",
    "Superintendent",
    "Director",
    "Chancellor",
    "Coach",
]

# Phrases that mark copy lifted from a press release rather than reported.
PROMOTIONAL_PHRASES = [
    "pleased to announce",
    "proud to announce",
    "excited to announce",
    "world-class",
    "industry-leading",
    "best-in-class",
    "cutting-edge",
    "state-of-the-art",
    "leading provider",
    "innovative solutions",
    "game-changing",
    "seamless experience",
    "revolutionary",
]


class HouseStyleOptions(BaseModel):
    """Every option has a default; an unknown key is an error naming the key."""

    model_config = ConfigDict(extra="forbid")

    loaded_verbs: list[str] = Field(
        default_factory=lambda: list(LOADED_VERBS),
        description="Attribution verbs to replace with 'said' (matched case-insensitively).",
    )
    require_title_on_first_reference: bool = Field(
        default=True,
        description="A named person's first mention needs a title or a role.",
    )
    titles: list[str] = Field(
        default_factory=lambda: list(TITLES),
        description="Words that count as a title before a name (matched exactly).",
    )
    promotional_phrases: list[str] = Field(
        default_factory=lambda: list(PROMOTIONAL_PHRASES),
        description="Press-release phrases to flag outside direct quotes.",
    )
