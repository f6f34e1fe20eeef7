"""Handing a private file to someone the caller has already checked may have it."""

from django.http import FileResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header

#: How long a signed download address works: long enough to start the download, too short to share.
SIGNED_URL_SECONDS = 60


def private_file_response(file, *, filename):
    """The file as a download named `filename`.

    Where the storage signs its addresses (private S3 in production), a redirect to a short-lived
    signed address, so the app does not stream the bytes through a worker; the signature carries
    the download name. Elsewhere (local disk), the file is streamed.
    """
    storage = file.storage
    if getattr(storage, "querystring_auth", False):
        url = storage.url(
            file.name,
            parameters={"ResponseContentDisposition": content_disposition_header(True, filename)},
            expire=SIGNED_URL_SECONDS,
        )
        response = HttpResponseRedirect(url)
        response["Cache-Control"] = "private, no-store"
        return response
    return FileResponse(file.open("rb"), as_attachment=True, filename=filename)
