"""The static windows' layouts, compiled from the Qt Designer sources in ui/ by ui/compile.py.

Generated modules: change a form in Designer and recompile, never edit them here. A window
class inherits its `Ui_*` class beside its Qt base (`class LoginDialog(QDialog, Ui_LoginDialog)`)
and calls `self.setupUi(self)`, so the form's widgets are the window's attributes, named as in
Designer; behaviour (signals, validation, the dialog, clock and printer seams) stays in the window.
"""
