"""The letters of a person's file (its «Đơn thư» tab): a letter linked to no one, waiting for the officer to choose
among the cadres who bear the name it gives (letters.unlinked_naming), is marked at that name."""

from ...core.database import Database
from ...core.personfile import letters
from ..qt import QModelIndex, QPersistentModelIndex
from ..registers.model import DISPLAY, TOOLTIP, RegisterModel

WAITING = "chưa gắn với hồ sơ nào: có thể là người trùng tên"
WAITING_TIP = ("Đơn chưa gắn với hồ sơ cán bộ nào: có nhiều cán bộ cùng họ tên này. Mở đơn (bấm đúp) để chọn đúng "
               "cán bộ mà đơn nói đến.")


class FileLetters(RegisterModel):
    def __init__(self, db: Database, person_id: int, parent=None):
        super().__init__(db, "complaints", parent)
        self.person_id = person_id
        self._named = [column.key for column in self.columns].index("subject_name")
        self._waiting: set[int] = set()

    def _read_anew(self) -> None:
        self._waiting = letters.waiting_in_file(self.db, self.person_id)
        super()._read_anew()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY):
        value = super().data(index, role)
        if not index.isValid() or index.column() != self._named or self.record_id(index.row()) not in self._waiting:
            return value
        if role == DISPLAY:
            return f"{value} ({WAITING})"
        return WAITING_TIP if role == TOOLTIP else value
