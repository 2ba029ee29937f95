"""The smoke test's own detectors catch what they are there to catch: a network attempt, a
traceback, an error logged, a font not embedded in a PDF."""

import shutil
import subprocess
import sys

import pytest
from reportlab.pdfgen.canvas import Canvas

from installer import smoke


def _fake_bundle(folder, script: str) -> smoke.Bundle:
    if smoke.WINDOWS:
        pytest.skip("a Python script cannot stand in for bvct.exe on Windows")
    program = folder / "bundle" / ("bvct.exe" if smoke.WINDOWS else "bvct")
    program.parent.mkdir()
    program.write_text(f"#!{sys.executable}\n{script}\n", encoding="utf-8")
    program.chmod(0o755)
    (folder / "work").mkdir()
    return smoke.Bundle(program.parent, folder / "work")


@pytest.mark.skipif(not shutil.which("strace"), reason="strace is not installed")
def test_a_connection_attempt_is_caught(tmp_path):
    bundle = _fake_bundle(tmp_path, "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 9), 1)\n"
                                    "except OSError:\n    pass")
    with pytest.raises(smoke.SmokeFailure, match="tried the network"):
        bundle.run("bvct")


@pytest.mark.skipif(not smoke.offline_prefix(), reason="unshare cannot make a network namespace here")
def test_the_programs_run_with_no_network_at_all(tmp_path):
    probe = "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 9), 1)\nexcept OSError as e:\n" \
            "    print(e.errno)"
    done = subprocess.run([*smoke.offline_prefix(), sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip() == "101"  # ENETUNREACH: no route anywhere, not even a timeout


def test_a_traceback_fails_even_with_exit_zero(tmp_path):
    bundle = _fake_bundle(tmp_path, "import sys\nprint('Traceback (most recent call last):', file=sys.stderr)")
    with pytest.raises(smoke.SmokeFailure, match="Traceback"):
        bundle.run("bvct")


def test_an_error_in_the_programs_log_fails(tmp_path):
    bundle = _fake_bundle(tmp_path, "import os, pathlib\np = pathlib.Path(os.environ['XDG_STATE_HOME'], 'BVCT Desktop',"
                                    " 'log', 'bvct.log')\np.parent.mkdir(parents=True)\np.write_text('x')")
    with pytest.raises(smoke.SmokeFailure, match="logged an unexpected error"):
        bundle.run("bvct")


def test_the_programs_get_no_system_fonts_and_their_own_home(tmp_path):
    bundle = _fake_bundle(tmp_path, "import os\nprint(os.environ['HOME'], os.environ.get('FONTCONFIG_FILE', ''))")
    home, fonts = (bundle.run("bvct").split() + [""])[:2]
    assert home.startswith(str(tmp_path))
    assert smoke.WINDOWS or "<dir>" not in open(fonts, encoding="utf-8").read()


def test_a_pdf_with_a_font_not_embedded_fails(tmp_path):
    pdf = tmp_path / "helvetica.pdf"
    canvas = Canvas(str(pdf))
    canvas.drawString(72, 720, "BÁO CÁO")  # Helvetica, one of the 14 fonts a PDF may leave out
    canvas.save()
    assert smoke.pdf_fonts(pdf) == {"/Helvetica": False}
    with pytest.raises(smoke.SmokeFailure, match="not embedded"):
        smoke.check_pdf(pdf, "BÁO CÁO")
