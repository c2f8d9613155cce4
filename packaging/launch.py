"""The bundled program's entry point: the same as the ``hoiku-desk`` command."""

import sys

from hoiku_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
