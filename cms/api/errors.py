"""Typed API errors: a stable code a client can switch on, a message a person can read."""

from graphql import GraphQLError

NOT_FOUND = "NOT_FOUND"
BAD_USER_INPUT = "BAD_USER_INPUT"
UNKNOWN_LOCALE = "UNKNOWN_LOCALE"
BAD_REQUEST = "BAD_REQUEST"
UNAUTHENTICATED = "UNAUTHENTICATED"
FORBIDDEN = "FORBIDDEN"
GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"
SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
QUERY_TIMEOUT = "QUERY_TIMEOUT"
UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"
RATE_LIMITED = "RATE_LIMITED"  # cms.rate_limits: HTTP 429 with Retry-After


class ApiError(GraphQLError):
    """A client-facing error; its message is safe to show."""

    def __init__(self, code, message, **extensions):
        super().__init__(message, extensions={"code": code, **extensions})
        self.code = code


def not_found(what):
    return ApiError(NOT_FOUND, f"{what} was not found.")


def bad_input(message, **extensions):
    return ApiError(BAD_USER_INPUT, message, **extensions)


# Preview tokens (cms/api/preview.py): a token that is not ours, or one past its maximum age.
PREVIEW_TOKEN_INVALID = "PREVIEW_TOKEN_INVALID"
PREVIEW_TOKEN_EXPIRED = "PREVIEW_TOKEN_EXPIRED"
