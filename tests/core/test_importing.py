"""The importer's service, apart from reading and writing (those are tested through `bvct import`)."""

from bvct_desktop.core import gazetteer, importing
from bvct_desktop.core.kinds import CADRES, COMPLAINTS


def test_getting_ready_loads_the_gazetteer_for_rows_that_name_home_towns():
    gazetteer.load.cache_clear()
    importing.get_ready(COMPLAINTS)  # names a person, not their home town
    assert gazetteer.load.cache_info().currsize == 0
    importing.get_ready(CADRES)
    assert gazetteer.load.cache_info().currsize == 1
