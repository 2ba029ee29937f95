"""The Inno Setup script keeps its promises on paper (the Windows workflow builds it, installs,
upgrades and uninstalls it on a Windows runner): a fixed AppId, 64-bit, per-user by default with
per-machine as an option, Vietnamese shortcuts and wizard, the old `_internal` removed on
upgrade, the data folder never touched and said so, a check that the program is not running."""

import re
from pathlib import Path

import pytest

WINDOWS = Path(__file__).resolve().parents[2] / "installer" / "windows"
APP_ID = "{{5C1E8F4A-2B7D-4E9A-9F36-8D0B1A7C4E21}"  # never to change: upgrades find the installed copy by it


@pytest.fixture(scope="module")
def script() -> str:
    raw = (WINDOWS / "bvct-desktop.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads UTF-8 only with a byte-order mark"
    return raw.decode("utf-8-sig")


def setting(script: str, name: str) -> str:
    return re.search(rf"^{name}=(.*)$", script, re.MULTILINE).group(1).strip()


def section(script: str, name: str) -> str:
    return re.search(rf"^\[{name}\]\r?\n(.*?)(?=^\[|\Z)", script, re.MULTILINE | re.DOTALL).group(1)


def test_the_app_id_is_fixed(script):
    assert setting(script, "AppId") == APP_ID


def test_64_bit_per_user_by_default_per_machine_on_request(script):
    assert setting(script, "ArchitecturesInstallIn64BitMode") == "x64compatible"
    assert setting(script, "ArchitecturesAllowed") == "x64compatible"
    assert setting(script, "PrivilegesRequired") == "lowest"
    assert "dialog" in setting(script, "PrivilegesRequiredOverridesAllowed")
    assert setting(script, "DefaultDirName").startswith("{autopf}")


def test_shortcuts_have_vietnamese_names(script):
    icons = section(script, "Icons")
    assert "{autoprograms}\\{#ShortcutName}" in icons and "{autodesktop}\\{#ShortcutName}" in icons
    assert "Gỡ cài đặt BVCT Desktop" in icons
    assert '#define ShortcutName "BVCT Desktop – Quản lý bảo vệ chính trị nội bộ"' in script


def test_an_upgrade_removes_the_previous_internal_folder_first(script):
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in section(script, "InstallDelete")


def test_the_data_folder_is_never_deleted_and_the_uninstaller_says_so(script):
    deleting = section(script, "InstallDelete") + section(script, "UninstallDelete")
    assert "{localappdata}" not in deleting and "{userappdata}" not in deleting and "BVCT Desktop" not in deleting
    assert all(line.split("Name:")[1].strip().startswith('"{app}') for line in deleting.splitlines()
               if line.startswith("Type:"))
    assert "CurUninstallStepChanged" in script and "DataKept" in script
    messages = (WINDOWS / "Vietnamese.isl").read_text(encoding="utf-8-sig")
    assert re.search(r"^ConfirmUninstall=.*DỮ LIỆU ĐƯỢC GIỮ NGUYÊN", messages, re.MULTILINE)


def test_it_will_not_install_or_uninstall_while_the_program_runs(script):
    assert "bvct-desktop.exe" in script and "Win32_Process" in script
    assert re.search(r"function InitializeSetup\(\): Boolean;\s+begin\s+Result := WaitUntilClosed\(\);", script)
    assert re.search(r"function InitializeUninstall\(\): Boolean;\s+begin\s+Result := WaitUntilClosed\(\);", script)


def test_the_wizard_speaks_vietnamese(script):
    assert 'MessagesFile: "compiler:Default.isl,Vietnamese.isl"' in script
    raw = (WINDOWS / "Vietnamese.isl").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    messages = raw.decode("utf-8-sig")
    assert "LanguageID=$042A" in messages
    for key in ("ButtonNext", "ButtonInstall", "WelcomeLabel1", "FinishedLabel", "PrivilegesRequiredOverrideAllUsers",
                "PrivilegesRequiredOverrideCurrentUser", "CreateDesktopIcon", "LaunchProgram"):
        assert re.search(rf"^{key}=\S", messages, re.MULTILINE), key


def test_the_bundle_it_packs_is_the_one_the_build_makes(script):
    from installer import build

    assert f'#define BundleDir "..\\..\\dist\\{build.BUNDLE_NAME}"' in script
    assert '#define IconFile "..\\..\\build\\pyinstaller\\bvct\\app.ico"' in script
    assert build.WORK.relative_to(build.ROOT).as_posix() == "build/pyinstaller"


def test_the_windows_workflow_builds_tests_packs_and_exercises_the_installer():
    workflow = (WINDOWS.parents[1] / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    steps = ['python-version: "3.11"', "installer.wheelhouse --platform windows", "--no-index",
             "--require-hashes", "New-NetFirewallRule", "installer.build", "ISCC.exe", "bvct-desktop.iss",
             "SHA256SUMS.txt", "/CURRENTUSER", "installer.smoke", "stale-from-an-old-version.dll", "unins000.exe"]
    positions = [workflow.index(step) for step in steps]
    assert positions == sorted(positions)  # in this order: nothing is packed before it was tested


def test_bvct_is_typed_in_cmd_as_the_readme_says(script):
    icons = section(script, "Icons")
    assert re.search(r'^Name: "\{autoprograms\}\\Dòng lệnh BVCT"; Filename: "\{cmd\}";.*WorkingDir: "\{app\}"',
                     icons, re.MULTILINE)
    registry = section(script, "Registry")
    assert 'Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"' in registry
    assert 'ValueData: "{olddata};{app}"; Check: NotOnUserPath(ExpandConstant(\'{app}\'))' in registry
    assert "uninsdeletevalue" not in registry  # that would delete the officer's whole PATH
    assert setting(script, "ChangesEnvironment") == "yes"
    assert re.search(r"if \(CurUninstallStep = usUninstall\) and not IsAdminInstallMode\(\) then\s+"
                     r"TakeOffUserPath\(ExpandConstant\('\{app\}'\)\);", script)
