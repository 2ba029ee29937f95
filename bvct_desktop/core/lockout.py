"""Failed logins and lockout, kept in the key file: a wrong password opens nothing, so it
cannot write into the encrypted database.

After `FREE_ATTEMPTS` wrong passwords in a row a user waits before the next try, longer each
time (`DELAYS`); a locked account is refused before any password is tried, never for longer than its
delay from the time of the try (a clock put back must not stretch the wait). The key file
survives a restart, so restarting does not reset the count. Each failure, each lockout (from when,
until when) and each try refused while locked is also kept as an event until the next successful
unlock copies it into the audit trail (`pending_events`, then `settle`).

A name with no key slot (no account, a disabled one, a password typed into the name box) opens
nothing, so it is counted for no lockout. Its tries are kept for the audit trail with the name
sealed (`sealed_names`): the key file, read before any password, names no one but its slots.
"""

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import keyfile, sealed_names, user_names
from .errors import WRONG_LOGIN, AuthError

FREE_ATTEMPTS = 5
TRIES_TOLD = 2  # a password asked again says how many tries are left when no more than this
DELAYS = (dt.timedelta(seconds=30), dt.timedelta(minutes=1), dt.timedelta(minutes=5),
          dt.timedelta(minutes=15), dt.timedelta(hours=1), dt.timedelta(hours=4),
          dt.timedelta(hours=24))
MAX_EVENTS = 200  # per user, and for the names without a key slot; older events are counted, not kept
# the events kept for the audit trail, by kind: a wrong secret for an account's key slot; a name tried that has
# no key slot (a disabled account, or no account: [when, the name sealed] in `KeyFile.slotless`, or by name in a
# key file of an earlier release); a lockout [from, until]; a try refused while locked
WRONG_SECRET, NO_SLOT, LOCKOUTS, REFUSED = "events", "no_slot", "lockouts", "refused"
KINDS = (WRONG_SECRET, NO_SLOT, LOCKOUTS, REFUSED)


WRONG_RECOVERY_KEY = ("Khóa khôi phục không đúng. Hãy soát lại từng nhóm ký tự; khóa đã dùng một lần thì đã được thay "
                      "bằng khóa mới hiện ra lúc ấy.")
LOCKED = "tài khoản đã bị khóa"  # why a locked account (khóa tài khoản, by an administrator) is refused: audited
NO_ACCOUNT = "không có tài khoản này"  # why a name no account has is refused: audited
# why a name without a key slot, tried before the key file could seal names, is refused: audited without the name
NAME_NOT_KEPT = "không có tài khoản này hoặc tài khoản đã bị khóa (tên đã gõ không được giữ lại)"
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
    """`user`'s pending events (`Pending.named`) as audit entries (at, action, details), by kind;
    `known`: an account of that name is stored (a name without a key slot is then a disabled one)."""
    tried, wrong = failed_try(user)
    locked = "tạm khóa khóa khôi phục" if user == keyfile.RECOVERY_SLOT else "tạm khóa tài khoản"
    lockouts = state[LOCKOUTS] if state["lockouts_kept"] else (
        [[(state[WRONG_SECRET] or [now.isoformat(timespec="seconds")])[-1], state["until"]]] if state["until"] else [])
    no_slot = LOCKED if known else NO_ACCOUNT
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
    until = _within_its_delay(keys, key_path, user, now, until)
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


def _within_its_delay(keys: keyfile.KeyFile, key_path: Path, user: str, now: dt.datetime,
                      until: dt.datetime) -> dt.datetime:
    """The end of `user`'s lockout, no later than its own delay from `now`. One that ends later was taken
    while the computer's clock was ahead, put right since: it would last as long as the clock was ahead (a
    year). It is shortened in the key file, so that it still ends."""
    longest = (now + (delay_after(keys.failures[user]["count"]) or DELAYS[-1])).replace(microsecond=0)
    if until <= longest:
        return until

    def shortened(kept: keyfile.KeyFile) -> None:
        if user in kept.failures:
            kept.failures[user]["until"] = longest.isoformat(timespec="seconds")

    keyfile.update(key_path, shortened)
    return longest


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


def record_failure(key_path: Path, user: str, now: dt.datetime, kept: bool = True) -> dict:
    """Counts one wrong password for `user`'s key slot, kept for the audit trail unless it is written
    there already (not `kept`); returns the user's new state. A name without a key slot is counted
    for nothing: its try is kept with the name sealed, or without it while the key file has no key to
    seal it with (one of an earlier release, until its next login), and its state is empty."""
    counted: dict = {}

    def change(keys: keyfile.KeyFile) -> None:
        at = now.isoformat(timespec="seconds")
        if user not in keys.slots:
            if kept:
                _kept(keys.slotless, NO_SLOT, [at, sealed_names.seal(user, keys.name_seal) if keys.name_seal else None])
            return
        state = keys.failures.setdefault(user, {"count": 0, "until": None, "events": [], DROPPED: 0})
        state["count"] += 1
        if kept:
            _kept(state, WRONG_SECRET, at)
        delay = delay_after(state["count"])
        state["until"] = (now + delay).isoformat(timespec="seconds") if delay else None
        if delay:
            _kept(state, LOCKOUTS, [at, state["until"]])
        counted.update(state)

    keyfile.update(key_path, change)
    return counted


