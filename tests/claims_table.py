"""Claims and their expected verdicts over the sample (Sefton 2009) and fictional (Wessex Vale
2011) reports.

Each row: (loaded reports, claim, verdict, cited section, cited report). ``loaded`` is "s"
(sample only), "w" (fictional only) or "sw" (both). For supported and contradicted rows the
evidence must include the given section (and report, when given); unverifiable rows cite
nothing in particular.
"""

from __future__ import annotations

S, C, U = "supported", "contradicted", "unverifiable"
SEF, WV = "sefton-2009", "wessex-vale-2011"

CLAIMS: list[tuple[str, str, str, str | None, str | None]] = [
    # --- headline scores: true, changed number, swapped measure -------------------------------
    ("s", "The Safeguarding score was 38%.", S, "summary", SEF),
    ("s", "The Safeguarding score was 28%.", C, "summary", SEF),  # 28% is criterion 1.3
    ("s", "The risk of harm score was 36%.", S, "summary", SEF),
    ("s", "The RoH score was 46%.", C, "summary", SEF),  # 46% is criterion 1.1
    ("s", "The Likelihood of Reoffending score was 50%.", S, "summary", SEF),
    ("s", "Safeguarding work was done well enough 38% of the time.", S, "summary", SEF),
    ("s", "Sefton scored 38% for Safeguarding and 46% for Risk of Harm.", C, "summary", SEF),
    (
        "w",
        "The Likelihood of Reoffending score was 78%, requiring minimum improvement.",
        S,
        "summary",
        WV,
    ),
    (
        "w",
        "Safeguarding work was done well enough sixty-four per cent of the time.",
        S,
        "summary",
        WV,
    ),
    ("w", "The safeguarding score was 61 per cent.", C, "summary", WV),
    # --- criteria by number and by name ----------------------------------------------------------
    ("s", "Criterion 1.3 Safeguarding scored 28%.", S, "1.3", SEF),
    ("s", "Criterion 1.3 scored 38%.", C, "1.3", SEF),  # 38% is the headline score
    ("s", "The Risk of Harm to others criterion scored 46%.", S, "1.1", SEF),
    ("s", "The Safeguarding assessment score was 28%.", S, "1.3", SEF),
    ("w", "Criterion 1.2 scored 97%.", C, "1.2", WV),
    ("w", "The Sustaining Outcomes criterion scored 73%.", S, "3.2", WV),
    ("w", "The Achievement of Outcomes criterion scored 73%.", C, "3.1", WV),  # 73% is 3.2
    # --- overall section scores ------------------------------------------------------------------
    ("s", "The overall score for Assessment and Sentence Planning was 45%.", C, "1", SEF),
    ("s", "The overall score for Assessment and Sentence Planning was 42%.", S, "1", SEF),
    ("s", "The Outcomes score was 52%.", S, "3", SEF),
    ("s", "Section 2 scored 45%.", S, "2", SEF),
    ("w", "The overall score for Delivery and Review of Interventions was 65%.", C, "2", WV),
    # --- bands -----------------------------------------------------------------------------------
    ("s", "3.2 required substantial improvement.", C, "3.2", SEF),
    ("s", "3.2 required moderate improvement.", S, "3.2", SEF),
    ("s", "Safeguarding required drastic improvement.", S, "summary", SEF),
    ("s", "The Likelihood of Reoffending score required drastic improvement.", C, "summary", SEF),
    ("s", "LoR was 50%, requiring substantial improvement.", S, "summary", SEF),
    ("w", "The Risk of Harm score required drastic improvement.", C, "summary", WV),
    ("w", "Criterion 2.1 required moderate improvement.", C, "2.1", WV),
    # --- computed: counts, superlatives, comparisons -------------------------------------------
    ("s", "Seven of the eight criteria require substantial or drastic improvement.", S, "1.1", SEF),
    ("s", "Six of the eight criteria require substantial or drastic improvement.", C, "1.1", SEF),
    ("s", "Three criteria required drastic improvement.", S, "1.3", SEF),
    ("s", "Most criteria require substantial or drastic improvement.", S, "3.1", SEF),
    ("s", "All three headline scores were below 50%.", C, "summary", SEF),
    ("s", "Two of the three headline scores required drastic improvement.", S, "summary", SEF),
    ("s", "The lowest-scoring criterion was 1.3.", S, "1.3", SEF),
    ("s", "The lowest-scoring criterion was 2.1.", C, "1.3", SEF),
    ("s", "Safeguarding was the lowest-scoring criterion.", S, "1.3", SEF),
    ("s", "The highest-scoring criterion was 3.2 at 68%.", S, "3.2", SEF),
    ("s", "The Safeguarding score was lower than the Risk of Harm score.", C, "summary", SEF),
    ("s", "The Risk of Harm score was lower than the Safeguarding score.", S, "summary", SEF),
    ("w", "Three of the eight criteria require substantial improvement.", S, "1.1", WV),
    ("w", "None of the criteria required drastic improvement.", S, "1.1", WV),
    ("w", "All three headline scores were above 50%.", S, "summary", WV),
    ("w", "The lowest-scoring criterion was 1.3.", C, "3.1", WV),
    ("w", "Most criteria required minimum improvement.", C, "1.2", WV),
    ("w", "At least five criteria scored 55% or more.", S, "1.1", WV),
    ("sw", "Sefton's safeguarding score was lower than Wessex Vale's.", S, "summary", WV),
    ("sw", "Sefton's Risk of Harm score was higher than Wessex Vale's.", C, "summary", SEF),
    (
        "sw",
        "In Wessex Vale, four of the eight criteria require substantial improvement.",
        C,
        "1.1",
        WV,
    ),
    ("s", "The average criterion score was 44%.", C, "1.1", SEF),  # mean 45.25%
    ("w", "The average headline score was 66%.", S, "summary", WV),
    ("s", "Criteria 1.1 and 1.2 scored 46% and 45% respectively.", S, "1.2", SEF),
    ("s", "Sefton's safeguarding score was above 30%.", S, "summary", SEF),
    ("s", "Safeguarding scored over 40%.", C, "summary", SEF),
    ("s", "The Safeguarding score was not 38%.", C, "summary", SEF),
    # --- counts of listed items ----------------------------------------------------------------
    ("s", "Sefton made eight recommendations.", S, "recommendations", SEF),
    ("s", "Criterion 1.2 has seven areas for improvement.", S, "1.2", SEF),
    ("s", "There were four areas for improvement under 3.1.", C, "3.1", SEF),
    ("w", "Wessex Vale made six recommendations.", S, "recommendations", WV),
    # --- finding sentences and context / YJB facts ---------------------------------------------
    ("s", "In 28% of cases there had been no RoSH screening.", S, "1.1", SEF),
    ("s", "In 30% of cases there had been no RoSH screening.", C, "1.1", SEF),
    ("s", "Only a fifth of RoSH screenings were of sufficient quality.", S, "1.1", SEF),
    ("s", "Less than half of RoSH screenings were done on time.", S, "1.1", SEF),
    ("s", "The intervention plan had been reviewed in only 25% of cases.", C, "1.2", SEF),
    (
        "s",
        "A high priority had been given to victim safety in only one of the nine cases.",
        S,
        "2.1",
        SEF,
    ),
    (
        "s",
        "A high priority had been given to victim safety in two of the nine cases.",
        C,
        "2.1",
        SEF,
    ),
    ("s", "The area had a population of 283,000.", S, "context", SEF),
    ("s", "Sefton had a population of 290,000.", C, "context", SEF),
    ("s", "Sefton's ETE performance was 88%, above the England average of 72%.", S, "context", SEF),
    (
        "s",
        "The reoffending rate after 9 months was 64%, worse than the England average of 85%.",
        C,
        "context",
        SEF,
    ),
    (
        "w",
        "Where a full RoSH assessment was needed, it had been done in five of the seven cases.",
        C,
        "1.1",
        WV,
    ),
    (
        "w",
        "Performance on ensuring suitable accommodation was 91%, better than the England "
        "average of 94%.",
        C,
        "context",
        WV,
    ),
    ("w", "Eleven children and young people completed a questionnaire.", S, "service-users", WV),
    ("w", "Reported crime levels were 39 per 1,000.", C, "context", WV),
    ("w", "The vulnerability screening had been completed on time in 58% of cases.", S, "1.3", WV),
    ("sw", "In 28% of cases there had been no RoSH screening.", S, "1.1", SEF),
    (
        "sw",
        "The Wessex Vale reoffending rate after 9 months was 102%, worse than the England "
        "average of 88%.",
        S,
        "context",
        WV,
    ),
    # --- which report ----------------------------------------------------------------------------
    ("sw", "Sefton's Safeguarding score was 38%.", S, "summary", SEF),
    ("sw", "Wessex Vale's Safeguarding score was 38%.", C, "summary", WV),
    ("sw", "The 2009 report gave Safeguarding 38%.", S, "summary", SEF),
    ("sw", "Sefton's overall score for Outcomes was 52%, Wessex Vale's was 58%.", S, "3", WV),
    ("sw", "The Safeguarding score was 38%.", U, None, None),  # no area named; reports differ
    # --- unverifiable: other areas and years, off-topic numbers, ambiguity -------------------
    ("s", "In Barnsley the safeguarding score was 50%.", U, None, None),
    ("s", "In Barnsley the safeguarding score was 38%.", U, None, None),
    ("s", "Leeds's safeguarding score was 38%.", U, None, None),
    ("s", "In Merseyside, the Safeguarding score was 38%.", U, None, None),
    ("s", "Sefton's 2011 Safeguarding score was 38%.", U, None, None),
    ("s", "Sefton had 45% of cases with good weather.", U, None, None),
    ("s", "The overall score was 42%.", U, None, None),  # which section?
    ("s", "Drugs issues had been addressed in 81% of cases.", U, None, None),  # "respectively"
    ("s", "The Safeguarding score for criterion 4.1 was 38%.", U, None, None),
    ("w", "Wessex Vale's YOT was rated 90% for cake.", U, None, None),
    ("w", "Sefton's Safeguarding score was 38%.", U, None, None),  # Sefton not loaded
    ("sw", "Leeds scored 38% for Safeguarding.", U, None, None),
    ("sw", "Sefton's 2010 inspection found Safeguarding at 38%.", U, None, None),
]
