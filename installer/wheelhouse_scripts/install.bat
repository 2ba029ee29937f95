@echo off
rem Cai BVCT Desktop {{VERSION}} tu thu muc nay, KHONG can mang (Windows 10/11 64-bit, Python {{PYTHON}}).
rem Installs BVCT Desktop from this folder with no network: a virtual environment, then pip with
rem --no-index --require-hashes (only the wheels here, each checked against requirements.txt).
rem   install.bat [THU_MUC_CAI]   (mac dinh: %LOCALAPPDATA%\Programs\BVCT Desktop Python)
rem Every ending goes through :end, which keeps a double-clicked window open until a key is pressed.
setlocal
chcp 65001 >nul
rem Double-clicked in Explorer, cmd runs as `cmd /c ""...\install.bat" "`; typed in cmd, it does not.
echo %cmdcmdline% | find /i "%~nx0" >nul && set "DOUBLE_CLICKED=1"
set "STATUS=1"
set "HERE=%~dp0"
set "TARGET=%~1"
if "%TARGET%"=="" set "TARGET=%LOCALAPPDATA%\Programs\BVCT Desktop Python"
set "PROGRAM=%TARGET%\Scripts\bvct-desktop.exe"
set "SHORTCUT=%APPDATA%\Microsoft\Windows\Start Menu\Programs\BVCT Desktop.lnk"
set "PY=py -{{PYTHON}}"
%PY% -c "import sys" >nul 2>&1 || set "PY=python"
%PY% -c "import sys; sys.exit('%%d.%%d' %% sys.version_info[:2] != '{{PYTHON}}')" >nul 2>&1
if not errorlevel 1 goto :python_found
echo Cần Python {{PYTHON}} 64-bit. Cài Python {{PYTHON}} từ bộ cài ngoại tuyến ^(python-{{PYTHON}}.x-amd64.exe^) rồi chạy lại.
goto :end
:python_found
echo Tạo môi trường Python tại: %TARGET%
%PY% -m venv "%TARGET%" || goto :end
rem No pip configuration of this PC (indexes, find-links) takes part: only the wheels here.
set "PIP_CONFIG_FILE=nul"
"%TARGET%\Scripts\python.exe" -m pip install --no-index --find-links "%HERE%wheels" --only-binary=:all: ^
    --require-hashes --no-warn-script-location --disable-pip-version-check -r "%HERE%requirements.txt" || goto :end
"%TARGET%\Scripts\bvct.exe" --version || goto :end
set "STATUS=0"
powershell -NoProfile -Command "$s = (New-Object -ComObject WScript.Shell).CreateShortcut($env:SHORTCUT); $s.TargetPath = $env:PROGRAM; $s.Save()" >nul 2>&1 || set "SHORTCUT="
echo.
echo Đã cài xong.
echo   Chương trình: "%TARGET%\Scripts\bvct-desktop.exe"
echo   Dòng lệnh:    "%TARGET%\Scripts\bvct.exe"
if defined SHORTCUT echo   Biểu tượng «BVCT Desktop» đã có trong menu Start.
if not defined SHORTCUT echo   Không tạo được biểu tượng trong menu Start: mở chương trình bằng đường dẫn trên.
:end
if not "%STATUS%"=="0" echo. & echo Chưa cài xong: xem thông báo lỗi ở trên.
if defined DOUBLE_CLICKED pause
endlocal & exit /b %STATUS%
