"""The words a reader or editor sees, per language, and the one decision of the handbook's language.

The bottom layer: it imports nothing else of the tool, and every other layer may import it.
"""
