"""Read ``pipeline.cfg`` without importing spaCy (a no-change re-run must stay fast)."""

from __future__ import annotations

from pathlib import Path

from confection import Config

CONFIG_PATH = Path(__file__).resolve().parent.parent / "pipeline.cfg"


def load_config(path: Path = CONFIG_PATH) -> Config:
    return Config().from_disk(path, interpolate=False)


def configured_model(config: Config | None = None) -> str:
    return str((config or load_config())["nlp"]["model"])
