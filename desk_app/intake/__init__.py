"""Bringing the accreditation list in: CSV or JSON, all rows valid or nothing imported."""
