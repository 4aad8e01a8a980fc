"""The HTTP API and the editor page, as a FastAPI app: :func:`create_app`."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import Depends, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from sourcecheck import __version__
from sourcecheck.core.engine import Engine
from sourcecheck.core.models import SCHEMA_VERSION, Report
from sourcecheck.lint.formats.jsonout import CHECK_SCHEMA_VERSION
from sourcecheck.reporters.colours import scorer_colour
from sourcecheck.serve.jobs import Job, JobKind, Outcome
from sourcecheck.serve.models import (
    RAW_TYPES,
    ApiError,
    ArticleRequest,
    BatchRequest,
    ErrorBody,
    article_of,
    is_json,
    media_type,
    parse_json,
    read_limited,
    unsupported,
)
from sourcecheck.serve.pool import ScoringPool
from sourcecheck.serve.settings import ServeSettings

log = logging.getLogger("sourcecheck.serve")

STATIC = resources.files("sourcecheck.serve") / "static"

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in {
        401: "No token, or the wrong one (when the server has one).",
        413: "The body is over max_bytes.",
        415: "Neither JSON nor text/plain, text/markdown, text/html.",
        422: "Malformed JSON, a missing or unknown field, or text that cannot be read.",
        504: "A scorer did not stop at the time limit: its worker was replaced.",
    }.items()
}

_ARTICLE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/ArticleRequest"}},
            **{kind: {"schema": {"type": "string"}} for kind in RAW_TYPES},
        },
    }
}


def create_app(
    engine_factory: Callable[[], Engine], settings: ServeSettings | None = None
) -> FastAPI:
    """The app. ``engine_factory`` builds an engine; it must be picklable (a module-level
    function or a ``functools.partial`` of one), because each scoring worker process calls
    it once. One engine is also built here, to check the config before any worker starts
    and to answer /v1/scorers and /v1/rules."""
    settings = settings or ServeSettings()
    catalogue = _Catalogue(engine_factory())
    pool = ScoringPool(engine_factory, settings.workers, settings.grace)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(
        title="sourcecheck",
        version=__version__,
        summary="How well does a news article source its claims?",
        lifespan=lifespan,
        redoc_url=None,
    )
    app.state.pool = pool
    app.state.settings = settings
    _add_error_handlers(app)
    _add_cors(app, settings)
    _add_pages(app)
    _add_api(app, pool, settings, catalogue)
    return app


class _Catalogue:
    """What the engine offers, read once: scorers, rules, versions."""

    def __init__(self, engine: Engine) -> None:
        weights = getattr(engine.combiner, "weights", {}) or {}
        self.scorers = [
            {
                "name": s.name,
                "version": s.version,
                "description": s.description,
                "weight": weights.get(s.name, s.default_weight),
                "colour": scorer_colour(s.name),
                "rules": {f"{s.name}/{rule}": text for rule, text in s.rules.items()},
            }
            for s in engine.scorers
        ]
        self.rules = engine.rules()
        self.versions = engine.versions()
        self.combiner = engine.combiner.name


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        body = {"status": exc.status_code, "error": code, "detail": str(exc.detail)}
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        body = {"status": 422, "error": "invalid", "detail": f"{where}: {first.get('msg')}"}
        return JSONResponse(body, status_code=422)

    @app.exception_handler(Exception)
    async def internal(_request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error: %s: %s", type(exc).__name__, exc)
        detail = f"internal error (please report it): {type(exc).__name__}"
        return JSONResponse({"status": 500, "error": "internal_error", "detail": detail}, 500)


def _add_cors(app: FastAPI, settings: ServeSettings) -> None:
    if not settings.cors_origins:
        return  # closed: a browser refuses other origins' reads without these headers
    from fastapi.middleware.cors import CORSMiddleware

    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "POST"],
        allow_headers=["Authorization", "Content-Type"],
    )


def _add_pages(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    async def editor_page() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"), media_type="text/html")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")


def _add_api(
    app: FastAPI, pool: ScoringPool, settings: ServeSettings, catalogue: _Catalogue
) -> None:
    authorised = [Depends(_token_check(settings.token))]

    @app.get("/healthz", tags=["service"])
    async def healthz() -> dict[str, Any]:
        """Answered by the event loop alone, however busy the workers are."""
        return {
            "status": "ok" if pool.ready else "starting",
            "workers": pool.workers,
            "restarts": pool.restarts,
        }

    @app.get("/version", tags=["service"])
    async def version() -> dict[str, Any]:
        return {
            "sourcecheck": __version__,
            "report_schema_version": SCHEMA_VERSION,
            "check_schema_version": CHECK_SCHEMA_VERSION,
            "combiner": catalogue.combiner,
            "versions": catalogue.versions,
        }

    @app.get("/v1/scorers", tags=["engine"], dependencies=authorised)
    async def scorers() -> list[dict[str, Any]]:
        """The scorers that run, with their weights and rules."""
        return catalogue.scorers

    @app.get("/v1/rules", tags=["engine"], dependencies=authorised)
    async def rules() -> dict[str, str]:
        """Every rule id the scorers can report, with its explanation."""
        return catalogue.rules

    @app.post(
        "/v1/score",
        tags=["scoring"],
        dependencies=authorised,
        response_model=Report,
        responses=_ERRORS,
        openapi_extra=_ARTICLE_BODY,
    )
    async def score(request: Request) -> Response:
        """The same versioned report as `sourcecheck score --format json`."""
        article = article_of(await _body(request, settings), request.headers.get("content-type"))
        return _reply(await _run(pool, article, "score", settings, "/v1/score"))

    @app.post(
        "/v1/check",
        tags=["scoring"],
        dependencies=authorised,
        responses={200: {"description": "As `sourcecheck check --format json`."}, **_ERRORS},
        openapi_extra=_ARTICLE_BODY,
    )
    async def check(request: Request) -> Response:
        """Findings with line and column, as `sourcecheck check --format json` gives them;
        inline suppression comments and the config's rule levels apply."""
        article = article_of(await _body(request, settings), request.headers.get("content-type"))
        return _reply(await _run(pool, article, "check", settings, "/v1/check"))

    @app.post(
        "/v1/batch",
        tags=["scoring"],
        dependencies=authorised,
        responses=_ERRORS,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/BatchRequest"}}
                },
            }
        },
    )
    async def batch(request: Request) -> Response:
        """Up to `max_batch` articles, scored in parallel; one result per article, in order:
        `{"index": i, "status": 200, "report": {...}}` or `{"index": i, "status": 504,
        "error": {...}}`."""
        kind = media_type(request.headers.get("content-type"))
        if not is_json(kind):
            raise unsupported(kind, "application/json")
        parsed: BatchRequest = parse_json(await _body(request, settings), BatchRequest)
        if len(parsed.articles) > settings.max_batch:
            detail = f"articles: {len(parsed.articles)} given; the limit is {settings.max_batch}"
            raise ApiError(413, "too_many_articles", detail)
        outcomes = await asyncio.gather(
            *(_run(pool, a, "score", settings, "/v1/batch") for a in parsed.articles)
        )
        items = ",".join(_batch_item(i, o) for i, o in enumerate(outcomes))
        return Response('{"results":[' + items + "]}", media_type="application/json")

    _register_schemas(app, ArticleRequest, BatchRequest)


