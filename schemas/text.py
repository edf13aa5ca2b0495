"""A string field for request bodies: text that can be stored.

JSON may carry a lone UTF-16 surrogate (``"\\ud800"``); Python accepts it, but it cannot be
encoded as UTF-8, so neither database could store it. It is a field-level 422, not a 500.
"""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, fields


class Text(fields.String):
    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        if text is not None:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise ValidationError("Not valid text: contains an unpaired surrogate.") from None
        return text
