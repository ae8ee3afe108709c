"""The text rules (see the registry in generator/rules/__init__.py)."""
