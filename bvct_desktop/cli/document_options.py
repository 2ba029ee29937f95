"""The options of a document (profile, secrecy, password), for the commands that print or issue one."""

from ..io.documents import profile, render
from .arguments import encryption_password
from .parser import add_encryption


def add_document_options(parser, out: str, out_help: str = "tệp sẽ ghi") -> None:
    """`--out`, `--profile`, `--secret`/`--no-secret` and `--encrypt-password-file`."""
    parser.add_argument("--out", required=True, metavar=out, help=out_help)
    parser.add_argument("--profile", metavar="THỂ_THỨC", help=f"hồ sơ thể thức (mặc định {profile.DEFAULT})")
    secrecy = parser.add_mutually_exclusive_group()
    secrecy.add_argument("--secret", dest="secrecy", action="store_const", const=render.SECRET,
                         help="đóng dấu MẬT dưới số văn bản, trang đầu của mỗi văn bản (lần in này)")
    secrecy.add_argument("--no-secret", dest="secrecy", action="store_const", const="",
                         help="không đóng dấu MẬT (lần in này)")
    add_encryption(parser)


def document_options(args) -> render.Options:
    return render.Options(profile.load(getattr(args, "profile", None) or profile.DEFAULT),
                          getattr(args, "secrecy", None), encryption_password(args))


def profile_note(options: render.Options) -> None:
    """Says, after the document is written, that its profile is not verified yet (HD 05/2026)."""
    if options.profile.unverified_note:
        print(f"Lưu ý: {options.profile.unverified_note}")
