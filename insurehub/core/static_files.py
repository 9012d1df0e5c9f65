"""Static files served by the application: WhiteNoise, streamed asynchronously under ASGI.

WhiteNoise answers with a file response whose body is a synchronous iterator. Served by uvicorn,
Django's ASGI handler then warns on every such response ("StreamingHttpResponse must consume
synchronous iterators") and reads the file into memory in a worker thread anyway. Under ASGI the
body is handed over as an asynchronous iterator that does the same read without the warning;
under WSGI nothing changes.
"""

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from whitenoise.middleware import WhiteNoiseFileResponse, WhiteNoiseMiddleware

__all__ = ["StaticFilesMiddleware"]


async def _read_all(file):
    if file is not None:
        yield await sync_to_async(file.read, thread_sensitive=False)()


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    @staticmethod
    def serve(static_file, request) -> WhiteNoiseFileResponse:
        response = WhiteNoiseMiddleware.serve(static_file, request)
        if isinstance(request, ASGIRequest):
            # The file stays registered for closing with the response.
            response.streaming_content = _read_all(response.file_to_stream)
        return response
