"""What every kind's schema shares: strict models, text limits and stable row ids."""

from pydantic import BaseModel, ConfigDict, Field

ShortText = Field(default="", max_length=500)
LongText = Field(default="", max_length=10_000)

#: A row's stable id, so another row or another deliverable can point at it; the editor gives
#: each new row one (short lowercase letters and digits) and keeps it through edits and reorders.
RowId = Field(default="", max_length=32, pattern=r"^[a-z0-9]*$")


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
