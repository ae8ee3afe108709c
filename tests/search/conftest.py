"""The findability tests drive the same Chromium as tests/browser/."""

from tests.browser.conftest import browser

__all__ = ["browser"]
