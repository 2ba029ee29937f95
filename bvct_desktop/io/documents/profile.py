"""Format profiles: the editable layout values of a document rule (HD 36, HD 05/2026 …).

A profile is a TOML file in resources/profiles/; an office changes margins, sizes or the
default recipients there, without touching the program.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from ...core.errors import InputError
from ...resources import resource_path

DEFAULT = "hd36"
_SIZES = {"A4": A4}
SECRECY_PLACES = ("under_number",)  # HD 36, 10a: under the number and symbol
SECRET = "MẬT"  # the secrecy mark's text


@dataclass(frozen=True)
class Profile:
    key: str
    name: str
    draft: bool
    page_size: tuple[float, float]
    margins: tuple[float, float, float, float]  # top, bottom, left, right in points
    sizes: dict[str, float]
    line: float
    paragraph_after: float
    first_line_indent: float
    signature_space: float
    pad_day_below: int
    pad_month_below: int
    recipients: tuple[str, ...]
    slip: dict[str, object]
    listing: dict[str, float]  # the landscape registers: size, line, padding (pt); margins (pt)
    secrecy_box: tuple[float, float]  # the secrecy stamp's width and height, in points
    secrecy_place: str  # where the stamp goes: "under_number" (HD 36, 10a)
    data: dict  # the profile as read, kept with an issued document so it prints again the same

    @property
    def unverified(self) -> str:
        """Why the profile may not be trusted yet ("" for a verified one)."""
        return f"Thể thức «{self.name}» chưa được đối chiếu với văn bản gốc." if self.draft else ""

    @property
    def unverified_note(self) -> str:
        """What the officer is told on choosing, or writing with, an unverified profile ("" for a verified one)."""
        return (f"{self.unverified} Văn bản in theo các giá trị chép từ HD 36; đối chiếu trước khi phát hành."
                if self.draft else "")

    @property
    def listing_margins(self) -> tuple[float, float, float, float]:
        """The landscape registers' margins: top, bottom, left, right in points."""
        return tuple(self.listing[f"margin_{side}"] for side in ("top", "bottom", "left", "right"))

    def size(self, role: str) -> float:
        return self.sizes[role]

    def leading(self, size: float) -> float:
        return size * self.line


def profile_path(key: str) -> Path:
    return resource_path(f"profiles/{key}.toml")


def available() -> list[str]:
    """The profile keys bundled with the program (file names without .toml)."""
    return sorted(path.stem for path in profile_path(DEFAULT).parent.glob("*.toml"))


def load(key: str = DEFAULT) -> Profile:
    try:
        path = profile_path(key)
    except FileNotFoundError:
        raise InputError(f"Không có hồ sơ thể thức «{key}»; chọn một trong: {', '.join(available())}.") from None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"Hồ sơ thể thức «{path}» sai cấu trúc ({error}); hãy sửa tệp.") from None
    return from_data(key, data, str(path))


def from_data(key: str, data: dict, where: str = "") -> Profile:
    """A profile from its values (a file just read, or those an issued document was made with)."""
    try:
        page, spacing, secrecy = data["page"], data["spacing"], data["secrecy"]
        profile = Profile(
            key=key, name=data["name"], draft=bool(data.get("draft", False)),
            page_size=_SIZES[page["size"]],
            margins=tuple(float(page[side]) * mm for side in
                          ("margin_top", "margin_bottom", "margin_left", "margin_right")),
            sizes={role: float(size) for role, size in data["font_size"].items()},
            line=float(spacing["line"]), paragraph_after=float(spacing["paragraph_after"]),
            first_line_indent=float(spacing["first_line_indent"]) * mm,
            signature_space=float(spacing["signature_space"]) * mm,
            pad_day_below=int(data["date"]["pad_day_below"]),
            pad_month_below=int(data["date"]["pad_month_below"]),
            recipients=tuple(data["recipients_default"]["lines"]),
            slip=dict(data["slip"]),
            listing={name: float(value) * (mm if name.startswith("margin") else 1)
                     for name, value in data["listing"].items()},
            secrecy_box=(float(secrecy["width"]) * mm, float(secrecy["height"]) * mm),
            secrecy_place=str(secrecy["place"]),
            data=data,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(f"Hồ sơ thể thức «{where or key}» sai cấu trúc ({error}); hãy sửa tệp.") from None
    if profile.secrecy_place not in SECRECY_PLACES:
        raise InputError(f"Hồ sơ thể thức «{where or key}»: vị trí dấu độ mật «{profile.secrecy_place}» chưa hỗ trợ; "
                         f"dùng một trong: {', '.join(SECRECY_PLACES)}.")
    return profile
