"""Rows written into the platform's 前置库 (a PostgreSQL database the platform pulls), one event per transaction.

The front store is the platform's database, not the app's: the app connects as the account the platform gave the
hall (the URL without its password, the password a 0600 file of the sending machine's key folder,
:data:`FRONT_STORE_SECRET`), writes rows into the tables the platform made, and reads nothing else there.

One event's rows go in one transaction, all or none.  Before writing, the transaction takes an advisory lock on
the event's first row and looks for it (its ``row_guid``, or ``up_lic_data``'s 电子证照源标识, and its
``cd_operation``): an event found there was written by an attempt whose sender died before its mark, so it is not
written again and counts as sent, with the batch it went in.  So an event is in the front store once, whatever
dies when.

The bounds of every outward channel hold: a connection deadline and a statement deadline of the settings' timeout,
no answer read but one short row.  A connection that fails, or a deadline, is no answer (tried again later); a
refusal by the database (a column too long, a table missing) will not change by waiting, and is failed at once
with why.  Nothing here logs a row's content (names, ID numbers).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import psycopg
from psycopg import sql

from counter.case.moments import BEIJING
from counter.outbox.reasons import front_store_refused, front_store_unreachable
from counter.outbox.rules import Answer, Outcome

__all__ = ["FRONT_STORE_SECRET", "FrontStoreLink", "FrontWrite"]

FRONT_STORE_SECRET = "front-store.secret"  # its file in the key folder (counter.host.outward.sms_secret)


@dataclass(frozen=True, slots=True)
class FrontWrite:
    """One event's rows for the front store: ``rows`` as (table, columns) in order, the first the one looked for."""

    url: str
    password: str
    timeout: float
    batch: str  # cd_batch: this pass's
    rows: tuple[tuple[str, dict[str, object]], ...]
    guid_column: str = "row_guid"  # where the first row's identity is (up_lic_data: certificate_source_id)


class FrontStoreLink:
    """The sender's connection to the front store, kept for a pass and closed at its end."""

    def __init__(self) -> None:
        self._conn: psycopg.Connection[tuple[object, ...]] | None = None
        self._url = ""

    def write(self, request: FrontWrite) -> Answer:
        """Write the event's rows, or find them written; never an exception for what the database did."""
        if not request.rows:
            return Answer(Outcome.SENT, request.batch, "no rows for this event")
        try:
            conn = self._connection(request)
            return self._write(conn, request)
        except (psycopg.OperationalError, psycopg.InterfaceError) as err:
            self.close()
            return Answer(Outcome.TRY_AGAIN, detail=front_store_unreachable(err), answered=False)
        except psycopg.Error as err:
            return Answer(Outcome.REFUSED, detail=front_store_refused(err, _first_line(err)))

    def _connection(self, request: FrontWrite) -> psycopg.Connection[tuple[object, ...]]:
        if self._conn is not None and not self._conn.closed and self._url == request.url:
            return self._conn
        self.close()
        deadline = max(1, round(request.timeout))
        self._conn = psycopg.connect(
            request.url.replace("postgresql+psycopg://", "postgresql://", 1),
            password=request.password,
            connect_timeout=deadline,
            options=f"-c statement_timeout={deadline * 1000} -c lock_timeout={deadline * 1000}",
        )
        self._url = request.url
        return self._conn

    @staticmethod
    def _write(conn: psycopg.Connection[tuple[object, ...]], request: FrontWrite) -> Answer:
        table, first = request.rows[0]
        cd_time = dt.datetime.now(BEIJING).replace(tzinfo=None, microsecond=0)  # the columns are 北京时间, zoneless
        with conn.transaction():
            guid = first[request.guid_column]
            conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [guid])
            found = conn.execute(
                sql.SQL("SELECT cd_batch FROM {} WHERE {} = %s AND cd_operation = %s LIMIT 1").format(
                    sql.Identifier(table), sql.Identifier(request.guid_column)
                ),
                [guid, first["cd_operation"]],
            ).fetchone()
            if found is not None:
                return Answer(Outcome.SENT, str(found[0]), "written before: not written again")
            for name, columns in request.rows:
                values = {**columns, "cd_batch": request.batch, "cd_time": cd_time}
                statement = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
                    sql.Identifier(name),
                    sql.SQL(", ").join(sql.Identifier(k) for k in values),
                    sql.SQL(", ").join(sql.Placeholder() for _ in values),
                )
                conn.execute(statement, list(values.values()))
        return Answer(Outcome.SENT, request.batch, f"{len(request.rows)} rows")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None


def _first_line(err: psycopg.Error) -> str:
    return str(err).splitlines()[0][:200] if str(err) else ""