def _kept(state: dict, kind: str, event: object) -> None:
    """One event more of `kind` for the audit trail; past MAX_EVENTS the oldest are only counted."""
    events = state.setdefault(kind, [])
    events.append(event)
    if len(events) > MAX_EVENTS:
        state[DROPPED] = state.get(DROPPED, 0) + len(events) - MAX_EVENTS
        del events[:-MAX_EVENTS]


@dataclass(frozen=True)
class Pending:
    """Failures not yet in the audit trail: by name (`named`: the events of each kind, how many were
    dropped, and the lockout in force — `lockouts_kept` False: a key file written before lockouts were
    kept with their start), and the tries of names without a key slot (`KeyFile.slotless`)."""

    named: dict[str, dict]
    slotless: dict


def pending_events(keys: keyfile.KeyFile) -> Pending:
    named = {name: {**{kind: list(state.get(kind, [])) for kind in KINDS}, DROPPED: state.get(DROPPED, 0),
                    "until": state.get("until"), "lockouts_kept": LOCKOUTS in state}
             for name, state in keys.failures.items()
             if state.get(DROPPED) or any(state.get(kind) for kind in KINDS)}
    return Pending(named, {NO_SLOT: list(keys.slotless[NO_SLOT]), DROPPED: keys.slotless[DROPPED]})


def audit_entries(pending: Pending, roles: Mapping[str, str], now: dt.datetime,
                  opened: Callable[[str], str | None]) -> list[tuple[str, str | None, str | None, str, dict]]:
    """The `pending` failures as audit entries (at, user, role, action, details), in the order they came
    (at one second, by `ORDER`); `roles` gives each account's role. A lockout is the account's: it
    carries the account's role (whoever typed a name tried has none). A sealed name is read by `opened`
    (None: it cannot be, nor one not kept)."""
    entries = [(at, name, kind, action, details)
               for name, state in pending.named.items()
               for kind, events in why(name, state, name in roles, now)
               for at, action, details in events]
    for at, sealed in pending.slotless[NO_SLOT]:
        name = opened(sealed) if sealed else None
        reason = NAME_NOT_KEPT if name is None else LOCKED if name in roles else NO_ACCOUNT
        entries.append((at, name, NO_SLOT, LOGIN, {"ly_do": reason}))
    if pending.slotless[DROPPED]:
        entries.append((now.isoformat(timespec="seconds"), None, DROPPED, LOGIN,
                        {"so_lan_sai_khong_ghi_chi_tiet": pending.slotless[DROPPED]}))
    entries.sort(key=lambda entry: (entry[0], ORDER.index(entry[2])))
    return [(at, name, roles.get(name) if kind == LOCKOUTS else None, action, details)
            for at, name, kind, action, details in entries]


def settle(key_path: Path, user: str, copied: Pending, name_seal: str) -> None:
    """After an unlock's audit entries committed: clears `user`'s counter and the copied events, and
    forgets the names without a key slot once nothing of theirs waits for the trail (a key file of an
    earlier release kept each name tried, readable); keeps `name_seal`, the public key the database's
    names are sealed to (which a key file of an earlier release lacks)."""
    def change(keys: keyfile.KeyFile) -> None:
        for name, done in copied.named.items():
            if name in keys.failures:
                _forget_copied(keys.failures[name], done, KINDS)
        _forget_copied(keys.slotless, copied.slotless, (NO_SLOT,))
        start_afresh(keys, user)
        for name in [n for n, s in keys.failures.items()
                     if (not s["count"] or n not in keys.slots) and not any(s.get(kind) for kind in (*KINDS, DROPPED))]:
            del keys.failures[name]
        keys.name_seal = name_seal

    keyfile.update(key_path, change)


def _forget_copied(state: dict, done: dict, kinds: tuple[str, ...]) -> None:
    """Takes the events of `kinds` in the audit trail now (`done`) out of `state`."""
    for kind in kinds:
        for event in done[kind]:
            if event in state.get(kind, []):
                state[kind].remove(event)
    state[DROPPED] = max(0, state.get(DROPPED, 0) - done[DROPPED])


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
        state = record_failure(key_path, user, now, kept=written is None)
        if written is not None:
            written(failed_try(user)[1])
        if state.get("until"):
            until = dt.datetime.fromisoformat(state["until"])
            raise AuthError(f"{wrong} Đã sai {state['count']} lần: {locked} đã bị tạm khóa, "
                            f"{_try_again(until)}") from None
        left = FREE_ATTEMPTS - state.get("count", 0)  # a name without a key slot is counted for nothing
        if written is not None and left <= TRIES_TOLD:  # asked again of the one logged in: no name is given away
            raise AuthError(f"{wrong} Còn {left} lần thử: sai thêm {left} lần, {locked} sẽ bị tạm khóa.") from None
        raise AuthError(wrong) from None
