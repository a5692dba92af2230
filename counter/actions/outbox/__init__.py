"""Outward channels: SMS to applicants and reports to the region's platform."""
