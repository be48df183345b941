"""Storage: the SQLite store, the vector index, conversations and feedback."""
