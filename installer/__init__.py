"""Building the installable program: the PyInstaller bundle and its smoke test (`python -m
installer.build`), the offline wheelhouse (`python -m installer.wheelhouse`) and the Windows
installer script (windows/bvct-desktop.iss). See installer/README.md."""
