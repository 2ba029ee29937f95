@echo off
rem Cai them cong cu kiem thu vao moi truong da cai bang install.bat, KHONG can mang.
rem Installs the test tools into the environment install.bat made, with no network.
rem   install-test-tools.bat [THU_MUC_CAI]   (mac dinh: %LOCALAPPDATA%\Programs\BVCT Desktop Python)
rem Every ending goes through :end, which keeps a double-clicked window open until a key is pressed.
setlocal
chcp 65001 >nul
rem Double-clicked in Explorer, cmd runs as `cmd /c ""...\install-test-tools.bat" "`; typed in cmd, it does not.
echo %cmdcmdline% | find /i "%~nx0" >nul && set "DOUBLE_CLICKED=1"
set "STATUS=1"
set "HERE=%~dp0"
set "TARGET=%~1"
if "%TARGET%"=="" set "TARGET=%LOCALAPPDATA%\Programs\BVCT Desktop Python"
if exist "%TARGET%\Scripts\python.exe" goto :environment_found
echo Chưa có môi trường tại %TARGET%: chạy install.bat trước.
goto :end
:environment_found
set "PIP_CONFIG_FILE=nul"
"%TARGET%\Scripts\python.exe" -m pip install --no-index --find-links "%HERE%test-wheels" --find-links "%HERE%wheels" ^
    --only-binary=:all: --require-hashes --no-warn-script-location --disable-pip-version-check ^
    -r "%HERE%requirements-test.txt" || goto :end
set "STATUS=0"
echo Đã cài công cụ kiểm thử vào %TARGET%.
:end
if not "%STATUS%"=="0" echo. & echo Chưa cài xong: xem thông báo lỗi ở trên.
if defined DOUBLE_CLICKED pause
endlocal & exit /b %STATUS%
