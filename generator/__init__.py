"""Role handbook compiler: YAML roles and processes → validated model → Markdown pages."""

from __future__ import annotations

__version__ = "0.1.0"
