"""The README's screenshots of the desktop application, at the office PCs' 1366×768: the dashboard
of the nine months, the slips register and a cadre's file (the cadre named on 18 slips), on the
office's nine-month data set (benchmarks/office_day.py). Deterministic; run from the project root:

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [FOLDER]   # PNGs into docs/images/

The database is built in FOLDER (a temporary folder when not given).
"""

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import office_day  # noqa: E402 - found through the path above

from bvct_desktop.core import keyfile, periods  # noqa: E402
from bvct_desktop.gui import look  # noqa: E402
from bvct_desktop.gui.context import AppContext  # noqa: E402
from bvct_desktop.gui.dialogs import Dialogs  # noqa: E402
from bvct_desktop.gui.main_window import MainWindow  # noqa: E402
from bvct_desktop.gui.qt import QApplication, QWidget  # noqa: E402

SCREEN = (1366, 768)
OUT = ROOT / "docs" / "images"


def settle(app: QApplication, done=lambda: True, seconds: float = 30) -> None:
    """Lets Qt paint (and a page's reading on a worker finish)."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if done():
            break
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, name: str) -> Path:
    target = OUT / name
    widget.grab().save(str(target))
    print(target.relative_to(ROOT))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?")
    args = parser.parse_args(argv)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bvct-screens-"))
    app = QApplication.instance() or QApplication([])
    look.apply(app)
    db = office_day.build(folder, keyfile.KdfParams(1, 1024, 1))
    dialogs = Dialogs()
    dialogs.scripted = True
    window = MainWindow(AppContext(db=db, clock=lambda: office_day.TODAY, dialogs=dialogs))
    window.resize(*SCREEN)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)

    dashboard = window.current_page()
    dashboard.period.setCurrentIndex(periods.DASHBOARD_PERIODS.index(periods.NINE_MONTHS))
    settle(app, lambda: dashboard.task is None and dashboard.snapshot is not None and not dashboard._timer.isActive())
    save(window, "tong-quan-1366x768.png")

    window.navigation.select("slips")
    settle(app)
    save(window, "so-phieu-xac-minh-1366x768.png")

    window.navigation.select("cadres")
    register = window.current_page()
    register.search.setText(office_day.LONG_NAMES[0])
    settle(app)
    register.open_record(register.model.record_id(0))
    form = next(iter(register.forms.values()))
    form.resize(*SCREEN)
    form.tabs.setCurrentIndex(next(i for i in range(form.tabs.count()) if form.tabs.tabText(i).startswith("Phiếu")))
    settle(app)
    save(form, "ho-so-can-bo-1366x768.png")
    form.close()
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
