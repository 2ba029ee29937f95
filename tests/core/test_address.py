"""A server address made from what the officer typed (the first-run wizard) reads back exactly,
whatever the CA file's path holds."""

import pytest
from psycopg.conninfo import conninfo_to_dict

from bvct_desktop.core.address import server_url


@pytest.mark.parametrize("ca_file", [r"C:\BVCT\ca.crt", r"D:\Chứng chỉ cơ quan\ca.crt", "/tmp/a b/c&d=%#?.crt"])
def test_the_ca_file_reads_back_as_typed(ca_file):
    url = server_url("10.0.0.5", 5433, "bvct", ca_file)
    assert conninfo_to_dict(url) == {"host": "10.0.0.5", "port": "5433", "dbname": "bvct",
                                     "sslmode": "verify-full", "sslrootcert": ca_file}


def test_a_windows_path_stays_readable_and_an_unverified_lan_has_no_ca():
    assert server_url("may-chu", 5432, "bvct", r"C:\BVCT\ca.crt").endswith(r"sslrootcert=C:\BVCT\ca.crt")
    assert server_url("fe80::1", 5432, "bvct", None) == "postgresql://[fe80::1]:5432/bvct?sslmode=prefer"
