"""No network: sockets are blocked for the whole suite (tests/conftest.py), the program still
does everything, and no module of the package imports a networking library."""

import ast
import pathlib
import socket

import pytest

import bvct_desktop

NETWORK_MODULES = {"socket", "ssl", "http", "urllib", "urllib3", "requests", "httpx", "ftplib", "smtplib",
                   "xmlrpc", "asyncio", "socketserver", "telnetlib", "poplib", "imaplib"}


def test_sockets_are_blocked_for_the_suite():
    with pytest.raises(OSError, match="mạng bị chặn"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with pytest.raises(OSError, match="mạng bị chặn"):
        socket.getaddrinfo("example.org", 443)


def test_the_program_works_without_network(cli, cadres_file, tmp_path):
    assert cli("import", "cadres", cadres_file)[0] == 0
    assert cli("export", "cadres", "--out", tmp_path / "ra.xlsx")[0] == 0
    assert cli("backup", "--out", tmp_path / "b.bvctbak")[0] == 0
    assert cli("verify", tmp_path / "b.bvctbak")[0] == 0
    assert cli("audit", "verify")[0] == 0


def test_no_module_imports_a_networking_library():
    root = pathlib.Path(bvct_desktop.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            names += [f"{node.module}.{alias.name}" for alias in node.names] if isinstance(node, ast.ImportFrom) \
                and node.module else []
            offenders += [f"{path.name}: {name}" for name in names
                          if name.split(".")[0] in NETWORK_MODULES or "QtNetwork" in name]
    assert offenders == []
