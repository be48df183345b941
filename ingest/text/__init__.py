"""The language layer: tokens, stems, stopwords, sentences, quotes, terms and numbers.

Pure functions over text, shared by the parser (ingest), the answerer and the claim checker.
It imports nothing else of the project, so every other package may build on it.
"""
