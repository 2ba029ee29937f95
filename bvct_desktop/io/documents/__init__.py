"""Documents for signature: PDF forms, registers and the periodic report (also xlsx and docx).

Every layout value comes from a format profile (`profile.py`, resources/profiles/*.toml);
every PDF is set in the bundled Liberation Serif (`fonts.py`) and drawn with reportlab's
canvas API through the HD 36 primitives of `layout.py`.
"""
