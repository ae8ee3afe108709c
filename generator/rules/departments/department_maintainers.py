"""Every department lists its `maintainers`: git-host handles (`@name`, `@org/team`) or e-mail addresses.

Why: `handbook codeowners` gives each department's files to its maintainers, so a
pull request that changes them waits for their approval. A department without
maintainers, or with a name CODEOWNERS cannot read, would let anyone change it.

Failing example::

    maintainers:
      - 王小明

Passing example::

    maintainers:
      - "@wang-xiaoming"
      - sales-leads@example.com
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.departments import is_maintainer
from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB073"
NAME = "department-maintainers"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    tree = source.tree
    if source.kind != "department" or tree is None:
        return
    maintainers = tree.data.get("maintainers")
    if maintainers is None or maintainers == []:
        at = tree.at(("maintainers",), key="maintainers" in tree.data)
        yield Finding(at, msg("department_maintainers.missing"))
        return
    if not isinstance(maintainers, list):
        return  # the value-type rule says it must be a list
    texts = [(index, item) for index, item in enumerate(maintainers) if isinstance(item, str)]
    for index, item in texts:
        if not is_maintainer(item.strip()):
            yield Finding(tree.at(("maintainers", index)), msg("department_maintainers.bad", maintainer=item))
