"""How an officer names a research request in a list: the province asked, whom it is about, the letter."""

from collections.abc import Mapping
from typing import Any


def request_title(request: Mapping[str, Any], vetted_for: str | None = None) -> str:
    """«Thành phố Hồ Chí Minh – Võ Thị Bảy (văn bản số 20-CV/BTCTU ngày 05/03/2026)»: the province, the
    subject's full name, the letter's number when it has one, and its date; «(mẹ của Nguyễn Văn Hùng; văn bản…)»
    with whom the vetting it serves is for, when another (core/vetted_for)."""
    number = f"số {request['doc_no']} " if request["doc_no"] else ""
    whom = f"{vetted_for}; " if vetted_for else ""
    return (f"{request['province']} – {request['full_name']} "
            f"({whom}văn bản {number}ngày {request['doc_on']:%d/%m/%Y})")
