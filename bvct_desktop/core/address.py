"""Where a database is: a file on this PC (the default) or a database on the office server.

`--db` / `BVCT_DB` hold either a path or a PostgreSQL URL
(`postgresql://HOST[:PORT]/DBNAME?sslmode=verify-full&sslrootcert=CA_FILE`, libpq parameters).
A server is reached only with TLS whose certificate is verified against the office CA and whose
name is checked (`sslmode=verify-full`), unless the officer allows an unverified closed LAN. The
URL never carries a user or a password: the program user is the login, and the password comes
from where it always does.
"""

from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

SCHEMES = ("postgresql://", "postgres://")
VERIFIED = "verify-full"
PATH_SIGNS = ":/\\"  # left as they are in the CA file's path of a remembered address
INSECURE_WARNING = ("Cảnh báo: kết nối đến máy chủ KHÔNG được xác thực bằng chứng chỉ TLS; chỉ dùng trong mạng "
                    "nội bộ khép kín khi chưa có chứng chỉ.")


class UnverifiedServer(InputError):
    """A server address without verified TLS (each face says how to allow it anyway)."""


@dataclass(frozen=True)
class FileAddress:
    path: Path
    is_server = False

    @property
    def display(self) -> str:
        return str(self.path)

    described = display

    @property
    def stem(self) -> str:
        """What names this database's automatic backups."""
        return self.path.stem


@dataclass(frozen=True)
class ServerAddress:
    """A database on the office server; `params` are libpq's connection parameters (no user, no password)."""

    params: dict[str, str] = field(hash=False)
    insecure: bool = False
    is_server = True

    @property
    def host(self) -> str:
        return self.params.get("host") or self.params.get("hostaddr") or "localhost"

    @property
    def port(self) -> str:
        return self.params.get("port") or "5432"

    @property
    def dbname(self) -> str:
        return self.params["dbname"]

    @property
    def display(self) -> str:
        return f"{self.dbname} trên máy chủ {self.host}:{self.port}"

    @property
    def described(self) -> str:
        """As a window names it: the database, its host, and whether the connection is unverified."""
        return self.display + (" (kết nối KHÔNG xác thực chứng chỉ)" if self.insecure else "")

    @property
    def stem(self) -> str:
        return f"{self.dbname}-{self.host}".replace(":", "-").replace("/", "-")

    def conninfo(self, **more: str) -> str:
        """The libpq connection string, with `more` (user, …) added."""
        from psycopg.conninfo import make_conninfo

        return make_conninfo("", **{**self.params, **more})


Address = FileAddress | ServerAddress


def is_server_url(text: str | None) -> bool:
    return bool(text) and text.strip().lower().startswith(SCHEMES)


def parse(text: str, insecure: bool = False) -> Address:
    """An address from `--db`: a PostgreSQL URL (checked) or a path."""
    if not is_server_url(text):
        return FileAddress(Path(text).expanduser())
    return server(text.strip(), insecure)


def server(url: str, insecure: bool = False) -> ServerAddress:
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = {key: str(value) for key, value in conninfo_to_dict(url).items()}
    except ProgrammingError:
        raise InputError(f"Địa chỉ máy chủ «{_shown(url)}» không hợp lệ; dạng đúng: postgresql://MÁY_CHỦ[:CỔNG]/"
                         "TÊN_CSDL?sslmode=verify-full&sslrootcert=TỆP_CA") from None
    if "password" in params:
        raise InputError("Địa chỉ máy chủ không được chứa mật khẩu: mật khẩu là của người dùng đăng nhập.")
    if "user" in params:
        raise InputError("Địa chỉ máy chủ không ghi tên người dùng: người dùng của chương trình chính là tài khoản "
                         "đăng nhập trên máy chủ.")
    if not params.get("dbname"):
        raise InputError("Địa chỉ máy chủ thiếu tên cơ sở dữ liệu (…/TÊN_CSDL).")
    if not insecure:
        _check_verified(params)
    params.setdefault("connect_timeout", "10")
    params.setdefault("application_name", "BVCT Desktop")
    return ServerAddress(params, insecure)


def server_url(host: str, port: int, dbname: str, ca_file: str | None) -> str:
    """The address of database `dbname` on `host`: verified against the office CA in `ca_file`, or
    (None) over an unverified closed LAN — TLS when the server offers it."""
    where = f"[{host}]" if ":" in host else host
    tls = f"sslmode={VERIFIED}&sslrootcert={_escaped(ca_file, PATH_SIGNS)}" if ca_file else "sslmode=prefer"
    return f"postgresql://{where}:{port}/{_escaped(dbname)}?{tls}"


def _escaped(text: str, kept: str = "") -> str:
    """`text` percent-encoded for a URL (libpq decodes it), letters, digits and `kept` left as they are
    (a Windows path stays readable in the remembered address)."""
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-._~" + kept)
                   else "".join(f"%{byte:02X}" for byte in ch.encode("utf-8")) for ch in text)


def _check_verified(params: dict[str, str]) -> None:
    if params.get("sslmode") != VERIFIED:
        raise UnverifiedServer("Kết nối máy chủ phải dùng TLS có xác thực chứng chỉ: thêm ?sslmode=verify-full&"
                               "sslrootcert=TỆP_CA vào địa chỉ.")
    root = params.get("sslrootcert", "")
    if not root or root == "system":
        raise UnverifiedServer("Thiếu chứng chỉ của cơ quan: thêm &sslrootcert=TỆP_CA (tệp .crt của CA nội bộ) "
                               "vào địa chỉ.")
    if not Path(root).expanduser().is_file():
        raise UnverifiedServer(f"Không tìm thấy tệp chứng chỉ CA «{root}» (sslrootcert).")
    params["sslrootcert"] = str(Path(root).expanduser().resolve())


def _shown(url: str) -> str:
    return url if len(url) < 120 else url[:117] + "…"


def from_option(option: str | None, insecure: bool = False) -> Address:
    """`--db`, else `$BVCT_DB`, else the server the first-run wizard remembered, else the default
    database file."""
    from .. import paths

    choice = paths.chosen(option)
    if choice is None:
        return FileAddress(paths.default_database())
    return parse(choice.text, insecure or choice.insecure_lan)


def located(where: "Path | Address") -> Address:
    """An address as given, or a path's."""
    return where if isinstance(where, FileAddress | ServerAddress) else FileAddress(Path(where))
