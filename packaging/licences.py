"""The licence files of every distribution the bundle carries, for the ``licenses`` folder
beside the program (where Help → About points).

The distributions are hoiku-desk's requirements, followed through theirs (extras included
where a requirement names them, e.g. ``psycopg[binary]``).  A wheel's licence files sit in
its ``.dist-info`` folder; Qt's wheels carry none, so the GNU LGPL v3 and GPL v3 texts are
kept in ``hoiku_desk/resources/licenses`` with the printing font's licence.
"""

from __future__ import annotations

import re
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

NOTICE = re.compile(r"(?i)^(licen[cs]e|copying|notice|authors)")


def bundled_distributions(root: str = "hoiku-desk") -> list[metadata.Distribution]:
    """The distributions ``root`` needs to run, without ``root`` itself, by name."""
    found: dict[str, metadata.Distribution] = {}
    todo = [(root, frozenset[str]())]
    while todo:
        name, extras = todo.pop()
        key = canonicalize_name(name)
        if key in found:
            continue
        found[key] = dist = metadata.distribution(name)
        for text in dist.requires or ():
            wanted = Requirement(text)
            marker = wanted.marker
            if marker is None or any(marker.evaluate({"extra": e}) for e in ("", *extras)):
                todo.append((wanted.name, frozenset(wanted.extras)))
    del found[canonicalize_name(root)]
    return sorted(found.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def licence_files(root: str = "hoiku-desk") -> list[tuple[str, str]]:
    """PyInstaller data entries: each licence file of a bundled distribution, to
    ``licenses/<distribution>/``."""
    entries = []
    for dist in bundled_distributions(root):
        for file in dist.files or ():
            if file.parts[0].endswith(".dist-info") and NOTICE.match(file.name):
                entries.append((str(file.locate()), f"licenses/{dist.metadata['Name']}"))
    return entries
