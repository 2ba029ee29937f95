"""`bvct gui`: the desktop application, started from the command line (as `bvct-desktop`)."""


def register(commands) -> None:
    commands.add_parser("gui", help="mở ứng dụng máy tính").set_defaults(handler=cmd_gui)


def cmd_gui(args) -> int:
    from ..gui import app  # the command line's one import of the GUI: Qt loads only when it starts

    return app.main(([] if args.db is None else ["--db", args.db]) + (["--insecure-lan"] if args.insecure_lan else []))
