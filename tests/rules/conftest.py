"""The rule tests' `check`: like the shared one, with HB105 (role-takes-part) off unless a test asks for it.

Many rule tests add a spare role (`roles/helper.yml`) to break; that it takes part
in no step is true but beside the point there. HB105 has its own tests, which pass
`settings` explicitly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest

from generator.rules.checking import Report, RuleSetting, check_handbook
from tests.conftest import WriteHandbook

QUIET: Mapping[str, RuleSetting] = {"role-takes-part": "off"}


@pytest.fixture
def check(write_handbook: WriteHandbook) -> Callable[..., Report]:
    def run(
        files: Mapping[str, str | bytes | None] | None = None,
        *,
        settings: Mapping[str, RuleSetting] = QUIET,
        **kwargs: object,
    ) -> Report:
        return check_handbook(write_handbook(files), settings=settings, **kwargs)  # type: ignore[arg-type]

    return run