def _register_schemas(app: FastAPI, *models: type[Any]) -> None:
    """Put ``models`` into the OpenAPI components (the bodies are read by hand, not by
    FastAPI, so it would not list them)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in models:
                definition = model.model_json_schema(ref_template="#/components/schemas/{model}")
                components.update(definition.pop("$defs", {}))
                components[model.__name__] = definition
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _token_check(token: str | None) -> Callable[[Request], None]:
    expected = f"Bearer {token}".encode() if token else None

    def check(request: Request) -> None:
        if expected is None:
            return
        given = request.headers.get("authorization", "").encode()
        if not secrets.compare_digest(given, expected):
            detail = "this server needs 'Authorization: Bearer TOKEN' (missing or wrong)"
            raise ApiError(401, "unauthorized", detail)

    return check


async def _body(request: Request, settings: ServeSettings) -> bytes:
    length = request.headers.get("content-length")
    return await read_limited(length, request.stream(), settings.max_bytes)


async def _run(
    pool: ScoringPool, article: ArticleRequest, kind: JobKind, settings: ServeSettings, path: str
) -> Outcome:
    job: Job = article.job(kind, settings.time_limit)
    started = time.perf_counter()
    outcome = await pool.run(job)
    elapsed = (time.perf_counter() - started) * 1000
    failed = f" failed={','.join(outcome.failed_scorers)}" if outcome.failed_scorers else ""
    log.info("%s %d %d bytes %.0f ms%s", path, outcome.status, len(job.data), elapsed, failed)
    if settings.log_text:
        log.info("%s text: %s", path, json.dumps(article.text, ensure_ascii=False))
    return outcome


def _reply(outcome: Outcome) -> Response:
    return Response(outcome.body, status_code=outcome.status, media_type="application/json")


def _batch_item(index: int, outcome: Outcome) -> str:
    key = "report" if outcome.status == 200 else "error"
    return f'{{"index":{index},"status":{outcome.status},"{key}":{outcome.body}}}'
