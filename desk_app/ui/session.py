"""Who is working where: what every screen of the desk is given once staff have logged in."""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.core.model import Role, StaffMember
from desk_app.service import BadgeIssuer, DeskService, Station, StationConfig


@dataclass(frozen=True)
class DeskSession:
    """The logged-in desk: the service, the station, the member of staff and the printer.

    Screens call ``desk`` (the one door into the desk) and ``issuer`` (its printer); nothing else.
    """

    desk: DeskService
    issuer: BadgeIssuer
    config: StationConfig
    staff: StaffMember

    @property
    def station(self) -> Station:
        return Station(self.config.entrance, self.config.desk, self.staff.login)

    @property
    def is_supervisor(self) -> bool:
        return self.staff.role is Role.SUPERVISOR
