"""The bundle's `bvct` (console): the command line, `bvct gui` included."""

from bvct_desktop.cli.main import run

run()
