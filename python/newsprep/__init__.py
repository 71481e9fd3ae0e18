"""newsprep - the newsprep filters as Python functions.

Each function runs one engine of libnewsprep (through ctypes, standard
library only) on one document, with the defaults of the command-line
tool of the same name, and returns Python strings, lists and dicts.
Offsets are code points into the str passed in (text[start:end] is the
span), as in the tools' JSON output:

    >>> import newsprep
    >>> newsprep.find_dates("Published 18. Oktober 2023", lang="de")
    [{'start': 10, 'end': 26, 'value': '2023-10-18', 'text': '18. Oktober 2023'}]

strip_boilerplate(text)                 -> str
split_articles(text)                    -> [dict, ...]
find_dates(text, ref=None, lang=None)   -> [dict, ...]
extract_quotes(text)                    -> [dict, ...]

The library is found through $NEWSPREP_LIB (a path), then beside this
package (an installed PREFIX/lib/python3/dist-packages/newsprep finds
PREFIX/lib/libnewsprep.so.0; the source tree's python/newsprep finds the
built libnewsprep.so.0 at the top), then by the dynamic loader.  The
functions may be called from many threads at once: each thread has its
own engine contexts, and the engines run without the GIL.  See
newsprep(3).
"""

import ctypes
import datetime
import os
import threading

__all__ = ["strip_boilerplate", "split_articles", "find_dates", "extract_quotes",
           "NewsprepError"]

_API_VERSION = 1  # NP_API_VERSION of include/newsprep/api.h
_NONE = ctypes.c_size_t(-1).value
_CONT = bytes(range(0x80, 0xC0))  # UTF-8 continuation bytes


class NewsprepError(Exception):
    """An engine failed (a pattern limit, out of memory)."""


class _Str(ctypes.Structure):
    _fields_ = [("s", ctypes.c_void_p), ("len", ctypes.c_size_t)]


class _Quote(ctypes.Structure):
    _fields_ = [("start", ctypes.c_size_t), ("end", ctypes.c_size_t),
                ("speaker_start", ctypes.c_size_t), ("speaker_end", ctypes.c_size_t),
                ("cue_start", ctypes.c_size_t), ("cue_end", ctypes.c_size_t),
                ("speaker", _Str), ("cue", _Str),
                ("kind", ctypes.c_char_p), ("multipara", ctypes.c_int)]


class _Date(ctypes.Structure):
    _fields_ = [("start", ctypes.c_size_t), ("end", ctypes.c_size_t),
                ("value", ctypes.c_char_p), ("unresolved", ctypes.c_int)]


class _Article(ctypes.Structure):
    _fields_ = [("n", ctypes.c_size_t), ("start", ctypes.c_size_t), ("end", ctypes.c_size_t),
                ("text_start", ctypes.c_size_t), ("text_end", ctypes.c_size_t),
                ("format", ctypes.c_char_p),
                ("source", _Str), ("title", _Str), ("byline", _Str), ("section", _Str),
                ("words", ctypes.c_long), ("date", ctypes.c_char * 32)]


def _candidates():
    """Where libnewsprep.so.0 may be, in the order tried."""
    env = os.environ.get("NEWSPREP_LIB")
    if env:
        yield env
    here = os.path.dirname(os.path.abspath(__file__))
    for up in (("..", "..", ".."), ("..", "..")):
        yield os.path.normpath(os.path.join(here, *up, "libnewsprep.so.0"))
    yield "libnewsprep.so.0"


def _load():
    """Opens the library and declares the functions of newsprep/api.h."""
    errors = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            continue
        try:
            lib = ctypes.CDLL(path)
            break
        except OSError as e:
            errors.append(str(e))
    else:
        raise ImportError("newsprep: cannot load libnewsprep.so.0 (set NEWSPREP_LIB): "
                          + "; ".join(errors or ["not found"]))
    lib.np_api_version.restype = ctypes.c_int
    if lib.np_api_version() != _API_VERSION:
        raise ImportError("newsprep: libnewsprep has API version %d, this module wants %d"
                          % (lib.np_api_version(), _API_VERSION))
    P, S = ctypes.c_void_p, ctypes.c_size_t
    lib.np_api_new.restype = P
    lib.np_api_free.argtypes = [P]
    lib.np_strerror.restype = ctypes.c_char_p
    lib.np_strerror.argtypes = [ctypes.c_int]
    lib.np_api_strip_boilerplate.argtypes = [P, ctypes.c_char_p, S, ctypes.POINTER(P),
                                             ctypes.POINTER(S)]
    for name, struct in (("np_api_split_articles", _Article),
                         ("np_api_extract_quotes", _Quote)):
        getattr(lib, name).argtypes = [P, ctypes.c_char_p, S,
                                       ctypes.POINTER(ctypes.POINTER(struct)), ctypes.POINTER(S)]
    lib.np_api_find_dates.argtypes = [P, ctypes.c_char_p, S, ctypes.c_char_p, ctypes.c_char_p,
                                      ctypes.POINTER(ctypes.POINTER(_Date)), ctypes.POINTER(S)]
    for f in (lib.np_api_strip_boilerplate, lib.np_api_split_articles,
              lib.np_api_extract_quotes, lib.np_api_find_dates):
        f.restype = ctypes.c_int
    return lib


_lib = _load()


class _Handle(threading.local):
    """One np_api handle per thread, freed with the thread."""

    def __init__(self):
        self.h = _lib.np_api_new()
        if not self.h:
            raise MemoryError("newsprep: out of memory")
        self._free = _lib.np_api_free

    def __del__(self):
        if getattr(self, "h", None):
            self._free(self.h)
            self.h = None


