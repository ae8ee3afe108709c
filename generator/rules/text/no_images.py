"""Text shows no images: no `![…](…)`.

Why: an image loads from wherever its address points (including `data:`
addresses that hide content from a reviewer), and a checklist does not need
pictures. Link to the picture instead; the site shows image syntax as text.

Failing example::

    details: ![流程圖](https://example.com/flow.png)

Passing example::

    details: 參考[流程圖](https://example.com/flow.png)
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.text_values import prose
from generator.source.texts import IMAGE
from generator.words.messages import msg

ID = "HB051"
NAME = "no-images"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for value in prose(source):
        if IMAGE.search(value.text):
            yield Finding(value.at, msg("no_images", field=value.field))
