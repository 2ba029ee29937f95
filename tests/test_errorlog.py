"""The error log: where an officer finds what went wrong, with no record values in it."""

from bvct_desktop import errorlog, paths
from bvct_desktop.core.errors import DISK_FULL


def test_a_failure_is_logged_without_the_names_of_files_only_their_folder():
    """Output files are named after people («trich-ngang-vuong-kha-ngan.pdf»): the log keeps where, not who."""
    errorlog.log_failure("print", f"{DISK_FULL}: không ghi được «E:\\in\\trich-ngang-vuong-kha-ngan.pdf»; không có "
                                  "tệp nào bị ghi dở.")
    errorlog.log_failure("export", f"{DISK_FULL}: không ghi được «vuong-kha-ngan.xlsx»; không có tệp nào bị ghi dở.")
    lines = paths.log_file().read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 3)[3] for line in lines] == [
        f"print: {DISK_FULL}: không ghi được «E:\\in\\…»; không có tệp nào bị ghi dở.",
        f"export: {DISK_FULL}: không ghi được «…»; không có tệp nào bị ghi dở."]
