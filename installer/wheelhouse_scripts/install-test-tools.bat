@echo off
rem Cai them cong cu kiem thu vao moi truong da cai bang install.bat, KHONG can mang.
rem Installs the test tools into the environment install.bat made, with no network.
rem   install-test-tools.bat [THU_MUC_CAI]   (mac dinh: %LOCALAPPDATA%\Programs\BVCT Desktop Python)
setlocal
chcp 65001 >nul
set "HERE=%~dp0"
set "TARGET=%~1"
if "%TARGET%"=="" set "TARGET=%LOCALAPPDATA%\Programs\BVCT Desktop Python"
if not exist "%TARGET%\Scripts\python.exe" (
    echo Chưa có môi trường tại %TARGET%: chạy install.bat trước.
    exit /b 1
)
set "PIP_CONFIG_FILE=nul"
"%TARGET%\Scripts\python.exe" -m pip install --no-index --find-links "%HERE%test-wheels" --find-links "%HERE%wheels" ^
    --only-binary=:all: --require-hashes --no-warn-script-location --disable-pip-version-check ^
    -r "%HERE%requirements-test.txt" || exit /b 1
echo Đã cài công cụ kiểm thử vào %TARGET%.
endlocal
