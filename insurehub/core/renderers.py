"""The API's JSON renderer: DRF's JSONRenderer with orjson doing the encoding (issue #16 item 5).

The same JSON as DRF's renderer: compact, UTF-8, U+2028/U+2029 escaped; what orjson does not
encode natively (Decimal, lazy translations, datetimes that are not already strings, ...) goes to
DRF's own encoder, so every value is written as before. An indented answer (`Accept:
application/json; indent=2`) and anything orjson refuses (an integer past 64 bits) are left to
DRF's renderer.
"""

import orjson
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME
_default = JSONEncoder().default


class ORJSONRenderer(JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if self.get_indent(accepted_media_type or "", renderer_context or {}):
            return super().render(data, accepted_media_type, renderer_context)
        try:
            content = orjson.dumps(data, default=_default, option=_OPTIONS)
        except TypeError:
            return super().render(data, accepted_media_type, renderer_context)
        # As DRF does: these two are valid JSON but end a line in JavaScript.
        if b"\xe2\x80\xa8" in content or b"\xe2\x80\xa9" in content:
            content = content.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")
        return content
