"""The options of a document (profile, secrecy, password), for the commands that print or issue one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..io.documents import profile
from .arguments import encryption_password
from .parser import add_encryption

if TYPE_CHECKING:  # the writers are imported when a document is made: `report --format json` needs none
    from ..io.documents.render import Options


def add_document_options(parser, out: str, out_help: str = "tệp sẽ ghi") -> None:
    """`--out`, `--profile`, `--secret`/`--no-secret` and `--encrypt-password-file`."""
    parser.add_argument("--out", required=True, metavar=out, help=out_help)
    parser.add_argument("--profile", metavar="THỂ_THỨC", help=f"hồ sơ thể thức (mặc định {profile.DEFAULT})")
    secrecy = parser.add_mutually_exclusive_group()
    secrecy.add_argument("--secret", dest="secrecy", action="store_const", const=profile.SECRET,
                         help="đóng dấu MẬT dưới số văn bản, trang đầu của mỗi văn bản (lần in này)")
    secrecy.add_argument("--no-secret", dest="secrecy", action="store_const", const="",
                         help="không đóng dấu MẬT (lần in này)")
    add_encryption(parser)


def document_options(args) -> Options:
    from ..io.documents.render import Options

    return Options(profile.load(getattr(args, "profile", None) or profile.DEFAULT),
                   getattr(args, "secrecy", None), encryption_password(args))


def unsigned_note(db, issued) -> str | None:
    """What the officer is told of the document `issued` when it was issued with no signer's name
    (`documents_data.unsigned`); asked while the database is open."""
    from ..core import documents_data

    if issued.number is None or not documents_data.unsigned(db, issued.on):
        return None
    return f"Lưu ý: {documents_data.UNSIGNED}; đặt trước lần phát hành sau: bvct settings set nguoi_ky \"Họ và tên\"."


def profile_note(options: Options) -> None:
    """Says, after the document is written, that its profile is not verified yet (HD 05/2026)."""
    if options.profile.unverified_note:
        print(f"Lưu ý: {options.profile.unverified_note}")
