"""Badge layouts and rendering, independent of ``desk_app``: it takes its own small BadgeData."""
