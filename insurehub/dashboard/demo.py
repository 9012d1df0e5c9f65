"""Demo data: the dashboard's rollups rebuilt from the raw rows once the claims and assessments are
seeded (seed_demo runs the apps' demo steps in INSTALLED_APPS order; the demo history moves its
claims' timestamps back after filing them, which the rollups followed at the time of filing)."""

from insurehub.dashboard import rollups


def seed(context: dict) -> None:
    rollups.rebuild()
