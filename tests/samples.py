"""Small, realistic office registers for every kind, as rows under their import headers."""

import datetime as dt

SAMPLES = {
    "cadres": (
        ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số CMND", "Quê quán", "Nơi ở hiện nay",
         "Dân tộc", "Tôn giáo", "Chức vụ", "Đơn vị công tác", "Diện quản lý", "Ngày vào Đảng",
         "Ngày chính thức", "Số thẻ đảng viên", "Ghi chú"],
        [
            ["Nguyễn Văn Hùng", "12/03/1965", "Nam", "060065001234", None, "Phú Thủy, Phan Thiết",
             "Phường Phú Thủy", "Kinh", "Không", "Giám đốc", "Sở Nội vụ", "BTV Tỉnh ủy",
             dt.date(1990, 5, 19), "19/05/1991", "60.012345", "Cán bộ chủ chốt"],
            ["Trần Thị Ánh", "1970", "Nữ", None, 260123456, "Mũi Né", None, "Kinh", None,
             "Phó Giám đốc", "Sở Tài chính", None, None, None, None, None],
            ["Lê Hoàng Đức", "07/1980", "Nam", 60080004321, None, "La Gi", None, "Chăm", "Hồi giáo",
             "Trưởng phòng", "Sở Nội vụ", None, "02/09/2005", None, None, None],
        ],
    ),
    "slips": (
        ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Tên gọi khác", "Ngày sinh",
         "Giới tính", "Quê quán", "Nơi ở", "Họ và tên cha", "Họ và tên mẹ", "Họ và tên vợ/chồng",
         "Quan hệ", "Họ và tên người được thẩm tra", "Mục đích xác minh", "Nơi nhận phiếu",
         "Ngày nhận kết quả", "Kết quả", "Ghi chú"],
        [
            ["12/PXM", "05/01/2025", "Phạm Văn Bình", "Út", "1950", "Nam", "Hàm Tiến", "Mũi Né",
             "Phạm Văn Tư", "Lê Thị Năm", "Võ Thị Sáu", "Cha", "Phạm Minh Quang", "Kết nạp Đảng",
             "Cục A93B – Bộ Công an", "20/02/2025", "Không có tàng thư", None],
            ["13/PXM", dt.date(2025, 1, 6), "Phạm Minh Quang", None, "15/08/1995", "Nam", "Hàm Tiến",
             None, "Phạm Văn Bình", None, None, "Bản thân", None, "Kết nạp Đảng",
             "Phòng PV27 – Công an tỉnh Bình Thuận", None, None, "Chờ kết quả"],
            ["1/PXM", "03/01/2026", "Phạm Văn Bình", "Út", "1950", "Nam", "Hàm Tiến", "Mũi Né",
             None, None, None, "Cha", "Phạm Minh Quang", "Bổ nhiệm", "Cục A93B – Bộ Công an",
             None, None, None],
        ],
    ),
    "delegations": (
        ["Số quyết định", "Ngày quyết định", "Tên đoàn", "Nước đến", "Mục đích", "Ngày đi", "Ngày về",
         "Ngày nhận báo cáo", "Họ và tên thành viên", "Ngày sinh", "Quê quán", "Số CCCD", "Chức vụ",
         "Đơn vị công tác", "Vai trò"],
        [
            ["125-QĐ/TU", "10/03/2025", "Đoàn công tác Sở Nội vụ", "Nhật Bản", "Công tác",
             "01/04/2025", "08/04/2025", "12/04/2025", "Bùi Thị Hương", "02/02/1975", "Đức Linh", None,
             "Giám đốc", "Sở Ngoại vụ", "Trưởng đoàn"],
            ["125-QĐ/TU", "10/03/2025", "Đoàn công tác Sở Nội vụ", "Nhật Bản", "Công tác",
             "01/04/2025", "08/04/2025", "12/04/2025", "Đỗ Quang Vinh", "1982", None, None,
             "Chuyên viên", "Sở Ngoại vụ", "Thành viên"],
            [None, None, "Đoàn học tập kinh nghiệm chuyển đổi số", "Hàn Quốc, Singapore",
             "Học tập kinh nghiệm", "15/09/2025", "22/09/2025", None, "Bùi Thị Hương", None, None,
             None, "Giám đốc", "Sở Ngoại vụ", "Thành viên"],
        ],
    ),
    "archive-requests": (
        ["Loại yêu cầu", "Tỉnh/thành", "Số văn bản", "Ngày văn bản", "Họ và tên đối tượng",
         "Ngày sinh", "Quê quán", "Ngày trả lời", "Kết quả"],
        [
            ["Nghiên cứu giúp tỉnh bạn", "Đồng Nai", "45-CV/BTCTU", "03/02/2025", "Huỳnh Văn Tám",
             "1948", "Tánh Linh", "28/02/2025", "Không có tài liệu"],
            ["Nhờ tỉnh bạn nghiên cứu", "TP Hồ Chí Minh", None, "10/03/2025", "Ngô Thị Mai",
             "05/1952", "Phan Rí Cửa", None, None],
        ],
    ),
    "complaints": (
        ["Ngày nhận", "Người gửi", "Loại đơn", "Họ và tên người bị phản ánh", "Nội dung tóm tắt",
         "Hạn giải quyết", "Ngày giải quyết", "Kết quả"],
        [
            ["02/05/2025", "Nặc danh", "Tố cáo", "Nguyễn Văn Hùng", "Phản ánh kê khai lý lịch chưa trung thực",
             "02/07/2025", "20/06/2025", "Không có cơ sở"],
            [dt.date(2025, 8, 1), "Trần Văn Lộc", "Kiến nghị", None,
             "Đề nghị xem xét lại kết luận tiêu chuẩn chính trị", None, None, None],
        ],
    ),
    "relatives": (
        ["Họ và tên cán bộ", "Ngày sinh cán bộ", "Quan hệ", "Họ và tên thân nhân", "Ngày sinh", "Quê quán",
         "Nơi ở", "Nghề nghiệp", "Ở nước ngoài", "Nước", "Từ năm", "Công việc ở nước ngoài"],
        [
            ["Nguyễn Văn Hùng", "12/03/1965", "Cha", "Nguyễn Văn Tư", "1938", "Phú Thủy, Phan Thiết",
             "Phường Phú Thủy", "Hưu trí", "Không", None, None, None],
            ["Nguyễn Văn Hùng", dt.date(1965, 3, 12), "Vợ", "Lê Thị Hoa", "1968", "Hàm Tiến",
             "Phường Phú Thủy", "Giáo viên", None, None, None, None],
            ["Nguyễn Văn Hùng", "12/03/1965", "Con", "Nguyễn Minh Khoa", "1992", "Phú Thủy, Phan Thiết",
             "California", "Kỹ sư", "Có", "Hoa Kỳ", 2015, "Kỹ sư phần mềm, công ty tư nhân"],
            ["Trần Thị Ánh", "1970", "Mẹ chồng", "Võ Thị Bảy", "1942", "Tân Hải, La Gi", None,
             "Nội trợ", None, None, None, None],
        ],
    ),
}
