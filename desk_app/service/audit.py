"""The audit: staff, keys, the event and badges in the database, held against what the log says they are.

Every part of the service that changes one of these logs its new state (``core.state``); ``current_states`` reads
the same objects from the database. A desk refuses to serve on a database whose state differs from its log.
"""

from __future__ import annotations

from desk_app.core.state import differences, logged_states, state_hash
from desk_app.errors import StoreError
from desk_app.store import Store
from desk_app.store.meta import EVENT_CONFIG_KEY

VERIFY_KEY_PREFIX = "verify_key:"
REHEARSAL_KEY = "rehearsal"
STOCK_CLOSED_KEY = "stock_closed"  # who closed the stock of pre-printed cards, and when: no card moves after it


def staff_state(store: Store, login: str) -> dict[str, str]:
    return {f"staff:{name}": state_hash(*row) for name, row in store.staff.rows(login).items()}


def badge_state(store: Store, *serials: str) -> dict[str, str]:
    states = {}
    for serial in serials:
        states.update({badge_key(s): state_hash(*row) for s, row in store.badges.rows(serial).items()})
    return states


def card_state(store: Store, *serials: str) -> dict[str, str]:
    states = {}
    for serial in serials:
        states.update({card_key(s): state_hash(*row) for s, row in store.cards.rows(serial).items()})
    return states


def card_key(serial: str) -> str:
    """The name a pre-printed card's state is logged under (its badge, once handed over, is ``badge:``)."""
    return f"card:{serial}"


def badge_key(serial: str) -> str:
    """The name a badge's state is logged under."""
    return f"badge:{serial}"


def meta_state(store: Store, key: str) -> dict[str, str]:
    """The state of one meta entry the log vouches for: the event, a verify key, the rehearsal mark."""
    value = store.meta.get(key)
    return {_meta_name(key): state_hash(value)} if value is not None else {}


def current_states(store: Store) -> dict[str, str]:
    states = {f"staff:{login}": state_hash(*row) for login, row in store.staff.rows().items()}
    states |= {badge_key(serial): state_hash(*row) for serial, row in store.badges.rows().items()}
    states |= {card_key(serial): state_hash(*row) for serial, row in store.cards.rows().items()}
    for key in (EVENT_CONFIG_KEY, REHEARSAL_KEY, STOCK_CLOSED_KEY, *store.meta.with_prefix(VERIFY_KEY_PREFIX)):
        states |= meta_state(store, key)
    return states


def audit(store: Store) -> list[str]:
    """What differs between the database's security state and its log; empty when they agree."""
    return differences(logged_states(store.log.state_details()), current_states(store))


def require_sound(store: Store) -> None:
    """Refuse to serve on a database whose security state is not what its log says."""
    if problems := audit(store):
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise StoreError(f"{store.location} does not match its log, so this desk will not serve on it: {shown}")


def _meta_name(key: str) -> str:
    if key == EVENT_CONFIG_KEY:
        return "event"
    if key.startswith(VERIFY_KEY_PREFIX):
        return "key:" + key.removeprefix(VERIFY_KEY_PREFIX)
    return key
