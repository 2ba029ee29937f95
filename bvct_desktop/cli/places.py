"""`bvct places`: the administrative units before and after 01/7/2025 (spec, commands table). No login."""

from ..core import gazetteer
from ..core.errors import InputError


def register(commands) -> None:
    places = commands.add_parser(
        "places", help="tra cứu địa danh trước và sau 01/7/2025 (không cần đăng nhập)",
        description="Tìm đơn vị hành chính theo tên cũ hoặc mới, có dấu hay không dấu; "
                    "thêm huyện, tỉnh sau dấu phẩy để thu hẹp: bvct places \"Ngũ Phụng, Phú Quí\"")
    places.set_defaults(handler=cmd_places, database=False)
    places.add_argument("text", nargs="+", metavar="TÊN",
                        help="tên đơn vị (cũ hoặc mới), có thể kèm «, huyện» và «, tỉnh»")


def cmd_places(args) -> int:
    text = " ".join(args.text)
    found = gazetteer.load().lookup(text)
    if not found:
        raise InputError(f"Không tìm thấy đơn vị hành chính «{text.strip()}» (trước hoặc sau {gazetteer.EFFECTIVE}).")
    for unit in found:
        print(gazetteer.describe(unit, text))
    return 0
