"""The mechanics of a team's file uploads: safe names, what the bytes are, a size limit while receiving.

The messages and the rules that use these (which types, how large, how much per submission)
live with the services that accept files (``cohorts.assignments.services``, ``cohorts.progress.services``).
"""

import functools
import io
import os
import unicodedata
import zipfile

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.views.decorators.csrf import csrf_exempt, csrf_protect

#: Bytes of a stored file name: within every file system's 255, with room for the suffix that
#: storage adds to tell two files of the same name apart.
STORED_NAME_MAX_BYTES = 150
#: Characters of the name shown to people (``original_name`` columns hold 255).
DISPLAY_NAME_MAX_CHARS = 255
#: How much of a file is read to tell what it is.
SNIFF_BYTES = 8192

# The parts a zip must hold to be an Office Open XML document of each kind.
_OFFICE_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
# Extensions that name the same content as another one.
_SAME_CONTENT = {"jpeg": "jpg"}
# Plain text has no signature: it is accepted when nothing else is recognised and it holds no NUL.
_TEXT_EXTENSIONS = {"csv", "txt"}


def extension(name: str) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _clean(name: str) -> str:
    """The last path segment of `name`, in NFC, without control characters or surrounding spaces."""
    name = os.path.basename((name or "").replace("\\", "/"))
    name = unicodedata.normalize("NFC", name)
    return "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")


def _truncate(name: str, fits) -> str:
    """`name` with its stem shortened until `fits(name)`, keeping the extension."""
    stem, ext = os.path.splitext(name)
    if len(ext) > 16:  # not an extension anyone needs to keep
        stem, ext = name, ""
    while stem and not fits(stem + ext):
        stem = stem[:-1]
    return (stem.rstrip(" .") or "file") + ext


def display_name(name: str) -> str:
    """The name people see: the uploaded name, shortened to fit its column, extension kept."""
    return _truncate(_clean(name) or "file", lambda n: len(n) <= DISPLAY_NAME_MAX_CHARS)


def stored_name(name: str) -> str:
    """The name the file is stored under: short enough in bytes for any file system."""
    return _truncate(_clean(name) or "file", lambda n: len(n.encode()) <= STORED_NAME_MAX_BYTES)


def _head(file) -> bytes:
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    file.seek(0)
    return head


def _zip_names(file) -> list[str]:
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    finally:
        file.seek(0)


def content_matches_extension(file, ext: str) -> bool:
    """Whether the bytes of `file` are what its extension says (a .pdf is a PDF, a .png a PNG…)."""
    head = _head(file)
    guessed = filetype.guess_extension(head)
    ext = _SAME_CONTENT.get(ext, ext)
    if ext in _TEXT_EXTENSIONS:
        return guessed is None and b"\x00" not in head
    if ext in _OFFICE_PARTS:
        if guessed not in (ext, "zip", *_OFFICE_PARTS):
            return False
        part = _OFFICE_PARTS[ext]
        names = _zip_names(file)
        return "[Content_Types].xml" in names and any(n.startswith(part) for n in names)
    return guessed == ext


class OversizedUpload(UploadedFile):
    """Stands for a file that went over the limit while it was received: its bytes were not kept."""

    def __init__(self, name, content_type, size, charset=None):
        super().__init__(io.BytesIO(), name, content_type, size, charset)


class SizeLimitUploadHandler(FileUploadHandler):
    """Stops keeping a file's bytes once it passes the limit, so nothing that large is stored.

    The file still reaches the view, as an ``OversizedUpload`` of the size received so far,
    so the service refuses it with its message like any other file that is too large.
    """

    def __init__(self, request=None, limit=None):
        super().__init__(request)
        self.limit = settings.SUBMISSION_UPLOAD_MAX_BYTES if limit is None else limit

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.oversized = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.oversized = True
            return None  # the handlers after this one never see the rest
        return raw_data

    def file_complete(self, file_size):
        if self.oversized:
            return OversizedUpload(self.file_name, self.content_type, self.received, self.charset)
        return None  # the next handler (memory or temporary file) holds the file


def limit_upload_size(view):
    """Decorate a view that accepts files so each file is cut off past the upload limit.

    Upload handlers can only change before the body is read, which CSRF checking does; so the
    check runs here, after the handler is in place (as Django's documentation shows).
    """

    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST":
            request.upload_handlers.insert(0, SizeLimitUploadHandler(request))
        return csrf_protect(view)(request, *args, **kwargs)

    return wrapped
