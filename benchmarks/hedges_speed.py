"""Speed of hedge detection on a 1,000-word news story (written for this benchmark).

    python benchmarks/hedges_speed.py [--repeat 7] [--number 300]

Prints the best-of-``repeat`` CPU time of ``HedgeFinder.find`` per article and per 1,000 words,
with the quotes and attributions the analysis found, so voice marking is included.
The budget: the whole analysis must run >= 200 articles/s per core, so hedges should
cost well under 1 ms per 1,000 words.
"""

from __future__ import annotations

import argparse
import sys
import time
import timeit

from sourcecheck.core.analysis import Analyzer
from sourcecheck.core.models import Article

STORY = "\n\n".join(
    [
        (
            "RIVERTON — The city council voted 6-3 on Tuesday night to approve a $48 million plan to "
            "rebuild the Fifth Street bridge, ending a two-year fight over the aging span that "
            "carries about 12,000 vehicles a day across the Tamarack River."
        ),
        (
            "The vote came after a four-hour meeting in which more than 200 residents packed the "
            'council chambers. Many of them wore orange shirts printed with the slogan "Fix It Now," '
            "the name of a neighborhood group that has pressed for the repairs since a chunk of "
            "concrete fell onto a walking path in May 2023."
        ),
        (
            '"This bridge is the spine of the east side," said Council Member Dana Ortiz, who '
            'represents the district. "People have waited long enough, and they deserve a crossing '
            'they can trust."'
        ),
        (
            "Construction is expected to begin next spring and last roughly 30 months, according to "
            "the city's public works department. During that time, traffic will be diverted to the "
            "Oak Avenue bridge, about a mile to the north, which officials said could add 10 to 15 "
            "minutes to some commutes."
        ),
        (
            "The plan approved Tuesday is the third version presented to the council. An earlier "
            "proposal, which would have replaced the bridge with a four-lane span, was rejected last "
            "year after residents complained that it would bring heavy truck traffic into a mostly "
            "residential area. A second version, which called for repairing the existing structure, "
            "was shelved when engineers found that the steel beams were more corroded than inspectors"
            " had reported."
        ),
        (
            "Public Works Director Samuel Greene told the council that the new design keeps two lanes"
            " for cars, adds a protected bike lane and widens the sidewalks on both sides. He said "
            "the bridge would be built to last at least 75 years."
        ),
        (
            '"We looked at every option on the table," Greene said. "This is the one that balances '
            'cost, safety and what the neighborhood told us it wanted."'
        ),
        (
            "The project will be paid for with a mix of federal infrastructure money, state "
            "transportation grants and a city bond. The city's share is estimated at $14 million, "
            "which Finance Director Helen Marsh said can be covered without raising property taxes. "
            "Marsh cautioned, however, that the figure may change if construction costs keep rising."
        ),
        (
            "Council Member Robert Lin, who voted against the plan, said he supports rebuilding the "
            "bridge but worries that the city is moving too fast. He pointed to a consultant's "
            "report, released in March, which found that the project might run over budget by as much"
            " as 20 percent."
        ),
        (
            '"I want this bridge built as much as anyone," Lin said. "But I have seen too many '
            "projects in this city start with one number and end with another. We owe taxpayers a "
            'clear answer on what happens if the costs go up."'
        ),
        (
            "The report, prepared by the engineering firm Halvorsen & Price, reviewed 40 bridge "
            "projects of similar size in the region over the past decade. It found that most of them "
            "finished within 10 percent of their original budgets, but that several ran far over "
            "because of delays in obtaining permits and materials."
        ),
        (
            "Supporters of the plan said the risks of waiting were greater than the risks of moving "
            'ahead. The bridge was rated "poor" in the state\'s most recent inspection, and weight '
            "limits imposed in 2022 already force school buses and fire trucks to take longer routes."
        ),
        (
            "Fire Chief Maria Delgado told the council that the detour adds up to four minutes to "
            'response times for calls on the east side. "In our line of work, four minutes is a long '
            'time," she said.'
        ),
        (
            "The bridge has a long history in Riverton. It was built in 1931 as part of a public "
            "works program and was widened once, in 1968. It was reportedly the site of a famous "
            "1950s labor march, though city historians said they have found few records of the event."
        ),
        (
            "Residents who spoke at the meeting were divided, though most favored the plan. Some said"
            " they were worried about noise and dust during construction. Others asked whether small "
            "businesses along Fifth Street would be compensated for lost customers while the bridge "
            "is closed."
        ),
        (
            "Tom Whitaker, who owns a hardware store two blocks from the bridge, said his sales fell "
            'sharply when the weight limits went into effect. "If they close the bridge for two and a'
            " half years, I don't know if we'll make it,\" he said. \"I hope the city has a plan for "
            'us."'
        ),
        (
            "The council also approved a measure directing staff to study a grant program for "
            "businesses affected by the closure. Council Member Ortiz said she expected the program "
            "to be ready before construction begins."
        ),
        (
            "Mayor Angela Price, who does not have a vote on the council, praised the decision in a "
            "statement released after the meeting. She said the bridge was among the most important "
            "projects the city had taken on in a generation."
        ),
        (
            "Critics of the mayor have argued that her administration delayed the project for "
            "political reasons, an accusation she has denied. Her office said the delays were caused "
            "by the need to secure federal money and by the discovery of the corroded beams."
        ),
        (
            "The next step is a 60-day public comment period on the final design, followed by a bid "
            "process that is scheduled to open in January. City officials said they hope to announce "
            "a contractor by late spring."
        ),
        (
            'Neighborhood leaders said they would keep watching. "We got the vote," said Lucia '
            'Romero, a founder of the Fix It Now group. "Now we want to see shovels in the ground."'
        ),
        (
            "The council is set to receive its first progress report on the project in September. "
            "Until then, the weight limits and detours remain in place, and officials urged drivers "
            "to plan for delays during peak hours."
        ),
    ]
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--number", type=int, default=300)
    args = parser.parse_args(argv)
    analyzer = Analyzer()
    analysis = analyzer.analyze(Article(body=STORY))
    finder = analyzer._hedges  # the finder the engine uses, with its compiled pattern
    words = analysis.word_count

    def once() -> object:
        return finder.find(STORY, analysis.sentences, analysis.quotes, analysis.attributions)

    # CPU time of this process, so other work on a shared machine does not count.
    timings = timeit.repeat(once, number=args.number, repeat=args.repeat, timer=time.process_time)
    best = min(timings) / args.number
    print(
        f"{words} words, {len(analysis.hedges)} hedges: {best * 1e3:.3f} ms per article, "
        f"{best * 1e6 / words:.3f} ms per 1,000 words (best of {args.repeat} x {args.number})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
