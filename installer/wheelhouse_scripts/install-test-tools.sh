#!/bin/sh
# Cài thêm công cụ kiểm thử (pytest, pytest-qt, hypothesis) vào môi trường đã cài bằng install.sh,
# KHÔNG cần mạng. Installs the test tools into the environment install.sh made, with no network.
#
#   sh install-test-tools.sh [THƯ_MỤC_CÀI]     (mặc định: ~/.local/share/bvct-desktop/venv)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=${1:-"$HOME/.local/share/bvct-desktop/venv"}
if [ ! -x "$target/bin/python" ]; then
    echo "Chưa có môi trường tại $target: chạy install.sh trước." >&2
    exit 1
fi
PIP_CONFIG_FILE=/dev/null "$target/bin/python" -m pip install --no-index --find-links "$here/test-wheels" \
    --find-links "$here/wheels" --only-binary=:all: --require-hashes --no-warn-script-location \
    --disable-pip-version-check -r "$here/requirements-test.txt"
echo "Đã cài công cụ kiểm thử vào $target."
