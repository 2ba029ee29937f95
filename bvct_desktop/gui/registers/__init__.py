"""The registers: one page per kind of record (the contract in notes/gui-contract.md)."""

from ..context import AppContext
from .page import RegisterPage

REGISTER_KINDS: list[tuple[str, str]] = [
    ("cadres", "Cán bộ"),
    ("vetting-cases", "Hồ sơ thẩm tra"),
    ("slips", "Phiếu xác minh"),
    ("archive-requests", "Tàng thư"),
    ("delegations", "Đoàn ra nước ngoài"),
    ("complaints", "Đơn thư"),
]
TITLES = {
    "cadres": "Danh sách cán bộ",
    "vetting-cases": "Hồ sơ thẩm tra, xác minh tiêu chuẩn chính trị",
    "slips": "Phiếu yêu cầu xác minh lai lịch",
    "archive-requests": "Nghiên cứu tàng thư",
    "delegations": "Đoàn ra nước ngoài",
    "complaints": "Đơn thư khiếu nại, tố cáo",
}


def make_register_page(context: AppContext, kind: str) -> RegisterPage:
    return RegisterPage(context, kind, TITLES[kind])


__all__ = ["REGISTER_KINDS", "RegisterPage", "make_register_page"]
