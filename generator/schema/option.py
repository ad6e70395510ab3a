"""An architecture option: an overlay on the base model, in its own file under model/options/."""

from __future__ import annotations

from generator.values import Id, Name, Strict, Text


class OptionInfo(Strict):
    id: Id
    """Unique id of the option, e.g. `api-on-lambda`."""
    title: Name
    """What the option is, e.g. "API on Lambda + API Gateway"."""
    description: Text = ""
    """What changes and why it is worth comparing."""
    decision: Id | None = None
    """The decision record that chose between the base and this option."""
    chosen: bool = False
    """True if this option, not the base, is what the proposal adopts."""
