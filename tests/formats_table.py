"""Questions and claims over the reports of every format (tests/data/formats), with what a right
answer must say and each claim's verdict, decided from the fixture text by hand.

Each question row: (part, format, question, must contain, must not contain, found).
Each claim row: (part, format, claim, verdict, report id cited or None).

``part`` is "tuned" for rows the answerer and checker were developed against, "held-out" for
rows written first, about reports and phrasings kept aside, and never tuned on: their score
measures how far the work carries to reports and wordings no one tuned for.
"""

from __future__ import annotations

S, C, U = "supported", "contradicted", "unverifiable"
TUNED, HELD = "tuned", "held-out"
RATINGS, Y2012, CORE, GENERAL = "ratings", "inspection-2012", "core-case", "general"

QUESTIONS: list[tuple[str, str, str, list[str], list[str], bool]] = [
    # --- held out: written first, never tuned on --------------------------------------------
    (HELD, RATINGS, "How was Cold Ashby rated?", ["Good"], ["%"], True),
    (HELD, RATINGS, "What rating did Penmarrow get overall?", ["Inadequate"], ["%"], True),
    (HELD, RATINGS, "What was Penmarrow's score?", ["6/36"], ["6%"], True),
    (HELD, RATINGS, "Which standards did Penmarrow get Inadequate for?", ["1.2", "2.2"], [], True),
    (
        HELD,
        RATINGS,
        "What should the Director of Children's Services in Cold Ashby do?",
        ["deputy manager"],
        [],
        True,
    ),
    (
        HELD,
        RATINGS,
        "What was Cold Ashby's rating for 2.2 Planning?",
        ["Requires improvement"],
        ["%"],
        True,
    ),
    (
        HELD,
        Y2012,
        "What judgement did Redbank get for protecting the public?",
        ["Poor"],
        ["%"],
        True,
    ),
    (HELD, Y2012, "How was reducing reoffending judged in Redbank?", ["Good"], ["%"], True),
    (HELD, CORE, "What was Southfold's risk of harm score last time?", ["29%"], [], True),
    (HELD, CORE, "How much did Southfold's safeguarding score improve?", ["40%", "61%"], [], True),
    # --- tuned ---------------------------------------------------------------------------------
    (TUNED, RATINGS, "What was Harrowfield rated overall?", ["Requires improvement"], ["%"], True),
    (
        TUNED,
        RATINGS,
        "What is Harrowfield's overall rating?",
        ["Requires improvement"],
        ["%"],
        True,
    ),
    (TUNED, RATINGS, "What was Harrowfield's points score?", ["17/36"], ["17%"], True),
    (
        TUNED,
        RATINGS,
        "Which standards were rated inadequate in Harrowfield?",
        ["2.2", "3.4"],
        ["1.1"],
        True,
    ),
    (
        TUNED,
        RATINGS,
        "Which Harrowfield standards were rated good?",
        ["1.1", "1.2", "2.3"],
        ["2.2"],
        True,
    ),
    (TUNED, RATINGS, "What was Harrowfield's rating for 2.2?", ["Inadequate"], ["%"], True),
    (
        TUNED,
        RATINGS,
        "What should the Head of Service in Harrowfield do?",
        ["keep other people safe"],
        [],
        True,
    ),
    (
        TUNED,
        RATINGS,
        "What share of cases in Harrowfield had assessment that analysed how to keep "
        "other people safe?",
        ["69%"],
        [],
        True,
    ),
    (
        TUNED,
        RATINGS,
        "How did out-of-court work compare with court work in Harrowfield?",
        ["Out-of-court", "Court"],
        [],
        True,
    ),
    (TUNED, RATINGS, "What does the Harrowfield glossary say?", ["Glossary"], [], True),
    (
        TUNED,
        Y2012,
        "What was Eastmere's judgement for governance and partnerships?",
        ["Poor"],
        ["%"],
        True,
    ),
    (TUNED, Y2012, "How was protecting the child rated in Eastmere?", ["Good"], ["%"], True),
    (
        TUNED,
        CORE,
        "What was Northbridge and Moorvale's previous safeguarding score?",
        ["43%"],
        [],
        True,
    ),
    (
        TUNED,
        CORE,
        "How much did safeguarding improve in Northbridge and Moorvale?",
        ["43%", "61%"],
        [],
        True,
    ),
    (TUNED, RATINGS, "What does OOCD mean?", ["Out-of-court disposal"], [], True),
    (TUNED, Y2012, "What does PSR stand for in Eastmere?", ["Pre-sentence report"], [], True),
    (TUNED, GENERAL, "What does ROTL mean?", ["Release on temporary licence"], [], True),
    (
        TUNED,
        RATINGS,
        "Compare the overall rating of Harrowfield and Cold Ashby",
        ["Good", "Requires improvement"],
        ["%"],
        True,
    ),
    (
        TUNED,
        RATINGS,
        "What should the local authority in Harrowfield do?",
        ["speech and language"],
        [],
        True,
    ),
    # no verb before the rating word; a judgement asked for as a noun; a change asked with
    # no "score" in it, of every reinspection loaded
    (TUNED, RATINGS, "which Harrowfield standards were outstanding", ["3.1"], ["2.2"], True),
    (TUNED, RATINGS, "Harrowfield's overall judgement?", ["Requires improvement"], ["%"], True),
    (
        TUNED,
        CORE,
        "by how much did risk of harm change",
        ["34%", "29%", "57%", "up 23", "up 28"],
        [],
        True,
    ),
    (
        TUNED,
        RATINGS,
        "What share of cases in Penmarrow had assessment that analysed how to keep other "
        "people safe?",
        ["31%"],
        ["44%"],
        True,
    ),
    # the table of the areas inspected so far: its row, never a mean of the report's own scores
    (
        TUNED,
        CORE,
        "What was the average safeguarding score of the areas inspected so far?",
        ["63%", "64%"],
        ["65.4", "31%", "88%"],
        True,
    ),
    (
        TUNED,
        CORE,
        "How did 2.2 in Wessex Vale compare with the areas inspected so far?",
        ["50%", "94%", "74%", "81%"],
        [],
        True,
    ),
    (
        TUNED,
        RATINGS,
        "What was the local authority in Harrowfield asked to do?",
        ["speech and language"],
        [],
        True,
    ),
]

