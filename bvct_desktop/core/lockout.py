"""Failed logins and lockout, kept in the key file: a wrong password opens nothing, so it
cannot write into the encrypted database.

After `FREE_ATTEMPTS` wrong passwords in a row a user waits before the next try, longer each
time (`DELAYS`); a locked account is refused before any password is tried. The key file
survives a restart, so restarting does not reset the count. Each failure, each lockout (from when,
until when) and each try refused while locked is also kept as an event until the next successful
unlock copies it into the audit trail (`pending_events`, then `settle`).
"""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from . import keyfile, user_names
from .errors import WRONG_LOGIN, AuthError

FREE_ATTEMPTS = 5
DELAYS = (dt.timedelta(seconds=30), dt.timedelta(minutes=1), dt.timedelta(minutes=5),
          dt.timedelta(minutes=15), dt.timedelta(hours=1), dt.timedelta(hours=4),
          dt.timedelta(hours=24))
MAX_EVENTS = 200          # per user; older events are counted, not kept
MAX_TRACKED_NAMES = 100   # unknown names typed at the login must not grow the key file forever
# the events kept for the audit trail, by kind: a wrong secret for an account's key slot; a name tried that has
# no key slot (a disabled account, or no account); a lockout [from, until]; a try refused while locked
WRONG_SECRET, NO_SLOT, LOCKOUTS, REFUSED = "events", "no_slot", "lockouts", "refused"
KINDS = (WRONG_SECRET, NO_SLOT, LOCKOUTS, REFUSED)


WRONG_RECOVERY_KEY = "Khóa khôi phục không đúng."
LOCKED = "tài khoản đã bị khóa"  # why a locked account (khóa tài khoản, by an administrator) is refused: audited
LOGIN, RECOVERY_UNLOCK = "đăng nhập", "mở bằng khóa khôi phục"  # what a password, the recovery key opens: audited


LOCKED_OUT = "đang tạm khóa"  # why a try refused while locked failed
DROPPED = "dropped"  # how many events past MAX_EVENTS were only counted
ORDER = (WRONG_SECRET, NO_SLOT, LOCKOUTS, REFUSED, DROPPED)  # the kinds of one second, in the order they come


def failed_try(user: str) -> tuple[str, str]:
    """A wrong secret for `user`'s slot as the audit trail keeps it: the action tried and why it failed."""
    if user == keyfile.RECOVERY_SLOT:
        return RECOVERY_UNLOCK, "sai khóa khôi phục"
    return LOGIN, "sai mật khẩu"


def why(user: str, state: dict, known: bool, now: dt.datetime) -> list[tuple[str, list[tuple[str, str, dict]]]]:
    """`user`'s pending events (`pending_events`) as audit entries (at, action, details), by kind;
    `known`: an account of that name is stored (a name without a key slot is then a disabled one)."""
    tried, wrong = failed_try(user)
    locked = "tạm khóa khóa khôi phục" if user == keyfile.RECOVERY_SLOT else "tạm khóa tài khoản"
    lockouts = state[LOCKOUTS] if state["lockouts_kept"] else (
        [[(state[WRONG_SECRET] or [now.isoformat(timespec="seconds")])[-1], state["until"]]] if state["until"] else [])
    no_slot = LOCKED if known else "không có tài khoản này"
    return [(WRONG_SECRET, [(at, tried, {"ly_do": wrong}) for at in state[WRONG_SECRET]]),
            (NO_SLOT, [(at, tried, {"ly_do": no_slot}) for at in state[NO_SLOT]]),
            (LOCKOUTS, [(at, locked, {"den": until}) for at, until in lockouts]),
            (REFUSED, [(at, tried, {"ly_do": LOCKED_OUT}) for at in state[REFUSED]]),
            (DROPPED, [(now.isoformat(timespec="seconds"), tried, {"so_lan_sai_khong_ghi_chi_tiet": state[DROPPED]})]
             if state[DROPPED] else [])]


def _refuse_while_locked(keys: keyfile.KeyFile, key_path: Path, user: str, now: dt.datetime,
                         counted: bool, written: Callable[[str], None] | None) -> None:
    """Refuses, saying until when, while `user` (or the recovery key's slot) is locked out; the try
    refused is `written` or kept for the audit trail (it counts for no lockout)."""
    until = locked_until(keys, user)
    if until is None or now >= until:
        return
    if counted and written is not None:
        written(LOCKED_OUT)
    elif counted:
        def refused(kept: keyfile.KeyFile) -> None:
            if user in kept.failures:
                _kept(kept.failures[user], REFUSED, now.isoformat(timespec="seconds"))

        keyfile.update(key_path, refused)
    if user == keyfile.RECOVERY_SLOT:
        raise AuthError(f"Khóa khôi phục đã bị tạm khóa do nhập sai nhiều lần; {_try_again(until)}")
    raise AuthError(f"Tài khoản «{user}» đã bị tạm khóa do nhập sai mật khẩu nhiều lần; {_try_again(until)}")


def _try_again(until: dt.datetime) -> str:
    """When to try again, to the second: a time rounded to the minute would be earlier than the end
    of a lockout of 30 seconds, and a try at that time refused again."""
    return f"hãy thử lại sau {until:%d/%m/%Y %H:%M:%S}."


