"""The desktop application (PySide6): a thin face over the core services."""
