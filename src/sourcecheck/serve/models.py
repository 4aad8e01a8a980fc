"""What the API accepts, how a request body becomes a job, and the error contract."""

from __future__ import annotations

import json
from collections.abc import AsyncIterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sourcecheck.core.errors import first_problem
from sourcecheck.serve.jobs import Job, JobKind

TextFormat = Literal["markdown", "html", "text"]

#: The made-up file name each format is scored as: its suffix picks the loader, exactly as
#: a file's does for ``sourcecheck score`` and ``check``.
DRAFT_NAMES: dict[str, str] = {"markdown": "draft.md", "html": "draft.html", "text": "draft.txt"}
RAW_TYPES: dict[str, TextFormat] = {
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/html": "html",
}


class ArticleRequest(BaseModel):
    """One article: its text and, optionally, what a file's front matter would say."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article or draft.")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    format: TextFormat = Field(
        default="markdown", description="How to read `text`, as a file of that type is read."
    )

    def job(self, kind: JobKind, time_limit: float) -> Job:
        fields = {
            name: value
            for name in ("title", "outlet", "url")
            if (value := getattr(self, name)) is not None
        }
        data = self.text.encode("utf-8")
        return Job(kind, data, DRAFT_NAMES[self.format], fields, time_limit)


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleRequest] = Field(min_length=1)


class ErrorBody(BaseModel):
    """Every error the API returns: never a traceback."""

    status: int
    error: str = Field(description="A stable code: too_large, unsupported_type, invalid, ...")
    detail: str = Field(description="What was wrong, in a sentence.")


class ApiError(Exception):
    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail

    def body(self) -> dict[str, Any]:
        return {"status": self.status, "error": self.code, "detail": self.detail}


async def read_limited(
    declared_length: str | None, chunks: AsyncIterable[bytes], limit: int
) -> bytes:
    """The whole body, or a 413 as soon as it is known to be over ``limit`` bytes."""
    if declared_length is not None and declared_length.isdigit() and int(declared_length) > limit:
        raise _too_large(int(declared_length), limit)
    received: list[bytes] = []
    size = 0
    async for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise _too_large(None, limit)
        received.append(chunk)
    return b"".join(received)


def _too_large(size: int | None, limit: int) -> ApiError:
    what = f"{size:,} bytes" if size is not None else "larger than that"
    return ApiError(413, "too_large", f"the body is {what}; the limit is {limit:,} (max_bytes)")


def media_type(content_type: str | None) -> str:
    return (content_type or "").partition(";")[0].strip().lower()


def is_json(kind: str) -> bool:
    return kind == "application/json" or kind.endswith("+json")


def parse_json(body: bytes, model: type[BaseModel]) -> Any:
    """``body`` validated as ``model``; a 422 naming the first problem otherwise."""
    try:
        value = json.loads(body)
    except UnicodeDecodeError:
        raise ApiError(422, "invalid_json", "the JSON body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        detail = f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise ApiError(422, "invalid_json", detail) from None
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        where, first = first_problem(exc)
        detail = f"{where}: {first['msg']}" if where else first["msg"]
        raise ApiError(422, "invalid", detail) from None


def article_of(body: bytes, content_type: str | None) -> ArticleRequest:
    """The article in a JSON body or a raw text/plain, text/markdown or text/html one."""
    kind = media_type(content_type)
    if is_json(kind):
        parsed: ArticleRequest = parse_json(body, ArticleRequest)
        return parsed
    if kind in RAW_TYPES:
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            detail = f"the body is not UTF-8 text (invalid byte at offset {exc.start})"
            raise ApiError(422, "invalid", detail) from None
        if not text.strip():
            raise ApiError(422, "invalid", "text: the body is empty")
        return ArticleRequest(text=text, format=RAW_TYPES[kind])
    raise unsupported(kind)


def unsupported(kind: str, accepted: str | None = None) -> ApiError:
    accepted = accepted or "application/json, " + ", ".join(sorted(RAW_TYPES))
    named = f"'{kind}'" if kind else "no Content-Type"
    return ApiError(415, "unsupported_type", f"{named} is not accepted here (send {accepted})")