_handle = _Handle()


def _check(rc):
    """Raises the exception an np_status calls for."""
    if rc == 0:
        return
    msg = "newsprep: " + _lib.np_strerror(rc).decode("ascii", "replace")
    if rc == -1:
        raise MemoryError(msg)
    if rc == -3:
        raise ValueError(msg)
    raise NewsprepError(msg)


class _Doc:
    """A document as the engines see it (UTF-8 bytes) and the way back
    from their byte offsets to code points of the str."""

    def __init__(self, text):
        if not isinstance(text, str):
            raise TypeError("newsprep: text must be a str, not %s" % type(text).__name__)
        self.text = text
        self.b = text.encode("utf-8", "surrogatepass")
        self.ascii = len(self.b) == len(text)

    def cp(self, offsets):
        """Maps byte offsets (NONE left as None) to code-point offsets."""
        want = sorted({o for o in offsets if o != _NONE})
        if self.ascii:
            m = {o: o for o in want}
        else:
            m, prev, n = {}, 0, 0
            for o in want:
                n += len(self.b[prev:o].translate(None, _CONT))
                m[o], prev = n, o
        m[_NONE] = None
        return m

    def string(self, s):
        """A counted string of a result (None when absent)."""
        if not s.s:
            return None
        raw = ctypes.string_at(s.s, s.len)
        try:
            return raw.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            return raw.decode("utf-8", "replace")


def strip_boilerplate(text):
    """The title and article text of a page, without its furniture, as
    strip-boilerplate prints it."""
    d = _Doc(text)
    out, n = ctypes.c_void_p(), ctypes.c_size_t()
    _check(_lib.np_api_strip_boilerplate(_handle.h, d.b, len(d.b), ctypes.byref(out),
                                         ctypes.byref(n)))
    return d.string(_Str(out.value or 0, n.value)) or ""


def split_articles(text):
    """The articles of a dump, each a dict as split-articles --jsonl
    writes it: n, format, source, date, title, byline, section, words
    (those the article has), start and end of its record, and text (its
    body)."""
    d = _Doc(text)
    v, n = ctypes.POINTER(_Article)(), ctypes.c_size_t()
    _check(_lib.np_api_split_articles(_handle.h, d.b, len(d.b), ctypes.byref(v), ctypes.byref(n)))
    arts = [v[i] for i in range(n.value)]
    m = d.cp([o for a in arts for o in (a.start, a.end, a.text_start, a.text_end)])
    out = []
    for a in arts:
        r = {"n": a.n, "format": a.format.decode("ascii")}
        for key in ("source", "date", "title", "byline", "section"):
            if key == "date":
                val = a.date.decode("utf-8", "replace") or None
            else:
                val = d.string(getattr(a, key))
            if val is not None:
                r[key] = val
        if a.words >= 0:
            r["words"] = a.words
        r["start"], r["end"] = m[a.start], m[a.end]
        r["text"] = text[m[a.text_start]:m[a.text_end]]
        out.append(r)
    return out


def find_dates(text, ref=None, lang=None):
    """The date expressions of a document, each a dict as
    normalize-dates --list --jsonl writes it: start, end, value, text.
    ref is the reference date for relative dates: a datetime.date or
    datetime, a string "YYYY-MM-DD", "auto" (the document's dateline; the
    default) or "none".  lang is a language code, a comma-separated list
    or a list of codes (default: all)."""
    d = _Doc(text)
    if isinstance(ref, (datetime.date, datetime.datetime)):
        ref = ref.strftime("%Y-%m-%d")
    if isinstance(lang, (list, tuple)):
        lang = ",".join(lang)
    v, n = ctypes.POINTER(_Date)(), ctypes.c_size_t()
    _check(_lib.np_api_find_dates(_handle.h, d.b, len(d.b),
                                  None if ref is None else str(ref).encode("utf-8"),
                                  None if lang is None else str(lang).encode("utf-8"),
                                  ctypes.byref(v), ctypes.byref(n)))
    hits = [v[i] for i in range(n.value)]
    m = d.cp([o for h in hits for o in (h.start, h.end)])
    return [{"start": m[h.start], "end": m[h.end], "value": h.value.decode("ascii", "replace"),
             "text": text[m[h.start]:m[h.end]]} for h in hits]


def extract_quotes(text):
    """The direct quotations of a document and who said them, each a
    dict as extract-quotes --jsonl writes it: start, end (inside the
    marks), speaker, kind, speaker_start, speaker_end, cue, cue_start,
    cue_end, multipara, quote."""
    d = _Doc(text)
    v, n = ctypes.POINTER(_Quote)(), ctypes.c_size_t()
    _check(_lib.np_api_extract_quotes(_handle.h, d.b, len(d.b), ctypes.byref(v), ctypes.byref(n)))
    qs = [v[i] for i in range(n.value)]
    m = d.cp([o for q in qs for o in (q.start, q.end, q.speaker_start, q.speaker_end,
                                      q.cue_start, q.cue_end)])
    return [{"start": m[q.start], "end": m[q.end], "speaker": d.string(q.speaker),
             "kind": q.kind.decode("ascii"),
             "speaker_start": m[q.speaker_start], "speaker_end": m[q.speaker_end],
             "cue": d.string(q.cue), "cue_start": m[q.cue_start], "cue_end": m[q.cue_end],
             "multipara": bool(q.multipara), "quote": text[m[q.start]:m[q.end]]}
            for q in qs]
