; BVCT Desktop — Windows installer (Inno Setup 6.3 or later; UTF-8 with BOM).
;
; Packs the PyInstaller one-folder bundle (dist\bvct-desktop, built ON WINDOWS by
; `python -m installer.build`) into BVCT-Desktop-Setup-VERSION-x64.exe:
;   iscc /DAppVersion=0.1.0 installer\windows\bvct-desktop.iss
; (.github/workflows/windows.yml does it; installer/README.md gives the manual steps.)
;
; What it promises the officer:
; - 64-bit, installed for the current user by default (no administrator needed), or for all users
;   when chosen on the first page or with /ALLUSERS;
; - Start-menu and desktop shortcuts with Vietnamese names, and «Dòng lệnh BVCT»: a command prompt in
;   the program folder, where `bvct …` and `bvct-desktop …` run as the README says;
; - installed for the current user, the program folder goes on that user's PATH (once; taken off
;   again by the uninstaller), so a new cmd window finds `bvct` anywhere;
; - an upgrade replaces the whole previous `_internal` folder, so no stale DLL of an older
;   version is ever loaded beside the new ones;
; - data (bvct.db, bvct.db.keys, sao-luu\) live in %LOCALAPPDATA%\BVCT Desktop, never in the
;   program folder: installing, upgrading and uninstalling never touch them (the uninstaller says so);
; - it refuses to go on while BVCT Desktop is running;
; - the Visual C++ runtime: nothing to install — Python 3.11 and every compiled dependency are
;   built with MSVC 14.x, and PyInstaller copies the runtime DLLs they load (vcruntime140.dll,
;   vcruntime140_1.dll, msvcp140*.dll from PySide6) into _internal, where Windows finds them first;
;   the smoke test runs the bundle on a runner image before it is packed.

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z installer\windows\bvct-desktop.iss
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\bvct-desktop"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\pyinstaller\bvct\app.ico"
#endif
#define AppName "BVCT Desktop"
#define AppExe "bvct-desktop.exe"
#define AppPublisher "Ban Tổ chức Tỉnh ủy – Phòng Bảo vệ chính trị nội bộ"
#define ShortcutName "BVCT Desktop – Quản lý bảo vệ chính trị nội bộ"

[Setup]
; Fixed for every version: Windows finds the installed copy (and its folder) by it on upgrade.
AppId={{5C1E8F4A-2B7D-4E9A-9F36-8D0B1A7C4E21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription=Bộ cài đặt {#AppName}
; {autopf}: %LOCALAPPDATA%\Programs for one user, Program Files for all users.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=BVCT-Desktop-Setup-{#AppVersion}-x64
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
; Files in use are found by the Restart Manager too; [Code] below refuses earlier and says why.
CloseApplications=yes
RestartApplications=no
SetupLogging=yes
; Windows is told that PATH changed, so a cmd window opened after installing finds `bvct`.
ChangesEnvironment=yes

[Languages]
Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; The previous version's libraries go before the new ones are copied: a DLL that the new version
; no longer ships must not stay where Python and Qt would load it.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\bvct.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#ShortcutName}"; Filename: "{app}\{#AppExe}"; Comment: "Mở BVCT Desktop"
Name: "{autoprograms}\Dòng lệnh BVCT"; Filename: "{cmd}"; Parameters: "/k bvct --version"; WorkingDir: "{app}"; Comment: "Dấu nhắc lệnh trong thư mục chương trình: gõ bvct …"
Name: "{autoprograms}\Gỡ cài đặt BVCT Desktop"; Filename: "{uninstallexe}"; Comment: "Gỡ chương trình (dữ liệu được giữ nguyên)"
Name: "{autodesktop}\{#ShortcutName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Per-user installs only: a per-machine PATH would need HKLM, and the Start-menu prompt serves those.
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Check: NotOnUserPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[UninstallDelete]
; Only what the program itself put in its folder; the data folder is not named here on purpose.
Type: filesandordirs; Name: "{app}\_internal"

[CustomMessages]
vi.DataKept=Dữ liệu KHÔNG bị xóa: cơ sở dữ liệu (bvct.db, bvct.db.keys) và các bản sao lưu tự động trong%n%n    %1%n%nđược giữ nguyên. Cài lại hoặc cài bản mới sẽ mở lại đúng dữ liệu này. Muốn xóa hẳn thì tự xóa thư mục trên (sau khi đã sao lưu ra nơi an toàn).
vi.StillRunning=BVCT Desktop đang chạy. Hãy lưu công việc và đóng mọi cửa sổ BVCT Desktop (kể cả lệnh bvct đang chạy), rồi bấm Đồng ý để thử lại.

[Code]
const
  ProcessQuery = 'SELECT ProcessId FROM Win32_Process WHERE Name = ''bvct-desktop.exe'' OR Name = ''bvct.exe''';

{ True when a process of BVCT Desktop runs (any user: a per-machine copy may be open elsewhere). }
function ProgramRunning(): Boolean;
var
  Locator, Service, Found: Variant;
begin
  Result := False;
  try
    Locator := CreateOleObject('WbemScripting.SWbemLocator');
    Service := Locator.ConnectServer('.', 'root\CIMV2');
    Found := Service.ExecQuery(ProcessQuery);
    Result := Found.Count > 0;
  except
    { WMI unavailable: the Restart Manager (CloseApplications) still finds files in use. }
  end;
end;

function WaitUntilClosed(): Boolean;
begin
  Result := True;
  while ProgramRunning() do
    if SuppressibleMsgBox(CustomMessage('StillRunning'), mbError, MB_OKCANCEL, IDCANCEL) = IDCANCEL then
    begin
      Result := False;
      Exit;
    end;
end;

function InitializeSetup(): Boolean;
begin
  Result := WaitUntilClosed();
end;

function InitializeUninstall(): Boolean;
begin
  Result := WaitUntilClosed();
end;

function UserPath(): String;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Result) then
    Result := '';
end;

{ Compared whole entries, case-insensitively, with or without a trailing backslash. }
function OnPath(Path, Folder: String): Boolean;
begin
  Result := (Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Path) + ';') > 0) or
            (Pos(';' + Uppercase(Folder) + '\;', ';' + Uppercase(Path) + ';') > 0);
end;

function NotOnUserPath(Folder: String): Boolean;
begin
  Result := not IsAdminInstallMode() and not OnPath(UserPath(), Folder);
end;

procedure TakeOffUserPath(Folder: String);
var
  Before, Path: String;
begin
  Before := UserPath();
  Path := ';' + Before + ';';
  StringChangeEx(Path, ';' + Folder + ';', ';', True);
  Path := Copy(Path, 2, Length(Path) - 2);
  if Path <> Before then
    RegWriteExpandStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usUninstall) and not IsAdminInstallMode() then
    TakeOffUserPath(ExpandConstant('{app}'));
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\BVCT Desktop')]),
           mbInformation, MB_OK);
end;
