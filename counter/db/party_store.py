"""What earlier cases knew of a person or company (一证办理), kept for the next intake."""

from __future__ import annotations

import functools
from typing import Any, cast

from sqlalchemy import (
    String,
    Table,
    bindparam,
    select,
    type_coerce,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter.db import models
from counter.db.sealed import index_of, lookup_index, normalised, unseal_to_send


def find_party(session: Session, id_no: str) -> models.Party | None:
    """The party of ``id_no``, by the keyed index of the number (it is stored sealed: counter.db.sealed); a party
    written before the sealing reached it, by the number itself."""
    key = lookup_index(id_no)
    found = session.get(models.Party, key) if key is not None else None
    return found or session.get(models.Party, normalised(id_no))


def party_to_hand_out(session: Session, party: models.Party) -> None:
    """Nothing where the party's phone and address open on this machine; ``DataKeyDamaged`` naming the key where
    one does not (:func:`counter.db.sealed.unseal_to_send`): 一证办理 would fill the intake with （已加密）, which the
    intake would keep as the applicant's phone or address and print on her papers."""
    p = models.Party
    raw = select(type_coerce(p.phone, String), type_coerce(p.address, String)).where(p.id_key == party.id_key)
    for stored in session.execute(raw).one():  # as stored, not opened
        unseal_to_send(stored or "")


def remember_party(
    session: Session, id_no: str, kind: str, name: str, phone: str, address: str, legal_rep: str
) -> None:
    """Keep what this case knew of the person or company for the next 一证办理.

    An empty phone or address does not erase one known from an earlier case.
    """
    statement = _party_statement(session.get_bind().dialect.name, bool(phone), bool(address))
    values = {
        "id_key": index_of(id_no),
        "id_no": normalised(id_no),
        "kind": kind,
        "name": name,
        "phone": phone,
        "address": address,
        "legal_rep": legal_rep,
    }
    session.execute(statement, values | {"updated_at": models.utcnow()})


@functools.cache
def _party_statement(dialect: str, phone: bool, address: bool) -> Any:
    """The party's upsert for each dialect and each of what an empty phone or address leaves alone, built once."""
    party = cast(Table, models.Party.__table__)
    columns = ("id_key", "id_no", "kind", "name", "phone", "address", "legal_rep", "updated_at")
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(party).values(
        {name: bindparam(name, type_=party.c[name].type) for name in columns}
    )
    changed = ["kind", "name", "legal_rep", "updated_at"] + ["phone"] * phone + ["address"] * address
    return stmt.on_conflict_do_update(index_elements=["id_key"], set_={c: stmt.excluded[c] for c in changed})