CLAIMS: list[tuple[str, str, str, str, str | None]] = [
    # --- held out: written first, never tuned on --------------------------------------------
    (HELD, RATINGS, "Cold Ashby's youth justice service was rated Good.", S, "cold-ashby-2023"),
    (HELD, RATINGS, "Penmarrow was rated Requires improvement overall.", C, "penmarrow-2024"),
    (HELD, RATINGS, "Penmarrow scored 6/36.", S, "penmarrow-2024"),
    (HELD, RATINGS, "Cold Ashby scored 29 out of 39 points.", C, "cold-ashby-2023"),
    (
        HELD,
        RATINGS,
        "In Cold Ashby, 88% of cases had assessment focused on keeping other people safe.",
        S,
        "cold-ashby-2023",
    ),
    (HELD, RATINGS, "Cold Ashby's planning (2.2) was rated Good.", C, "cold-ashby-2023"),
    (HELD, Y2012, "Redbank's work to protect the public was judged Poor.", S, None),
    (HELD, Y2012, "Redbank was judged Good for protecting the child.", C, None),
    (HELD, CORE, "Southfold's risk of harm score rose from 29% to 57%.", S, None),
    (HELD, CORE, "Southfold's safeguarding score improved from 45% to 61%.", C, None),
    # --- tuned ---------------------------------------------------------------------------------
    (TUNED, RATINGS, "Harrowfield was rated Good overall.", C, "harrowfield-2021"),
    (TUNED, RATINGS, "Harrowfield was rated Requires improvement overall.", S, "harrowfield-2021"),
    (TUNED, RATINGS, "Harrowfield scored 17 out of 36.", S, "harrowfield-2021"),
    (TUNED, RATINGS, "Harrowfield scored 21/36 points.", C, "harrowfield-2021"),
    (
        TUNED,
        RATINGS,
        "In Harrowfield, under standard 2.1, 69% of cases had an assessment that analysed "
        "how to keep other people safe.",
        S,
        "harrowfield-2021",
    ),
    (
        TUNED,
        RATINGS,
        "In Harrowfield, under standard 2.1, 79% of cases had an assessment that analysed "
        "how to keep other people safe.",
        C,
        "harrowfield-2021",
    ),
    (
        TUNED,
        RATINGS,
        "Harrowfield's planning standard (2.2) was rated Inadequate.",
        S,
        "harrowfield-2021",
    ),
    (
        TUNED,
        RATINGS,
        "Harrowfield's 1.1 Governance and leadership was rated Outstanding.",
        C,
        "harrowfield-2021",
    ),
    (TUNED, Y2012, "Eastmere's governance and partnerships were judged Poor.", S, None),
    (TUNED, Y2012, "Eastmere was judged Good for reducing reoffending.", C, None),
    (TUNED, CORE, "Northbridge and Moorvale's previous safeguarding score was 43%.", S, None),
    (TUNED, CORE, "Northbridge and Moorvale's previous safeguarding score was 48%.", C, None),
    (TUNED, CORE, "Safeguarding in Northbridge and Moorvale improved from 43% to 61%.", S, None),
    (TUNED, CORE, "Safeguarding in Northbridge and Moorvale improved from 43% to 66%.", C, None),
    (TUNED, RATINGS, "Harrowfield's overall rating was 17%.", U, None),
    # The same key question stands under 2.1 (69%) and 3.1 (90%): which one is not said.
    (
        TUNED,
        RATINGS,
        "In Harrowfield, 69% of cases had an assessment that analysed how to keep other "
        "people safe.",
        U,
        None,
    ),
    (
        TUNED,
        RATINGS,
        "Under 3.1, 90% of assessments analysed how to keep other people safe in Harrowfield.",
        S,
        "harrowfield-2021",
    ),
    (TUNED, CORE, "Northbridge and Moorvale's safeguarding was rated Good.", U, None),
    # the current value first, and "points" inside "out of"
    (TUNED, CORE, "In Northbridge and Moorvale 1.2 scored 72%, up from 55%.", S, None),
    (TUNED, CORE, "In Northbridge and Moorvale 1.2 scored 72%, up from 50%.", C, None),
    (TUNED, RATINGS, "Harrowfield scored 17 points out of 36.", S, "harrowfield-2021"),
    (TUNED, RATINGS, "Harrowfield scored 19 points out of 36.", C, "harrowfield-2021"),
    # the table of the areas inspected so far (Wessex Vale's comparison variant)
    (
        TUNED,
        CORE,
        "Wessex Vale's 2.2 score of 81% was above the average of 74% for the areas inspected "
        "so far.",
        S,
        "wessex-vale-2011",
    ),
    (
        TUNED,
        CORE,
        "Wessex Vale's 3.1 score was below the lowest of the areas inspected so far, 29%.",
        C,
        "wessex-vale-2011",
    ),
    (
        TUNED,
        CORE,
        "The highest risk of harm score of the areas inspected so far was 84% in Wessex Vale's "
        "table.",
        S,
        "wessex-vale-2011",
    ),
]
