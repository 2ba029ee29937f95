"""Qt's own strings in Vietnamese (PySide6 ships no qtbase_vi.qm): message-box and dialog
buttons, file dialogs, the wizard, text-field and spin-box menus, print preview and the print dialog
go through this table."""

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
    "Delete": "Xóa", "&Select All": "Chọn &tất cả", "Select All": "Chọn tất cả",
    "Copy &Link Location": "Sao chép địa chỉ &liên kết",
    # Spin and date boxes' context menu
    "&Step up": "&Tăng", "Step &down": "&Giảm",
    # The arrows of a row of tabs wider than its window (a person's file at 150 %), read out by screen readers
    "Scroll Left": "Cuộn sang trái", "Scroll Right": "Cuộn sang phải",
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
    # Print dialog (QPrintWidget, QPrintSettingsOutput, QPrintDialog on Linux)
    "&Name:": "&Tên:", "Location:": "Vị trí:", "Type:": "Loại:", "Output &file:": "&Tệp ghi ra:",
    "Preview": "Xem trước", "Options": "Tùy chọn", "Output Settings": "Thiết lập bản in", "Copies:": "Số bản:",
    "Reverse": "In ngược thứ tự", "Pages": "Các trang", "Page &Set:": "&Nhóm trang:",
    "All Pages": "Mọi trang", "Odd Pages": "Trang lẻ", "Even Pages": "Trang chẵn",
    "Color Mode": "Chế độ màu", "Color": "Màu", "Grayscale": "Thang xám",
    "Double Sided Printing": "In hai mặt", "Off": "Không", "Long side binding": "Đóng gáy cạnh dài",
    "Short side binding": "Đóng gáy cạnh ngắn",
    "Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a "
    "hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.":
        "Ghi các trang hoặc khoảng trang, cách nhau bằng dấu phẩy; khoảng trang là hai số nối bằng "
        "dấu gạch ngang. Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9.",
    "Left to Right, Top to Bottom": "Trái sang phải, trên xuống dưới",
    "Left to Right, Bottom to Top": "Trái sang phải, dưới lên trên",
    "Right to Left, Bottom to Top": "Phải sang trái, dưới lên trên",
    "Right to Left, Top to Bottom": "Phải sang trái, trên xuống dưới",
    "Bottom to Top, Left to Right": "Dưới lên trên, trái sang phải",
    "Bottom to Top, Right to Left": "Dưới lên trên, phải sang trái",
    "Top to Bottom, Left to Right": "Trên xuống dưới, trái sang phải",
    "Top to Bottom, Right to Left": "Trên xuống dưới, phải sang trái",
    # Printer properties (QPrintPropertiesDialog, QPageSetupWidget, QCupsJobWidget)
    "Printer Properties": "Thuộc tính máy in", "Page": "Trang giấy", "Job Options": "Lệnh in",
    "Advanced": "Nâng cao", "There are conflicts in some options. Please fix them.":
        "Một số tùy chọn mâu thuẫn nhau. Hãy sửa lại.",
    "Page size:": "Khổ giấy:", "Width:": "Rộng:", "Height:": "Cao:", "Paper source:": "Khay giấy:",
    "Custom": "Tùy chỉnh", "Reverse landscape": "Khổ ngang lật ngược", "Reverse portrait": "Khổ dọc lật ngược",
    "Page Layout": "Bố trí trang", "Page &order:": "&Thứ tự trang:", "Pages &per sheet:": "Số trang &mỗi tờ:",
    "Millimeters (mm)": "Milimét (mm)", "Inches (in)": "Inch (in)", "Points (pt)": "Point (pt)",
    "Pica (P̸)": "Pica (P̸)", "Didot (DD)": "Didot (DD)", "Cicero (CC)": "Cicero (CC)",
    "top margin": "lề trên", "bottom margin": "lề dưới", "left margin": "lề trái", "right margin": "lề phải",
    "Job Control": "Điều khiển lệnh in", "Scheduled &printing:": "&Hẹn giờ in:",
    "Print Immediately": "In ngay", "Hold Indefinitely": "Giữ lại, chưa in",
    "Day (06:00 to 17:59)": "Ban ngày (06:00 đến 17:59)", "Night (18:00 to 05:59)": "Ban đêm (18:00 đến 05:59)",
    "Second Shift (16:00 to 23:59)": "Ca hai (16:00 đến 23:59)",
    "Third Shift (00:00 to 07:59)": "Ca ba (00:00 đến 07:59)",
    "Weekend (Saturday to Sunday)": "Cuối tuần (thứ Bảy, Chủ nhật)", "Specific Time": "Giờ cụ thể",
    "&Billing information:": "Thông tin &thanh toán:", "Job &priority:": "Độ &ưu tiên:",
    "Banner Pages": "Trang bìa lệnh in", "&Start:": "Đầu &lệnh in:", "&End:": "&Cuối lệnh in:",
    "None": "Không", "Standard": "Tiêu chuẩn", "Unclassified": "Không mật", "Confidential": "Mật",
    "Classified": "Hạn chế", "Secret": "Tối mật", "Top Secret": "Tuyệt mật",
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
