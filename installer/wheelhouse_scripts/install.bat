@echo off
rem Cai BVCT Desktop {{VERSION}} tu thu muc nay, KHONG can mang (Windows 10/11 64-bit, Python {{PYTHON}}).
rem Installs BVCT Desktop from this folder with no network: a virtual environment, then pip with
rem --no-index --require-hashes (only the wheels here, each checked against requirements.txt).
rem   install.bat [THU_MUC_CAI]   (mac dinh: %LOCALAPPDATA%\Programs\BVCT Desktop Python)
setlocal
chcp 65001 >nul
set "HERE=%~dp0"
set "TARGET=%~1"
if "%TARGET%"=="" set "TARGET=%LOCALAPPDATA%\Programs\BVCT Desktop Python"
set "PY=py -{{PYTHON}}"
%PY% -c "import sys" >nul 2>&1 || set "PY=python"
%PY% -c "import sys; sys.exit('%%d.%%d' %% sys.version_info[:2] != '{{PYTHON}}')" >nul 2>&1
if errorlevel 1 (
    echo Cần Python {{PYTHON}} 64-bit. Cài Python {{PYTHON}} từ bộ cài ngoại tuyến ^(python-{{PYTHON}}.x-amd64.exe^) rồi chạy lại.
    exit /b 1
)
echo Tạo môi trường Python tại: %TARGET%
%PY% -m venv "%TARGET%" || exit /b 1
rem No pip configuration of this PC (indexes, find-links) takes part: only the wheels here.
set "PIP_CONFIG_FILE=nul"
"%TARGET%\Scripts\python.exe" -m pip install --no-index --find-links "%HERE%wheels" --only-binary=:all: ^
    --require-hashes --no-warn-script-location --disable-pip-version-check -r "%HERE%requirements.txt" || exit /b 1
"%TARGET%\Scripts\bvct.exe" --version || exit /b 1
echo.
echo Đã cài xong. Mở chương trình: "%TARGET%\Scripts\bvct-desktop.exe"
endlocal
