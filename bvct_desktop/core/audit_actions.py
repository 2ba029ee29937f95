"""What the audit trail says was done, for the actions more than one module reads: the services write them,
what a restore loses counts them (restore_loss), the trail's reader shows them (audit_words)."""

# a record's own entries, in each register and each part of the person file
ADDED, CHANGED, DELETED, RESTORED = "thêm", "sửa", "xóa", "khôi phục"  # deleted: put in the recycle bin
RECORD_ACTIONS = (ADDED, CHANGED, DELETED, RESTORED)

# the accounts
USER_ADDED, ROLE_CHANGED = "thêm người dùng", "đổi vai trò người dùng"
USER_DISABLED, USER_ENABLED = "khóa người dùng", "mở lại người dùng"
PASSWORD_CHANGED = "đổi mật khẩu"
FULL_NAME_CHANGED = "đổi họ và tên người dùng"
PASSWORD_RESET = "đặt lại mật khẩu bằng khóa khôi phục, thay khóa khôi phục"  # an administrator's, the key too

# the office's settings, documents and recipient units
SETTING_CHANGED = "thay đổi thiết lập"
DOCUMENT_ISSUED, NUMBER_SPOILED = "phát hành văn bản", "đánh dấu hỏng số văn bản"
NUMBERS_USED_OUTSIDE = "ghi số văn bản đã cấp ngoài chương trình"
RECIPIENT_ADDED, RECIPIENT_RENAMED = "thêm nơi nhận phiếu", "đổi tên nơi nhận phiếu"
RECIPIENTS_MERGED = "gộp nơi nhận phiếu"