def locked_until(keys: keyfile.KeyFile, user: str) -> dt.datetime | None:
    until = keys.failures.get(user, {}).get("until")
    return dt.datetime.fromisoformat(until) if until else None


def delay_after(count: int) -> dt.timedelta | None:
    """The wait after `count` wrong passwords in a row (None while attempts are free)."""
    if count < FREE_ATTEMPTS:
        return None
    return DELAYS[min(count - FREE_ATTEMPTS, len(DELAYS) - 1)]


def record_failure(key_path: Path, user: str, now: dt.datetime, has_slot: bool = True, kept: bool = True) -> dict:
    """Counts one wrong password for `user` (`has_slot`: a name with a key slot), kept for the audit
    trail unless it is written there already (not `kept`); returns the user's new state."""
    def change(keys: keyfile.KeyFile) -> None:
        state = keys.failures.setdefault(user, {"count": 0, "until": None, "events": [], DROPPED: 0})
        state["count"] += 1
        at = now.isoformat(timespec="seconds")
        if kept:
            _kept(state, WRONG_SECRET if has_slot else NO_SLOT, at)
        delay = delay_after(state["count"])
        state["until"] = (now + delay).isoformat(timespec="seconds") if delay else None
        if delay:
            _kept(state, LOCKOUTS, [at, state["until"]])
        _forget_oldest_names(keys)

    return keyfile.update(key_path, change).failures.get(user, {})


def _kept(state: dict, kind: str, event: object) -> None:
    """One event more of `kind` for the audit trail; past MAX_EVENTS the oldest are only counted."""
    events = state.setdefault(kind, [])
    events.append(event)
    if len(events) > MAX_EVENTS:
        state[DROPPED] = state.get(DROPPED, 0) + len(events) - MAX_EVENTS
        del events[:-MAX_EVENTS]


def _forget_oldest_names(keys: keyfile.KeyFile) -> None:
    while len(keys.failures) > MAX_TRACKED_NAMES:
        oldest = min(keys.failures, key=lambda name: (keys.failures[name]["events"] or [""])[-1])
        del keys.failures[oldest]


def pending_events(keys: keyfile.KeyFile) -> dict[str, dict]:
    """Failures not yet in the audit trail, by user name: the events of each kind, how many were
    dropped, and the lockout in force (`lockouts_kept` False: a key file written before lockouts were
    kept with their start)."""
    return {name: {**{kind: list(state.get(kind, [])) for kind in KINDS}, DROPPED: state.get(DROPPED, 0),
                   "until": state.get("until"), "lockouts_kept": LOCKOUTS in state}
            for name, state in keys.failures.items()
            if state.get(DROPPED) or any(state.get(kind) for kind in KINDS)}


def settle(key_path: Path, user: str, copied: dict[str, dict]) -> None:
    """After an unlock's audit entries committed: clears `user`'s counter and the copied events."""
    def change(keys: keyfile.KeyFile) -> None:
        for name, done in copied.items():
            state = keys.failures.get(name)
            if state is None:
                continue
            for kind in KINDS:
                for event in done[kind]:
                    if event in state.get(kind, []):
                        state[kind].remove(event)
            state[DROPPED] = max(0, state.get(DROPPED, 0) - done[DROPPED])
        start_afresh(keys, user)
        for name in [n for n, s in keys.failures.items()
                     if not s["count"] and not any(s.get(kind) for kind in (*KINDS, DROPPED))]:
            del keys.failures[name]

    keyfile.update(key_path, change)


def start_afresh(keys: keyfile.KeyFile, user: str) -> None:
    """`user`'s wrong passwords so far no longer hold them back; those not yet in the audit trail
    still go there."""
    if user in keys.failures:
        keys.failures[user].update(count=0, until=None)


def open_slot(keys: keyfile.KeyFile, key_path: Path, user: str, secret: str, now: dt.datetime,
              counted: bool = True, written: Callable[[str], None] | None = None) -> bytes:
    """The database key; a wrong secret is counted in the key file and may lock the account. A name
    longer than any user's name can be (`user_names.MAX_BYTES`) is no account: not counted, so that
    a huge name typed at the login neither grows the key file nor reaches the audit trail. Nor is
    anything counted when not `counted`: a key file that may be another database's (`KeyFile.is_for`)
    keeps that database's counts, and a wrong password here must not lock its users out. A locked
    account is refused before its secret is tried. With the database open (a password asked again),
    each failed try is `written(why)` into the audit trail at once instead of kept for the next
    unlock to copy; the lockout it brings is kept as any."""
    _refuse_while_locked(keys, key_path, user, now, counted, written)
    try:
        return keys.open_slot(user, secret)
    except AuthError:
        wrong, locked = ((WRONG_RECOVERY_KEY, "khóa khôi phục") if user == keyfile.RECOVERY_SLOT
                         else (WRONG_LOGIN, "tài khoản"))
        if not counted or len(user.encode("utf-8")) > user_names.MAX_BYTES:
            raise AuthError(wrong) from None
        state = record_failure(key_path, user, now, user in keys.slots, kept=written is None)
        if written is not None:
            written(failed_try(user)[1])
        if state.get("until"):
            until = dt.datetime.fromisoformat(state["until"])
            raise AuthError(f"{wrong} Đã sai {state['count']} lần: {locked} đã bị tạm khóa, "
                            f"{_try_again(until)}") from None
        raise AuthError(wrong) from None
