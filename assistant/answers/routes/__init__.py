"""One module per kind of question: its slots, its detection rules (with their priorities),
its follow-up rule and its answer. Every module here is imported, and so registered, by
``registry.load_routes``: a new kind of question is one new module, its ``Route`` member and
its cue patterns in ``assistant/answers/cues.yaml``."""
