"""The GraphQL endpoint: graphene-django's view with errors a client can rely on.

- parse and validation errors: HTTP 400 with a code;
- field errors (`NOT_FOUND`, `UNKNOWN_LOCALE`, ...): HTTP 200 beside the data;
- anything unexpected: logged with a request id, answered as INTERNAL_SERVER_ERROR
  with that id, never with the exception's text;
- a database that cannot be reached: HTTP 503, SERVICE_UNAVAILABLE.

Cache headers (and 304s) are `cms.api.http_cache`'s.
"""

import json
import logging
import re
import time
from functools import lru_cache
from types import CoroutineType

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from graphene_django.settings import graphene_settings
from graphene_django.views import GraphQLView as BaseGraphQLView
from graphene_django.views import HttpError
from graphql import (
    ExecutionResult,
    GraphQLError,
    GraphQLSyntaxError,
    OperationType,
    execute,
    get_operation_ast,
    parse,
    specified_rules,
    validate,
)
from graphql.validation import NoSchemaIntrospectionCustomRule

from . import (
    errors,
    http_cache,
    limits,
    metrics,
    persisted_queries,
    response_cache,
    surrogate_keys,
)
from .context import QUERY_COST_CHARGER_ATTR, request_id_for
from .image_loader import set_rendition_specs
from .lookahead import operation_rendition_specs

logger = logging.getLogger("cms.api")
MAX_VALIDATION_ERRORS = graphene_settings.MAX_VALIDATION_ERRORS

POST_CONTENT_TYPES = ("application/json", "application/graphql")
UNAVAILABLE_FLAG = "_otandas_service_unavailable"
PARAMS_ATTR = "_otandas_graphql_params"
PERSISTED_ERROR_ATTR = "_otandas_persisted_query_error"
RETRY_AFTER_ATTR = "_otandas_retry_after"


@lru_cache(maxsize=512)
def _checked_document(schema, query, rules, bounds):  # bounds: the limits, for the key
    """Parse, bound (`cms.api.limits`) and validate a query once: apps send the same few
    documents over and over, and validation costs more than running a small query."""
    try:
        limits.check_size(query)
        try:
            document = parse(query, max_tokens=settings.GRAPHQL_MAX_TOKENS)
        except GraphQLSyntaxError as exc:
            if "tokens" in exc.message:
                raise errors.ApiError(
                    limits.TOO_MANY_TOKENS, exc.message, limit=settings.GRAPHQL_MAX_TOKENS
                ) from None
            raise
        limits.check_shape(document)
    except GraphQLError as exc:
        return None, (exc,)
    return document, tuple(validate(schema, document, rules, MAX_VALIDATION_ERRORS))


def validation_rules():
    """graphql-core's rules (graphene-django would replace them with ours), without
    introspection unless the deployment allows it (`__typename` always works)."""
    rules = list(specified_rules)
    if not settings.GRAPHQL_INTROSPECTION:
        rules.append(NoSchemaIntrospectionCustomRule)
    return tuple(rules)


SUGGESTION = re.compile(r" Did you mean .*\?$")


def is_coroutine(value):
    """graphql-core's awaitable test, narrowed to what a synchronous Django view can meet:
    only an `async def` resolver returns something to await. Asked of every value the
    query resolves, so the narrower test is measurably cheaper."""
    return isinstance(value, CoroutineType)


NUL_MESSAGE = "Text arguments may not contain the NUL character (U+0000)."


def _has_nul(query, variables):
    """A NUL in a string argument (escaped in the query, or in a variable): no database
    takes it in text, and PostgreSQL and SQLite fail on it in different ways."""
    return "\\u0000" in query or (
        bool(variables) and "\\u0000" in json.dumps(variables, ensure_ascii=True)
    )


def _is_bad_value(exc):
    """A value Django could not turn into a column's type ("Field 'id' expected a number but
    got 'FALSE'."): grapple's own arguments (site, settings) pass strings through."""
    return isinstance(exc, (ValueError, TypeError)) and str(exc).startswith("Field '")


