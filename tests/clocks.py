"""The clock the tests inject: set, and moved forward instead of waited for."""

import datetime as dt

TODAY = dt.datetime(2025, 6, 15, 9, 30)


class FakeClock:
    """The injected clocks: tests move time forward instead of waiting (`advance`), or set the PC's date
    (`now`), which leaves the clock that only runs forward (`elapsed`) where it is."""

    def __init__(self, now: dt.datetime = TODAY):
        self.now = now
        self.seconds = 0.0

    def __call__(self) -> dt.datetime:
        return self.now

    def elapsed(self) -> float:
        return self.seconds

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)
        self.seconds += dt.timedelta(**delta).total_seconds()
