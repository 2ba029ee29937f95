"""Documents: 1,000 slips in one PDF against a bare canvas, and the report over 1,000,000 slips.

slips   measured: render.slips_pdf of 1,000 synthetic slips (one page each, HD 36 layout,
                  wrapping, dotted lines, signature and reply blocks), to bytes in memory.
        baseline: a bare reportlab Canvas with the same fonts drawing exactly the same strings
                  at the same places (recorded from one measured run), page by page, to bytes.
        target:   ratio ≤ 1.5.
report  measured: documents_data.report_document end to end (permissions, figures, settings,
                  narrative and appendices, PDF written to disk, audit) for the last year of the
                  1,000,000-slip encrypted database (2016–2025), as an office runs it each year.
        baseline: for information, report.figures alone (the JSON report) for the same year.
        target:   median ≤ 3 s.
        Also printed, for information: the same over a period holding all 1,000,000 slips.
"""

import datetime as dt
import io
import tempfile
from pathlib import Path

import common
import fixtures
import synthetic
from reportlab.pdfgen.canvas import Canvas

from bvct_desktop.core import documents_data, report
from bvct_desktop.core.settings import SETTINGS, History
from bvct_desktop.io.documents import fonts, pdf, profile, render
from bvct_desktop.io.documents.layout import DocumentCanvas
from bvct_desktop.io.documents.report_content import subject

SLIPS = 1_000
REPORT_ROWS = 1_000_000
SLIP_RATIO, REPORT_SECONDS = 1.5, 3.0
OFFICE = History([(setting.key, None, setting.default) for setting in SETTINGS]
                 + [("nguoi_ky", None, "Nguyễn Văn Hòa")])
DRAWS = ("drawString", "drawCentredString", "drawRightString")


def slip_records(n: int) -> list[dict]:
    return [{"id": index, **record} for index, record in enumerate(synthetic.slip_rows(n, seed=1))]


class Recorder(DocumentCanvas):
    """Keeps every string the slip form draws: (page, method, font, size, x, y, text)."""

    strings: list[tuple] = []

    def _record(self, method: str, x: float, y: float, text: str) -> None:
        Recorder.strings.append((self.getPageNumber(), method, self._fontname, self._fontsize, x, y, text))

    def drawString(self, x, y, text, *args, **kwargs):  # noqa: N802 - reportlab's names
        self._record("drawString", x, y, text)
        return super().drawString(x, y, text, *args, **kwargs)

    def drawCentredString(self, x, y, text, *args, **kwargs):  # noqa: N802
        self._record("drawCentredString", x, y, text)
        return super().drawCentredString(x, y, text, *args, **kwargs)

    def drawRightString(self, x, y, text, *args, **kwargs):  # noqa: N802
        self._record("drawRightString", x, y, text)
        return super().drawRightString(x, y, text, *args, **kwargs)


def record_strings(slips: list[dict], options: render.Options) -> list[tuple]:
    Recorder.strings = []
    original = pdf.DocumentCanvas
    pdf.DocumentCanvas = Recorder
    try:
        render.slips_pdf(OFFICE, slips, options)
    finally:
        pdf.DocumentCanvas = original
    return Recorder.strings


def bare_canvas(strings: list[tuple], page_size) -> bytes:
    sink = io.BytesIO()
    canvas = Canvas(sink, pagesize=page_size, initialFontName=fonts.REGULAR, pageCompression=1)
    page, font = 1, None
    for number, method, name, size, x, y, text in strings:
        if number != page:
            canvas.showPage()
            page, font = number, None
        if (name, size) != font:
            canvas.setFont(name, size)
            font = (name, size)
        getattr(canvas, method)(x, y, text)
    canvas.save()
    return sink.getvalue()


def slips_figure(scale: float, repeat: int, profile_run: bool) -> common.Figure:
    count = max(10, round(SLIPS * min(scale, 1.0)))
    options = render.Options(profile.load())
    fonts.register()
    slips = slip_records(count)
    strings = record_strings(slips, options)
    pages = len({string[0] for string in strings})
    if pages != count:
        raise SystemExit(f"expected {count} one-page slips, drew {pages} pages")
    baseline_runs, runs = common.alternate(
        lambda: common.timed(lambda: bare_canvas(strings, options.profile.page_size)),
        lambda: common.timed(lambda: render.slips_pdf(OFFICE, slips, options)), repeat)
    if profile_run:
        common.profile(lambda: render.slips_pdf(OFFICE, slips, options))
    figure = common.Figure(f"{count:,} slips in one PDF", SLIP_RATIO, runs, baseline_runs)
    common.print_figure(figure, "bare canvas, same strings", "render.slips_pdf")
    return figure


def report_figure(scale: float, repeat: int, profile_run: bool) -> common.Figure:
    rows = common.scaled(REPORT_ROWS, scale)
    db = fixtures.open_database(fixtures.slip_database(rows))
    options = render.Options(profile.load())
    folder = Path(tempfile.mkdtemp(prefix="bvct-report-"))
    target = folder / "bao-cao.pdf"

    write = render.report_writer("pdf", target, options)

    def document(start: dt.date, end: dt.date) -> None:
        documents_data.report_document(db, start, end, target, subject(start, end), write)

    year = (dt.date(synthetic.LAST_DAY.year, 1, 1), synthetic.LAST_DAY)
    try:
        document(*year)  # warms the caches, as any run after the first finds them
        baseline_runs, runs = common.alternate(lambda: common.timed(lambda: report.figures(db, *year)),
                                               lambda: common.timed(lambda: document(*year)), repeat)
        if profile_run:
            common.profile(lambda: document(*year))
        everything = common.timed(lambda: document(synthetic.FIRST_DAY, synthetic.LAST_DAY))
    finally:
        db.close()
        target.unlink(missing_ok=True)
        folder.rmdir()
    figure = common.Figure(f"yearly report PDF, {rows:,}-slip database", REPORT_SECONDS, runs, baseline_runs,
                           absolute=True)
    common.print_figure(figure, "report.figures (JSON), same year", "documents_data.report_document → PDF")
    print(f"  for information: the report over all {rows:,} slips took {everything:.3f} s")
    return figure


def run(scale: float = 1.0, repeat: int = 5, profile: bool = False) -> list[common.Figure]:
    return [slips_figure(scale, repeat, profile), report_figure(scale, repeat, profile)]


if __name__ == "__main__":
    args = common.arguments(__doc__.splitlines()[0], default_repeat=5)
    run(args.scale, args.repeat, args.profile)
