"""Answering questions: what is asked (routes), where it stands (retrieval), cited answers."""
