"""Unit types and their keys: one place that knows "IB" means infantry battalion."""
from __future__ import annotations

# unit type (contract enum) -> key prefix used in dim_unit keys such as "IB-236"
UNIT_PREFIX = {
    "infantry_battalion": "IB",
    "light_infantry_battalion": "LIB",
    "tank_battalion": "TB",
    "armoured_battalion": "AB",
    "artillery_battalion": "ArtyB",
    "military_operations_command": "MOC",
    "regional_operations_command": "ROC",
    "regional_military_command": "RMC",
    "light_infantry_division": "LID",
    "battalion": "BN",
    "other": "UNIT",
}


def unit_key(unit_type: str, number: str | int) -> str:
    """``unit_key("infantry_battalion", "0236") == "IB-236"``."""
    num = str(number).strip().lstrip("0") or "0"
    return f"{UNIT_PREFIX.get(unit_type, 'UNIT')}-{num}"
