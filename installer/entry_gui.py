"""The bundle's `bvct-desktop` (windowed on Windows): the desktop application."""

import sys

from bvct_desktop.gui.app import main

sys.exit(main())
