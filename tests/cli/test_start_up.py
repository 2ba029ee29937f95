"""`bvct --version` and `bvct template` start at once: a command loads only what it uses, and the
command line still knows every command."""

import subprocess
import sys

import pytest

from bvct_desktop.cli import main as cli_main

HEAVY = ("sqlalchemy", "alembic", "reportlab", "reportlab.pdfgen", "docx", "PySide6", "python_calamine", "argon2",
         "openpyxl")


def _loaded_by(argv: list[str], tmp_path) -> set[str]:
    code = ("import sys; from bvct_desktop.cli.main import main; code = main(sys.argv[1:]); "
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules)); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return set(eval(done.stdout.strip().splitlines()[-1]))  # noqa: S307 - our own printed list


def test_version_loads_no_library_of_the_commands(tmp_path):
    assert _loaded_by(["--version"], tmp_path) == set()


def test_template_loads_the_workbook_writer_only(tmp_path):
    assert _loaded_by(["template", "slips", "--out", str(tmp_path / "mau.xlsx")], tmp_path) == set()
    assert (tmp_path / "mau.xlsx").stat().st_size > 0


def test_every_command_word_is_declared_by_its_registrar():
    for module, name, words in cli_main.REGISTRARS:
        registered = []
        getattr(__import__(f"bvct_desktop.cli.{module}", fromlist=[name]), name)(_Recorder(registered))
        assert registered == list(words), module


class _Recorder:
    def __init__(self, names: list[str]):
        self.names = names

    def add_parser(self, name, **_):
        self.names.append(name)
        return _Anything()


class _Anything:
    def __getattr__(self, _name):
        return lambda *args, **kwargs: _Anything()


@pytest.mark.parametrize(("argv", "shown"), [
    (["imprt", "cadres"], "«imprt» không hợp lệ"),
    (["--db"], "--db cần một giá trị"),
    ([], "Thiếu lệnh"),
])
def test_a_wrong_command_line_is_told_as_before(cli, capsys, argv, shown):
    code, _, err = cli(*argv)
    assert code == 2 and shown in err


def test_help_lists_every_command(cli):
    code, out, _ = cli("--help")
    assert code == 0 and all(word in out for _, _, words in cli_main.REGISTRARS for word in words)


def test_import_loads_no_document_library(cli, cadres_file, tmp_path):
    assert _loaded_by(["import", "cadres", str(cadres_file)], tmp_path).isdisjoint({"reportlab", "docx", "PySide6"})


def test_the_report_figures_load_no_document_writer(cli, tmp_path):
    """`report --format json` counts and prints: the PDF, Word and Excel writers stay unloaded."""
    loaded = _loaded_by(["report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json", "--out", "-"],
                        tmp_path)
    assert "sqlalchemy" in loaded and loaded.isdisjoint({"reportlab.pdfgen", "docx", "openpyxl", "PySide6"})


def test_import_starts_reading_the_sheet_before_loading_the_database_libraries(cadres_file, tmp_path):
    """The reader child works while the program loads what it needs and unlocks the database."""
    code = ("import sys; from bvct_desktop.io import sheet_process; started = sheet_process.Reading.__init__; "
            "seen = []; sheet_process.Reading.__init__ = lambda self, *args: "
            "(seen.append('sqlalchemy' in sys.modules), started(self, *args))[-1]; "
            "from bvct_desktop.cli.main import main; main(sys.argv[1:]); print(seen)")
    done = subprocess.run([sys.executable, "-c", code, "--db", str(tmp_path / "chua-co.db"), "import", "cadres",
                           str(cadres_file)], capture_output=True, text=True, cwd=tmp_path)
    assert done.stdout.strip().splitlines()[-1] == "[False]"
