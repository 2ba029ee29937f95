"""Qt's own strings in Vietnamese (PySide6 ships no qtbase_vi.qm): message-box and dialog
buttons, file dialogs, the wizard, text-field menus and print preview go through this table."""

from .qt import QLocale, QTranslator

# Source texts exactly as Qt writes them; the context does not matter for these.
VIETNAMESE = {
    # Standard buttons (QPlatformTheme) and message boxes
    "OK": "Đồng ý", "&OK": "Đồng ý", "Save": "Lưu", "&Save": "&Lưu", "Save All": "Lưu tất cả",
    "Open": "Mở", "&Open": "&Mở", "&Yes": "&Có", "Yes": "Có", "Yes to &All": "Có với &tất cả",
    "&No": "&Không", "No": "Không", "N&o to All": "K&hông với tất cả", "Abort": "Hủy bỏ",
    "Retry": "Thử lại", "Ignore": "Bỏ qua", "Close": "Đóng", "&Close": "Đó&ng", "Cancel": "Hủy",
    "&Cancel": "&Hủy", "Discard": "Bỏ", "Don't Save": "Không lưu", "Close without Saving": "Đóng, không lưu",
    "Help": "Trợ giúp", "&Help": "&Trợ giúp", "Apply": "Áp dụng", "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định", "Show Details...": "Xem chi tiết…",
    "Hide Details...": "Ẩn chi tiết…",
    # QWizard
    "< &Back": "< &Quay lại", "&Next >": "&Tiếp theo >", "&Next": "&Tiếp theo", "&Finish": "&Hoàn tất",
    "Commit": "Xác nhận", "Done": "Xong", "Go Back": "Quay lại", "Continue": "Tiếp tục",
    # Text fields' context menu
    "&Undo": "&Hoàn tác", "&Redo": "&Làm lại", "Cu&t": "&Cắt", "&Copy": "&Sao chép", "&Paste": "&Dán",
    "Delete": "Xóa", "&Select All": "Chọn &tất cả", "Copy &Link Location": "Sao chép địa chỉ &liên kết",
    # QFileDialog
    "&Look in:": "Tìm tr&ong:", "File &name:": "&Tên tệp:", "Files of &type:": "Loại tệ&p:",
    "Directory:": "Thư mục:", "Back": "Lùi", "Forward": "Tới", "Parent Directory": "Thư mục cha",
    "Create New Folder": "Tạo thư mục mới", "List View": "Dạng danh sách", "Detail View": "Dạng chi tiết",
    "Name": "Tên", "Size": "Kích thước", "Type": "Loại", "Kind": "Loại", "Date Modified": "Ngày sửa",
    "All Files (*)": "Mọi tệp (*)", "New Folder": "Thư mục mới", "&New Folder": "Thư mục &mới",
    "&Rename": "Đổi &tên", "&Delete": "&Xóa", "Show &hidden files": "Hiện tệp &ẩn",
    "Recent Places": "Nơi mở gần đây", "My Computer": "Máy tính", "Computer": "Máy tính",
    "Drive": "Ổ đĩa", "File": "Tệp", "File Folder": "Thư mục", "Folder": "Thư mục", "Unknown": "Không rõ",
    "Confirm Delete": "Xác nhận xóa", "Are you sure you want to delete '%1'?": "Xóa «%1»?",
    "%1 already exists.\nDo you want to replace it?": "«%1» đã có.\nGhi đè lên tệp này?",
    "%1\nFile not found.\nPlease verify the correct file name was given.":
        "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp.",
    "Save As": "Lưu thành", "Find Directory": "Chọn thư mục", "&Choose": "&Chọn",
    # Print preview and print dialog
    "Print Preview": "Xem trước khi in", "Next page": "Trang sau", "Previous page": "Trang trước",
    "First page": "Trang đầu", "Last page": "Trang cuối", "Fit width": "Vừa chiều rộng",
    "Fit page": "Vừa trang", "Zoom in": "Phóng to", "Zoom out": "Thu nhỏ", "Portrait": "Khổ dọc",
    "Landscape": "Khổ ngang", "Show single page": "Từng trang", "Show facing pages": "Hai trang đối diện",
    "Show overview of all pages": "Xem tất cả các trang", "Print": "In", "&Print": "&In",
    "Page setup": "Thiết lập trang", "Page Setup": "Thiết lập trang", "Export to PDF": "Xuất ra PDF",
    "Printer": "Máy in", "&Options >>": "&Tùy chọn >>", "&Options <<": "&Tùy chọn <<",
    "Print to File (PDF)": "In ra tệp (PDF)", "Local file": "Tệp trên máy", "Write PDF file": "Ghi tệp PDF",
    "Copies": "Số bản", "Print range": "Phạm vi in", "Print all": "In tất cả", "Pages from": "Từ trang",
    "to": "đến", "Selection": "Phần đã chọn", "Current Page": "Trang hiện tại", "Collate": "Sắp theo bộ",
    "P&roperties": "&Thuộc tính", "Paper": "Giấy", "Orientation": "Hướng giấy", "Margins": "Lề",
}


class VietnameseQt(QTranslator):
    """Answers Qt's lookups from VIETNAMESE; anything else stays as Qt wrote it."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        # An empty answer would blank the text (a Python "" is not a null QString): give the source back.
        return VIETNAMESE.get(source, source)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def install(app) -> VietnameseQt:
    """Vietnamese for Qt's strings, and the Vietnamese locale for calendars and numbers."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    translator = VietnameseQt(app)
    app.installTranslator(translator)
    return translator
