"""Parser tests on the real sample (Sefton 2009) and the fictional report (Wessex Vale 2011).

Expected values, one table per report (the tests below are driven by these tables):

| field                  | sefton-2009                         | wessex-vale-2011                      |
|------------------------|-------------------------------------|---------------------------------------|
| published / fieldwork  | June 2009 / April 2009              | March 2011 / January 2011             |
| signatory              | Andrew Bridges, HM Chief Inspector  | Helen Marchbank, Acting HM Chief      |
|                        | of Probation                        | Inspector of Probation                |
| headline safeguarding  | 38 DRASTIC                          | 64 MODERATE                           |
| headline risk-of-harm  | 36 DRASTIC                          | 57 SUBSTANTIAL                        |
| headline LoR           | 50 SUBSTANTIAL                      | 78 MINIMUM                            |
| 1.1 1.2 1.3            | 46 SUB, 45 SUB, 28 DRA              | 55 SUB, 79 MIN, 62 MOD                |
| 2.1 2.2 2.3            | 29 DRA, 53 SUB, 52 SUB              | 58 SUB, 81 MIN, 66 MOD                |
| 3.1 3.2                | 41 DRA, 68 MOD                      | 49 SUB, 73 MOD                        |
| overall 1 / 2 / 3      | 42 / 45 / 52                        | 65 / 68 / 58                          |
| strengths/areas 1.1    | 2 / 5 (strengths printed (9) (10))  | 3 / 2                                 |
| 1.2                    | 5 / 7                               | 3 / 3                                 |
| 1.3                    | 2 / 4                               | 1 / 3                                 |
| 2.1                    | 1 / 4                               | 1 / 3 (areas printed (1) () (3))      |
| 2.2                    | 2 / 3                               | 3 / 1 (strengths printed (1) (2) (2)) |
| 2.3                    | 5 / 5                               | 2 / 4                                 |
| 3.1                    | 1 / 5                               | 2 / 2                                 |
| 3.2                    | 2 / 2                               | 1 / 2                                 |
| recommendations        | 8; 1 "YOT Manager, when appointed", | 6; 1-2 "Operations Manager", 3 "Head  |
|                        | 2-6 "YOT Manager", 7-8 "Chair of    | of Integrated Youth Support", 4 "YOT  |
|                        | Management Board"                   | Manager", 5 "Chair of the Management  |
|                        |                                     | Board", 6 "Director of Children’s     |
|                        |                                     | Services"                             |
| population             | 283,000                             | 171,500                               |
| per 1,000 (vs average) | 38 (46)                             | 29 (44)                               |
| England averages       | ETE 88 vs 72, accommodation 97 vs   | ETE 79 vs 73, accommodation 91 vs 94, |
|                        | 95, reoffending 64 vs 85            | reoffending 102 vs 88                 |
"""