def _plain_message(exc):
    if isinstance(exc, DjangoValidationError):
        return " ".join(str(message) for message in exc.messages)
    return str(exc)


def _is_unavailable(exc):
    return isinstance(exc, (OperationalError, InterfaceError))


def _is_statement_timeout(exc):
    """PostgreSQL cancelled a statement: API_STATEMENT_TIMEOUT_MS (cms/statement_timeout.py)."""
    return getattr(exc.__cause__, "sqlstate", None) == "57014"


STATEMENT_TIMEOUT_ERROR = {
    "message": "The request took too long and was stopped. Ask for fewer items or fields.",
    "extensions": {"code": errors.QUERY_TIMEOUT},
}
UNAVAILABLE_ERROR = {
    "message": "The service is temporarily unavailable. Please retry shortly.",
    "extensions": {"code": errors.SERVICE_UNAVAILABLE},
}


class GraphQLView(BaseGraphQLView):
    def dispatch(self, request, *args, **kwargs):
        request.request_id = request_id_for(request)
        request.graphql_had_errors = False
        if request.method == "POST" and self.get_content_type(request) not in POST_CONTENT_TYPES:
            # A cross-site form can POST urlencoded or multipart without a preflight.
            return self._unsupported_media_type(request)
        try:
            # graphene's dispatch without its ensure_csrf_cookie: the endpoint is CSRF-exempt,
            # a Set-Cookie would keep every shared cache from storing answers, and making
            # the token is a third of the cost of an answer from the response cache.
            response = BaseGraphQLView.dispatch.__wrapped__(self, request, *args, **kwargs)
        except DatabaseError as exc:
            response = self._unavailable_response(request, exc)
        if response.get("Content-Type", "").startswith("application/json"):
            response = http_cache.apply(request, response, request.graphql_had_errors)
        if getattr(request, "response_cache_status", None):
            response["X-Response-Cache"] = request.response_cache_status
        response["X-Request-ID"] = request.request_id
        if getattr(request, RETRY_AFTER_ATTR, None):
            response["Retry-After"] = str(getattr(request, RETRY_AFTER_ATTR))
        if getattr(request, "graphql_cost", None) is not None:
            response["X-GraphQL-Cost"] = str(request.graphql_cost)  # against GRAPHQL_MAX_COST
        return response

    def get_graphql_params(self, request, data):
        """graphene-django's, with the document of a persisted query (`cms.api.persisted_queries`)
        in place of `query`; worked out once per request."""
        params = getattr(request, PARAMS_ATTR, None)
        if params is None:
            query, variables, operation_name, document_id = super().get_graphql_params(
                request, data
            )
            extensions = request.GET.get("extensions") or data.get("extensions")
            document_id = request.GET.get("documentId") or data.get("documentId") or document_id
            try:
                query = persisted_queries.resolve(query, extensions, document_id)
            except persisted_queries.PersistedQueryError as error:
                setattr(request, PERSISTED_ERROR_ATTR, error)
                query = None
            params = (query, variables, operation_name, document_id)
            setattr(request, PARAMS_ATTR, params)
            request.graphql_operation_name = operation_name  # for the access log (cms.access_log)
        return params

    def get_response(self, request, data, show_graphiql=False):
        """graphene-django's, answered from the response cache when it can be."""
        query, variables, operation_name, _ = self.get_graphql_params(request, data)
        key = self._response_cache_key(request, query, variables, operation_name, show_graphiql)
        if key is not None:
            entry = response_cache.lookup(key)
            metrics.RESPONSE_CACHE.labels("miss" if entry is None else "hit").inc()
            if entry is not None:
                request.response_cache_status = "HIT"
                request.surrogate_keys = entry.keys
                request.answer_expires_at = entry.expires_at
                return entry.body, 200
            started = response_cache.now_ns()
        result, status_code = super().get_response(request, data, show_graphiql)
        persisted_error = getattr(request, PERSISTED_ERROR_ATTR, None)
        if persisted_error is not None:
            status_code = persisted_error.status
        if getattr(request, UNAVAILABLE_FLAG, False):
            status_code = 503
        if getattr(request, RETRY_AFTER_ATTR, None):
            status_code = 429
        if status_code == 200 and self._is_shareable(request):
            request.surrogate_keys = tuple(surrogate_keys.collect())
            if key is not None:
                ttl = response_cache.answer_ttl()
                entry = response_cache.Entry(result, request.surrogate_keys, time.time() + ttl)
                response_cache.store(key, entry, started, ttl)
                request.response_cache_status = "MISS"
                request.answer_expires_at = entry.expires_at
        return result, status_code

    @staticmethod
    def _response_cache_key(request, query, variables, operation_name, show_graphiql):
        """The response cache's key for this request; None when it may not be answered from
        or kept in the cache."""
        if (
            not response_cache.enabled()
            or show_graphiql
            or not isinstance(query, str)
            or "Authorization" in request.headers
        ):
            return None
        return response_cache.graphql_key(
            persisted_queries.sha256(query), operation_name, variables, request.get_host()
        )

    @staticmethod
    def _is_shareable(request):
        """A query's answer any reader would get: no error, nothing private, no null root."""
        return (
            not request.graphql_had_errors
            and getattr(request, "graphql_operation_type", None) == OperationType.QUERY
            and not getattr(request, "graphql_null_root", True)
            and not http_cache.is_private(request)
        )

    def execute_graphql_request(
        self, request, data, query, variables, operation_name, show_graphiql=False
    ):
        """graphene-django's, with parsing and validation cached per query text."""
        persisted_error = getattr(request, PERSISTED_ERROR_ATTR, None)
        if persisted_error is not None:
            request.graphql_had_errors = True
            return ExecutionResult(data=None, errors=[persisted_error])
        if not query:
            if show_graphiql:
                return None
            raise HttpError(HttpResponseBadRequest("Must provide query string."))
        if not isinstance(query, str):
            raise HttpError(HttpResponseBadRequest("`query` must be a string."))
        if variables is not None and not isinstance(variables, dict):
            raise HttpError(HttpResponseBadRequest("`variables` must be a JSON object."))
        if operation_name is not None and not isinstance(operation_name, str):
            raise HttpError(HttpResponseBadRequest("`operationName` must be a string."))
        if _has_nul(query, variables):
            request.graphql_had_errors = True
            return ExecutionResult(data=None, errors=[errors.bad_input(NUL_MESSAGE)])
        schema = self.schema.graphql_schema
        document, problems = _checked_document(
            schema, query, validation_rules(), limits.document_limits()
        )
        if problems:
            request.graphql_had_errors = True
            return ExecutionResult(data=None, errors=list(problems))
        operation = get_operation_ast(document, operation_name)
        if request.method == "GET" and operation and operation.operation != OperationType.QUERY:
            raise HttpError(HttpResponseNotAllowed(["POST"], "Only queries may be sent by GET."))
        request.graphql_operation_type = operation.operation if operation else None
        if operation is not None:
            try:
                request.graphql_cost = limits.check_cost(schema, document, operation, variables)
            except errors.ApiError as error:
                request.graphql_had_errors = True
                return ExecutionResult(data=None, errors=[error])
            charge_cost = getattr(request, QUERY_COST_CHARGER_ATTR, None)
            refusal = charge_cost(request.graphql_cost) if charge_cost else None
            if refusal is not None:  # over the client's budget of query cost
                request.graphql_had_errors = True
                setattr(request, RETRY_AFTER_ATTR, refusal.extensions["retryAfter"])
                return ExecutionResult(data=None, errors=[refusal])
            # The image loader loads these renditions, no others.
            set_rendition_specs(operation_rendition_specs(document, operation, variables))
        try:
            result = execute(
                schema,
                document,
                root_value=self.get_root_value(request),
                context_value=self.get_context(request),
                variable_values=variables,
                operation_name=operation_name,
                middleware=self.get_middleware(request) or None,
                is_awaitable=is_coroutine,
            )
        except Exception as exc:  # reported through format_error, like graphene-django
            result = ExecutionResult(errors=[exc])
        request.graphql_had_errors = bool(result.errors)
        # A null root field (nothing found) is not kept: its page may be published next.
        request.graphql_null_root = not result.data or None in result.data.values()
        return result

    def format_error(self, error):
        request = self.request
        if isinstance(error, HttpError):
            return {
                "message": error.response.content.decode() or "Bad request.",
                "extensions": {"code": errors.BAD_REQUEST},
            }
        if not isinstance(error, GraphQLError):
            return self._internal_error(request, error)

        original = error.original_error
        if isinstance(original, errors.ApiError):
            return error.formatted
        if original is None:
            formatted = error.formatted
            if not settings.GRAPHQL_FIELD_SUGGESTIONS:
                formatted["message"] = SUGGESTION.sub("", formatted["message"])
            formatted.setdefault("extensions", {})
            formatted["extensions"].setdefault("code", self._code_without_cause(error))
            return formatted
        if _is_bad_value(original) or isinstance(original, DjangoValidationError):
            return {
                "message": f"Invalid argument: {_plain_message(original)}",
                "extensions": {"code": errors.BAD_USER_INPUT},
                "path": error.path,
            }
        if _is_unavailable(original):
            setattr(request, UNAVAILABLE_FLAG, True)
            return {**self._database_error(request, original), "path": error.path}
        return self._internal_error(request, original, path=error.path)

    @staticmethod
    def _code_without_cause(error):
        if isinstance(error, GraphQLSyntaxError):
            return errors.GRAPHQL_PARSE_FAILED
        if error.path:
            return errors.BAD_USER_INPUT
        if error.message.startswith("Variable "):
            return errors.BAD_USER_INPUT
        return errors.GRAPHQL_VALIDATION_FAILED

    @staticmethod
    def _internal_error(request, exc, path=None):
        logger.error(
            "unexpected error [request %s]",
            request.request_id,
            exc_info=(type(exc), exc, exc.__traceback__),
        )
        formatted = {
            "message": (
                f"Internal server error. Quote request id {request.request_id} when reporting it."
            ),
            "extensions": {"code": errors.INTERNAL_SERVER_ERROR, "requestId": request.request_id},
        }
        if path:
            formatted["path"] = path
        return formatted

    @staticmethod
    def _unsupported_media_type(request):
        body = {
            "errors": [
                {
                    "message": "Send queries as application/json (or application/graphql), "
                    "or as a GET.",
                    "extensions": {"code": errors.UNSUPPORTED_MEDIA_TYPE},
                }
            ]
        }
        response = HttpResponse(json.dumps(body), status=415, content_type="application/json")
        response["X-Request-ID"] = request.request_id
        if getattr(request, RETRY_AFTER_ATTR, None):
            response["Retry-After"] = str(getattr(request, RETRY_AFTER_ATTR))
        return response

    @staticmethod
    def _database_error(request, exc):
        """The error for a database that failed us: too slow (cancelled) or unreachable."""
        if _is_statement_timeout(exc):
            logger.warning("statement timeout [request %s]: %s", request.request_id, exc)
            return STATEMENT_TIMEOUT_ERROR
        logger.error("database unavailable [request %s]: %s", request.request_id, exc)
        return UNAVAILABLE_ERROR

    def _unavailable_response(self, request, exc):
        body = {"errors": [self._database_error(request, exc)]}
        return HttpResponse(json.dumps(body), status=503, content_type="application/json")
