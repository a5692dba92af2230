"""The schema revision this program expects; kept equal to the newest migration by a test.

No SQLAlchemy here: the faces learn of a too-new database through :class:`SchemaTooNew` before storage loads.
"""

from __future__ import annotations

HEAD = "0028_material_licence"


class SchemaTooNew(Exception):
    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision
