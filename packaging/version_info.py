"""Write the Windows version resource of ``hoiku-desk.exe`` from the package version.

The version has one source, the package metadata (``pyproject.toml``); the spec calls
:func:`write` on Windows and passes the file to ``EXE(version=...)``.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

TEMPLATE = """# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('041104b0', [
      StringStruct('CompanyName', 'hoiku-desk'),
      StringStruct('FileDescription', 'Hoiku Desk - 一時保育の受付'),
      StringStruct('FileVersion', '{text}'),
      StringStruct('InternalName', 'hoiku-desk'),
      StringStruct('OriginalFilename', 'hoiku-desk.exe'),
      StringStruct('ProductName', 'Hoiku Desk'),
      StringStruct('ProductVersion', '{text}')])]),
    VarFileInfo([VarStruct('Translation', [0x0411, 1200])])
  ]
)
"""


def numbers(text: str) -> tuple[int, int, int, int]:
    """'0.1.0' → (0, 1, 0, 0); pre-release and local parts are dropped."""
    parts = [int(p) for p in re.findall(r"\d+", text.split("+")[0])[:4]]
    return tuple((parts + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def write(target: Path, distribution: str = "hoiku-desk") -> Path:
    """Write the version resource for the installed ``distribution`` to ``target``."""
    text = version(distribution)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(TEMPLATE.format(numbers=numbers(text), text=text), encoding="utf-8")
    return target


if __name__ == "__main__":
    print(write(Path("build") / "version_info.txt"))
