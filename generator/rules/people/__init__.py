"""The people rules (see the registry in generator/rules/__init__.py): people/<id>.yml files."""
