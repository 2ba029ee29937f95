#!/bin/sh
# Cài BVCT Desktop {{VERSION}} từ thư mục này, KHÔNG cần mạng (Linux x86-64, Python {{PYTHON}}).
# Installs BVCT Desktop from this folder with no network: a virtual environment, then pip with
# --no-index --require-hashes (only the wheels here, each checked against requirements.txt).
#
#   sh install.sh [THƯ_MỤC_CÀI]     (mặc định: ~/.local/share/bvct-desktop/venv)
#   PYTHON=/đường/dẫn/python{{PYTHON}} sh install.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=${1:-"$HOME/.local/share/bvct-desktop/venv"}
python=${PYTHON:-python{{PYTHON}}}

if ! "$python" -c 'import sys; sys.exit("%d.%d" % sys.version_info[:2] != "{{PYTHON}}")' 2>/dev/null; then
    echo "Cần Python {{PYTHON}} (không tìm thấy «$python»). Đặt PYTHON=đường dẫn tới python{{PYTHON}}." >&2
    exit 1
fi
echo "Tạo môi trường Python tại: $target"
"$python" -m venv "$target"
# No pip configuration of this PC (indexes, find-links) takes part: only the wheels here.
PIP_CONFIG_FILE=/dev/null "$target/bin/python" -m pip install --no-index --find-links "$here/wheels" \
    --only-binary=:all: --require-hashes --no-warn-script-location --disable-pip-version-check \
    -r "$here/requirements.txt"
"$target/bin/bvct" --version
echo
echo "Đã cài xong. Mở chương trình: $target/bin/bvct-desktop"
echo "Dòng lệnh: $target/bin/bvct --help"
