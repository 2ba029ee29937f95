"""Every command's --help speaks Vietnamese: each option says what it is for, and what it takes is
named in Vietnamese (NGÀY, TỆP, TÊN…), not argparse's upper-cased English (START, OUT, DB)."""

import argparse
import re

from bvct_desktop.cli import main as cli_main
from bvct_desktop.cli import parser as cli_parser


def _parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in dict.fromkeys(action.choices.values()):
                yield from _parsers(command)


def _whole_command_line() -> argparse.ArgumentParser:
    return cli_parser.build(cli_main.registrars("--help"))


def test_every_option_has_a_help_line():
    bare = [(parser.prog, action.option_strings[0]) for parser in _parsers(_whole_command_line())
            for action in parser._actions if action.option_strings and not action.help]
    assert bare == []


def test_no_help_shows_an_english_placeholder():
    english = [(parser.prog, placeholder) for parser in _parsers(_whole_command_line())
               for placeholder in re.findall(r"--[a-z-]+ ([A-Z_]+)\b", parser.format_help())]
    assert english == []
