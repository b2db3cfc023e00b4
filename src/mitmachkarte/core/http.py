"""HTTP helpers shared by interfaces: conditional GET with caching headers, secret pages."""

from functools import wraps

from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)


def cached_with_etag(*, max_age: int, public: bool = True):
    """Cache-Control and a content ETag on 200 responses to GET/HEAD; 304 on If-None-Match.

    The ETag is a hash of the body, so it changes exactly when the content does. Only for
    responses that are the same for every visitor (no cookies, no per-user content).
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if (
                request.method not in ("GET", "HEAD")
                or response.status_code != 200
                or response.streaming
            ):
                return response
            visibility = {"public": True} if public else {"private": True}
            patch_cache_control(response, max_age=max_age, **visibility)
            if not response.has_header("ETag"):
                set_response_etag(response)
            return get_conditional_response(request, etag=response["ETag"], response=response)

        return wrapper

    return decorator


def private(view):
    """No caching, no indexing: for pages whose URL is a secret (tokens in mailed links).

    (The site's Referrer-Policy same-origin keeps them from other sites; "no-referrer" would
    make browsers send "Origin: null" with the page's forms, which Django's CSRF check
    refuses.)
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        # The page shows its secret (the link) and often what the visitor typed: never
        # compressed, so its size tells nothing about the secret (BREACH, core.compression).
        response.uncompressed = True
        return response

    return wrapper
