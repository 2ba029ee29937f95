"""Qt's own dialogs speak Vietnamese: the table answers Qt's source strings exactly as Qt writes
them, accelerator «&» included."""

from bvct_desktop.gui.app import prepare_application
from bvct_desktop.gui.qt import QFileDialog, QLabel, QTreeView


def test_the_file_dialog_labels_are_vietnamese(tmp_path):
    prepare_application()
    dialog = QFileDialog(None, "Mở tệp", str(tmp_path), "Sổ Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "Tìm tr&ong:"
    assert labels["fileNameLabel"] == "&Tên tệp:"
    assert labels["fileTypeLabel"] == "Loại tệ&p:"
    header = dialog.findChild(QTreeView).header()
    headers = [header.model().headerData(column, header.orientation()) for column in range(header.count())]
    assert headers[:2] == ["Tên", "Kích thước"]
