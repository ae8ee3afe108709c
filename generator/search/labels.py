"""The search box's words in the handbook's language, from the label catalog (generator/words)."""

from __future__ import annotations

from generator.words.labels import labels_for

PREFIX = "search."


def search_labels(language: str | None) -> dict[str, str]:
    """The `search.*` labels without their prefix: what meta.json carries to handbook-search.js."""
    return {key[len(PREFIX) :]: value for key, value in labels_for(language).items() if key.startswith(PREFIX)}
