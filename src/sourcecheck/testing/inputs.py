"""The articles a conformance run feeds a scorer: small, huge, empty, non-ASCII and odd.

Every text here was written for sourcecheck's tests; none is copied from a real outlet.
Each input exists because a real scorer bug would trip on it (noted next to it).
"""

from __future__ import annotations

from sourcecheck.core.models import Article

# A plain news paragraph: named, anonymous and vague sources, a quote, a hedge.
NEWS = (
    "The city council voted 7-2 on Tuesday to close the Elm Street library, "
    "Mayor Dana Ruiz said.\n\n"
    '"We had no other choice," Ruiz told reporters. "The roof is failing."\n\n'
    "A council aide, who spoke on condition of anonymity because the budget talks were "
    "private, said the vote may be revisited in the spring. Critics say the decision was "
    "rushed. According to a 2023 audit, repairs would cost $4.2 million."
)

# Accents, curly and guillemet quotes, CJK, right-to-left script, combining marks and
# astral-plane emoji: a scorer that counts UTF-8 bytes or UTF-16 units gets the spans wrong.
NON_ASCII = (
    "Zoë Müller-Sánchez, la portavoz, dijo: «El puente estará cerrado hasta el lunes».\n\n"
    "“Nous n’avons rien caché”, a déclaré le maire de Montréal. "
    "東京都の担当者は「調査中だ」と述べた。 "
    "قال المتحدث إن التحقيق مستمر. "
    "The cafe\u0301 owner 📰👩‍👩‍👧 said the re\u0301sume\u0301 was fake."
)

# Odd whitespace and control characters: CRLF line ends, tabs, a form feed, NBSP,
# zero-width space, soft hyphen and U+2028, which str.splitlines() treats as a line break.
ODD_WHITESPACE = (
    "Officials\tsaid on Monday\u00a0that the dam is safe.\r\n\r\n"
    "Engineers dis\u00adagreed.\u200b They said\u2028it was not.\x0c\r\n"
    "   Nobody else commented.   "
)

UNBALANCED_QUOTES = (
    'The minister said "we will never raise taxes and then stopped. '
    "“Nothing is decided,” an official said, ” and another “ stray mark. "
    "Residents' groups said the 'plan' was \"dead."
)

ONLY_PUNCTUATION = "... !!! ??? — –– “” \"\" '' () [] {} ; : , ."

MARKDOWN = (
    "# Council closes library\n\n"
    "*By Staff Writer*\n\n"
    "- The vote was 7-2, officials said.\n"
    "- Repairs would cost [$4.2 million](https://example.org/audit).\n\n"
    '> "We had no choice," the mayor said.\n\n'
    "```\nsaid = True\n```\n"
)

NUMBERS = "2024 2025 3.5% $1,000,000 12:30 7-2 1/2 0.001 -40 1e9 #42 @press"

_HUGE_SENTENCES = (
    "The regional transit authority said on {day} that line {n} would run less often.",
    "According to budget documents, the agency expects a shortfall of {n} million dollars.",
    '"We are doing what we can," spokeswoman Lena Ortiz said of route {n}.',
    "A driver, who asked not to be named, said staff were told of the cuts in advance.",
    "Some riders say the changes could add {n} minutes to their commute.",
    "Experts suggest fares might rise again next year.",
    "The board will meet again on {day} to discuss the plan for district {n}.",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def huge_body(words: int = 20_000) -> str:
    """A long article of varied, numbered sentences: catches quadratic loops."""
    paragraphs: list[str] = []
    count = 0
    n = 0
    while count < words:
        sentences = []
        for template in _HUGE_SENTENCES:
            sentence = template.format(n=n, day=_DAYS[n % len(_DAYS)])
            sentences.append(sentence)
            count += len(sentence.split())
            n += 1
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def conformance_inputs(huge_words: int = 20_000) -> dict[str, Article]:
    """The named articles every scorer must handle; names appear in failure messages."""
    bodies = {
        "empty": "",
        "whitespace-only": " \n\t\n   \r\n",
        "tiny": "Yes.",
        "one-word-no-punctuation": "Breaking",
        "news": NEWS,
        "non-ascii": NON_ASCII,
        "odd-whitespace": ODD_WHITESPACE,
        "unbalanced-quotes": UNBALANCED_QUOTES,
        "only-punctuation": ONLY_PUNCTUATION,
        "markdown": MARKDOWN,
        "numbers": NUMBERS,
        "one-long-token": "x" * 10_000,
        "many-short-paragraphs": "Officials said so.\n\n" * 500,
        "huge": huge_body(huge_words),
    }
    articles = {name: Article(body=body) for name, body in bodies.items()}
    # Metadata a scorer might read: a title, an outlet, authors and a language tag.
    articles["news-with-metadata"] = Article(
        title="Council votes to close library",
        body=NEWS,
        outlet="The Example Gazette",
        authors=["Staff Writer"],
        language="en",
    )
    return articles
