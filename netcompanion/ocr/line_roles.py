"""The learned line-role model: a probability per role (name, title, company, other) per line.

The model is a multinomial logistic regression over :data:`line_features.FEATURE_NAMES`, trained
by tools/train_line_roles.py and shipped as data/line_roles.json (a few KB). It is read once, on
first use; without the file (a source tree before training) every line gets no opinion.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from .line_features import FEATURE_NAMES

log = logging.getLogger(__name__)

ROLES: tuple[str, ...] = ("other", "name", "title", "company")
MODEL_FILE = "line_roles.json"


@dataclass(frozen=True)
class RoleModel:
    """Standardisation and weights of the trained model."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # (features, roles)
    bias: np.ndarray  # (roles,)

    def probabilities(self, rows: list[list[float]]) -> np.ndarray:
        """One row of role probabilities (in the order of :data:`ROLES`) per feature row."""
        if not rows:
            return np.zeros((0, len(ROLES)))
        x = (np.asarray(rows, dtype=float) - self.mean) / self.scale
        z = x @ self.weights + self.bias
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def to_json(self) -> dict[str, object]:
        return {"features": list(FEATURE_NAMES), "roles": list(ROLES),
                "mean": self.mean.round(6).tolist(), "scale": self.scale.round(6).tolist(),
                "weights": self.weights.round(6).tolist(), "bias": self.bias.round(6).tolist()}

    @classmethod
    def from_json(cls, d: dict[str, object]) -> RoleModel:
        if list(d["features"]) != list(FEATURE_NAMES) or list(d["roles"]) != list(ROLES):  # type: ignore[call-overload]
            raise ValueError("the line-role model was trained on other features; retrain it")
        return cls(np.asarray(d["mean"], float), np.asarray(d["scale"], float),
                   np.asarray(d["weights"], float), np.asarray(d["bias"], float))


@cache
def load_model() -> RoleModel | None:
    """The shipped model, or None if it is missing or stale (the rules then decide alone)."""
    try:
        text = resources.files("netcompanion.ocr").joinpath("data", MODEL_FILE).read_text("utf-8")
        return RoleModel.from_json(json.loads(text))
    except (OSError, ValueError, KeyError) as exc:
        log.warning("line-role model not used: %s", exc)
        return None
