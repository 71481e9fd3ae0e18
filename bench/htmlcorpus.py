"""htmlcorpus.py - the HTML benchmark corpus: news pages as served.

usage: python3 bench/htmlcorpus.py SEED OUT.z OUTDIR [COUNT] < text-corpus.z

Reads the generated text corpus (bench/gencorpus: NUL-separated documents
of headline, byline, paragraphs, teaser lists and furniture) and writes
each document as an HTML page: NUL-separated to OUT.z (the form
`strip-boilerplate -z --html` reads) and, for the first COUNT pages
(default all), one file a page in OUTDIR (NNNNN.html, the form w3m and
the readability peer read).  No third-party text: the words are the
generator's, the markup is from the templates below.

What a page holds, chosen by a fixed pseudo-random generator so that the
same seed and input give the same bytes:
  - one of five layouts: HTML5 with <article>/<aside>/<nav>/<footer>;
    a 2008-style table layout (nav cell, article cell, sidebar cell) in
    one ASP.NET <form>; a div soup whose only evidence is class and id
    names; a blog with a comment thread; an AMP-like page with JSON-LD
    articleBody;
  - head furniture real pages carry: stylesheets and inline CSS, inline
    scripts (analytics, ad slots, JSON config), Open Graph and Twitter
    meta, JSON-LD NewsArticle, SVG icons, tracking pixels;
  - the article's paragraphs as <p>, its "Advertisement" lines as ad
    slots, its teaser links as related-story boxes, a sidebar of most-read
    links, share buttons, a newsletter box, a cookie banner, a footer;
  - a charset per language as 2008 and 2024 servers sent them: UTF-8
    (declared by <meta charset>, by http-equiv, or not at all),
    windows-1252 / ISO-8859-1 for western European pages, windows-1251
    and KOI8-R for Russian ones; characters a charset lacks become
    numeric references, as editors wrote them.
Prints "pages N bytes B".
"""

import html
import json
import os
import random
import re
import sys

seed, out_z, out_dir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
count = int(sys.argv[4]) if len(sys.argv) > 4 else -1
rng = random.Random(seed)
LINK = re.compile(r"\[\d+\]")
NAV_WORDS = ("Home", "World", "Politics", "Business", "Markets", "Tech", "Science",
             "Health", "Sport", "Culture", "Opinion", "Travel", "Climate", "Video")
SITES = ("The Northgate Courier", "Harbour Daily", "Pinecrest Gazette", "Bluewater Times",
         "Crestline Herald", "Eastside Ledger", "Riverside Post", "Valley Tribune")


def esc(s):
    return html.escape(s, quote=True)


def parse(doc):
    """The text document's parts: title, byline lines, paragraphs,
    teaser links, nav words, and ad positions."""
    title, by, paras, teasers, nav = None, [], [], [], []
    for block in re.split(r"\n[ \t]*\n", doc.replace("\r\n", "\n")):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        joined = " ".join(lines)
        if all(LINK.match(ln) or ln.startswith(("•", "*")) for ln in lines):
            items = [LINK.sub("", ln).lstrip("•* ").strip() for ln in lines]
            if any(len(i.split()) >= 4 for i in items):
                teasers.extend(items)
            else:
                nav.extend(items)
            continue
        text = LINK.sub("", joined).strip()
        if not text:
            continue
        if " | " in text or "Sign in" in text or text.startswith(("Skip", "Search", "Home")):
            nav.extend(w.strip() for w in re.split(r" \| |  +", text) if w.strip())
            continue
        if text.startswith(("Read more", "Related:", "See also", "Lesen Sie", "Lire aussi")) and len(text) < 120:
            teasers.append(text.split(":", 1)[-1].strip())
            continue
        if title is None and not text.endswith((".", ":", "]")) and 3 <= len(text.split()) <= 16 \
                and not text.startswith(("Skip", "Search")):
            title = text
            continue
        if title is not None and not paras and len(text) < 80 and (
                text.startswith(("By ", "Von ", "Par ", "Por ", "Di ", "От ")) or
                re.match(r"^\d{4}-\d\d-\d\d", text)):
            by.append(text)
            continue
        if text in ("Advertisement", "Anzeige", "Publicité", "Publicidad", "Pubblicità", "Реклама"):
            paras.append(None)
            continue
        if title is None:
            nav.append(text)
            continue
        paras.append(text)
    return title or "News", by, paras, teasers, nav


def words_of(paras, n):
    ws = " ".join(p for p in paras if p).split()
    return " ".join(rng.choice(ws) for _ in range(n)) if ws else "news"


def script_blob():
    """An inline script as pages carry them: config, analytics, ads."""
    k = rng.randrange(3)
    if k == 0:
        cfg = {"site": rng.choice(SITES), "section": rng.choice(NAV_WORDS).lower(),
               "targeting": {"kw": [rng.choice(NAV_WORDS).lower() for _ in range(8)]},
               "slots": [{"id": "ad-%d" % i, "sizes": [[300, 250], [728, 90]]} for i in range(6)]}
        return "<script>window.__CONFIG__ = %s;</script>\n" % json.dumps(cfg)
    if k == 1:
        return ("<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'start':new Date().getTime(),"
                "event:'load'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
                "j.src='/static/analytics.js?id='+i;f.parentNode.insertBefore(j,f);})"
                "(window,document,'script','dataLayer','X-%06d');</script>\n" % rng.randrange(10 ** 6))
    return ("<script type=\"text/javascript\">\nvar slots = [];\nfor (var i = 0; i < %d; i++) {\n"
            "  if (document.getElementById('ad-' + i) && i < 10) { slots.push('ad-' + i); }\n}\n"
            "function render(a, b) { return a < b ? a : b; }\n</script>\n" % rng.randrange(4, 12))


def style_blob():
    rules = []
    for _ in range(rng.randrange(60, 240)):
        cls = rng.choice(("nav", "story", "rail", "promo", "card", "hero", "btn", "grid"))
        rules.append(".%s-%d{margin:%dpx;padding:%dpx %dpx;color:#%06x;font:%dpx/1.4 Georgia,serif}"
                     % (cls, rng.randrange(99), rng.randrange(20), rng.randrange(20),
                        rng.randrange(20), rng.randrange(1 << 24), rng.randrange(11, 24)))
    return "<style>" + "\n".join(rules) + "</style>\n"


SVG = ('<svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">'
       '<path d="M12 2C6.5 2 2 6.5 2 12s4.5 10 10 10 10-4.5 10-10S17.5 2 12 2zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z"/>'
       '</svg>')


def head(title, site, charset_decl, desc, ld):
    h = ["<!DOCTYPE html>\n" if rng.random() < 0.8 else
         '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n',
         '<html lang="%s">\n<head>\n' % LANG, charset_decl]
    h.append("<title>%s | %s</title>\n" % (esc(title), esc(site)))
    h.append('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    h.append('<meta name="description" content="%s">\n' % esc(desc))
    h.append('<meta property="og:title" content="%s">\n' % esc(title))
    h.append('<meta property="og:site_name" content="%s">\n' % esc(site))
    h.append('<meta property="article:published_time" content="20%02d-%02d-%02dT%02d:%02d:00Z">\n'
             % (rng.randrange(8, 25), rng.randrange(1, 13), rng.randrange(1, 29),
                rng.randrange(24), rng.randrange(60)))
    h.append('<link rel="canonical" href="https://www.example.com/%s/%d.html">\n'
             % (rng.choice(NAV_WORDS).lower(), rng.randrange(10 ** 7)))
    for _ in range(rng.randrange(2, 6)):
        h.append('<link rel="stylesheet" href="/static/css/%x.css">\n' % rng.randrange(1 << 32))
    h.append(style_blob())
    for _ in range(rng.randrange(3, 9)):
        h.append(script_blob())
    if ld is not None:
        h.append('<script type="application/ld+json">%s</script>\n' % json.dumps(ld, ensure_ascii=False))
    h.append("</head>\n")
    return "".join(h)


def nav_html(nav, cls="nav"):
    items = nav or list(NAV_WORDS[:8])
    return "".join('<li class="%s-item"><a href="/%s/">%s</a></li>' % (cls, esc(i.lower()[:20]), esc(i))
                   for i in items[:14])


def related(teasers, cls):
    if not teasers:
        return ""
    lis = "".join('<li><a href="/story/%d.html">%s</a></li>' % (rng.randrange(10 ** 6), esc(t))
                  for t in teasers)
    return '<div class="%s"><h3>%s</h3><ul>%s</ul></div>\n' % (cls, RELATED, lis)


def article_body(paras, pclass=""):
    out = []
    for p in paras:
        if p is None:
            out.append('<div class="ad-slot" id="ad-%d"><span class="ad-label">%s</span>'
                       '<script>render(%d, 2);</script><noscript><img src="/px.gif" alt=""></noscript></div>\n'
                       % (rng.randrange(99), AD, rng.randrange(9)))
        elif rng.random() < 0.1 and len(p) < 300:
            out.append("<blockquote><p>%s</p></blockquote>\n" % esc(p))
        else:
            t = esc(p)
            if rng.random() < 0.3:	# a link inside the prose
                ws = t.split(" ")
                k = rng.randrange(len(ws))
                ws[k] = '<a href="/topic/%d">%s</a>' % (rng.randrange(999), ws[k])
                t = " ".join(ws)
            out.append("<p%s>%s</p>\n" % (pclass, t))
    return "".join(out)


def comments(paras):
    out = ['<section id="comments" class="comments"><h3>%s (%d)</h3>\n' % (COMMENTS, 3)]
    for i in range(3):
        out.append('<div class="comment"><span class="comment-author">user%d</span>'
                   '<p>%s.</p><a class="reply" href="#c%d">Reply</a></div>\n'
                   % (rng.randrange(9999), esc(words_of(paras, rng.randrange(8, 30)).capitalize()), i))
    out.append("</section>\n")
    return "".join(out)


def footer(site):
    links = "".join('<a href="/%s">%s</a> | ' % (w.lower(), w) for w in
                    ("About", "Contact", "Privacy", "Terms", "Advertise", "Careers"))
    return ('<footer class="site-footer"><p>%s</p><p>&copy; 20%02d %s. All rights reserved.</p></footer>\n'
            % (links, rng.randrange(8, 25), esc(site)))


def page(doc, layout):
    title, by, paras, teasers, nav = parse(doc)
    site = rng.choice(SITES)
    desc = next((p for p in paras if p), title)[:160]
    body_text = "\n\n".join(p for p in paras if p)
    ld = None
    if layout in (0, 4) or rng.random() < 0.3:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
              "datePublished": "2024-%02d-%02d" % (rng.randrange(1, 13), rng.randrange(1, 29)),
              "author": {"@type": "Person", "name": " ".join(by)[:60] or site},
              "publisher": {"@type": "Organization", "name": site}}
        if layout == 4:
            ld["articleBody"] = body_text
    h = [head(title, site, CHARSET_DECL, desc, ld), "<body>\n"]
    byline = "".join('<div class="byline">%s</div>' % esc(b) for b in by)
    share = ('<div class="share-tools">' + "".join(
        '<a class="share-%s" href="#">%s%s</a>' % (s.lower(), SVG, s) for s in ("Facebook", "X", "Email"))
        + "</div>\n")
    sidebar = related(teasers[len(teasers) // 2:], "most-read widget")
    if layout == 0:		# HTML5
        h.append('<div class="cookie-banner">%s <button>OK</button></div>\n' % COOKIE)
        h.append('<header class="masthead"><a class="logo" href="/">%s</a><nav><ul>%s</ul></nav></header>\n'
                 % (SVG + esc(site), nav_html(nav)))
        h.append('<main><article class="story"><h1>%s</h1>%s%s<div class="story-body">\n%s</div>\n%s</article>\n'
                 % (esc(title), byline, share, article_body(paras), related(teasers[:len(teasers) // 2], "related")))
        h.append('<aside class="sidebar">%s<div class="newsletter">%s<form><input type="email">'
                 '<button>Go</button></form></div></aside></main>\n' % (sidebar, NEWSLETTER))
        h.append(footer(site))
    elif layout == 1:	# 2008 table layout in one ASP.NET form
        h.append('<form name="aspnetForm" method="post" action="default.aspx" id="aspnetForm">'
                 '<input type="hidden" name="__VIEWSTATE" value="%s">\n' % ("dDwtMTA4%x" % rng.randrange(1 << 60) * 8))
        h.append('<table width="980" cellpadding="0" cellspacing="0" border="0"><tr><td colspan="3" class="top">'
                 '<img src="/img/logo.gif" alt="%s"></td></tr>\n<tr><td width="160" valign="top" class="leftnav">'
                 % esc(site))
        h.append("".join('<a href="/%s.aspx">%s</a><br>' % (esc(i.lower()[:20]), esc(i)) for i in (nav or NAV_WORDS)[:14]))
        h.append('</td>\n<td width="520" valign="top"><span class="headline"><b>%s</b></span><br>\n'
                 '<span class="date">%s</span><br><br>\n' % (esc(title), esc(" ".join(by))))
        for p in paras:
            if p is None:
                h.append('<table><tr><td class="adbox"><script>render(1,2);</script></td></tr></table>\n')
            else:
                h.append("%s<br><br>\n" % esc(p))
        h.append('</td>\n<td width="300" valign="top" class="right">%s</td></tr>\n'
                 % related(teasers, "related"))
        h.append('<tr><td colspan="3" class="footer">&copy; %s</td></tr></table></form>\n' % esc(site))
    elif layout == 2:	# div soup: class and id names only
        h.append('<div id="wrapper"><div id="header"><div class="menu">%s</div></div>\n'
                 % "".join('<a href="/%s">%s</a> ' % (esc(i.lower()[:20]), esc(i)) for i in (nav or NAV_WORDS)[:12]))
        h.append('<div id="content"><div class="post"><div class="post-title">%s</div>'
                 '<div class="post-meta">%s</div><div class="entry-content">\n%s</div></div>\n'
                 % (esc(title), esc(" ".join(by)), article_body(paras)))
        h.append('<div id="sidebar">%s%s</div></div>\n' % (related(teasers, "related-posts"), sidebar))
        h.append('<div id="footer">&copy; %s &middot; <a href="/privacy">Privacy</a></div></div>\n' % esc(site))
    elif layout == 3:	# blog with comments
        h.append('<div class="site"><nav class="top-nav"><ul>%s</ul></nav>\n' % nav_html(nav, "menu"))
        h.append('<div class="content-area"><article class="post type-post"><header class="entry-header">'
                 '<h1 class="entry-title">%s</h1><div class="entry-meta">%s</div></header>\n'
                 '<div class="entry-content">%s</div>%s</article>\n%s</div>\n'
                 % (esc(title), byline, article_body(paras), share, comments(paras)))
        h.append('<div class="widget-area">%s</div>\n' % sidebar)
        h.append(footer(site) + "</div>\n")
    else:		# AMP-like, JSON-LD articleBody
        h.append('<amp-analytics type="gtag"><script type="application/json">{"vars":{"id":"X"}}</script></amp-analytics>\n')
        h.append('<header><nav aria-label="menu"><ul>%s</ul></nav></header>\n' % nav_html(nav))
        h.append('<div role="main"><h1 class="headline">%s</h1>%s\n<div class="article-text">%s</div>\n%s</div>\n'
                 % (esc(title), byline, article_body(paras, ' class="para"'), related(teasers, "more-stories")))
        h.append(footer(site))
    for _ in range(rng.randrange(1, 4)):
        h.append(script_blob())
    h.append('<img src="/pixel.gif?r=%d" width="1" height="1" alt="">\n</body>\n</html>\n' % rng.randrange(10 ** 9))
    return "".join(h)


# Per language: the words of its furniture and the charsets its pages use.
FURN = {
    "en": ("Related stories", "Advertisement", "Comments", "We use cookies to improve your experience.",
           "Sign up for our daily newsletter."),
    "de": ("Mehr zum Thema", "Anzeige", "Kommentare", "Wir verwenden Cookies.", "Newsletter abonnieren"),
    "fr": ("À lire aussi", "Publicité", "Commentaires", "Nous utilisons des cookies.",
           "Inscrivez-vous à la newsletter"),
    "es": ("Más noticias", "Publicidad", "Comentarios", "Usamos cookies.", "Suscríbete al boletín"),
    "it": ("Leggi anche", "Pubblicità", "Commenti", "Usiamo i cookie.", "Iscriviti alla newsletter"),
    "ru": ("Читайте также", "Реклама", "Комментарии", "Мы используем файлы cookie.",
           "Подпишитесь на рассылку"),
}
CHARSETS = {
    "en": (("utf-8", "meta"), ("utf-8", "equiv"), ("utf-8", None), ("windows-1252", "equiv")),
    "de": (("utf-8", "meta"), ("iso-8859-1", "equiv"), ("windows-1252", "meta")),
    "fr": (("utf-8", "meta"), ("iso-8859-1", "equiv"), ("windows-1252", "equiv")),
    "es": (("utf-8", "meta"), ("iso-8859-1", "equiv")),
    "it": (("utf-8", "meta"), ("windows-1252", "equiv")),
    "ru": (("utf-8", "meta"), ("windows-1251", "equiv"), ("koi8-r", "meta")),
}


def language(doc):
    if re.search("[а-яА-Я]", doc):
        return "ru"
    for lang, pat in (("de", r"\b(und|der|die|sagte)\b"), ("fr", r"\b(le|les|des|a déclaré)\b"),
                      ("es", r"\b(el|los|dijo|según)\b"), ("it", r"\b(il|della|ha detto)\b")):
        if len(re.findall(pat, doc)) > 10:
            return lang
    return "en"


raw = sys.stdin.buffer.read().split(b"\0")
if raw and raw[-1] == b"":
    raw.pop()
os.makedirs(out_dir, exist_ok=True)
n = total = 0
with open(out_z, "wb") as z:
    for i, r in enumerate(raw):
        doc = r.decode("utf-8", "replace")
        LANG = language(doc)
        RELATED, AD, COMMENTS, COOKIE, NEWSLETTER = FURN[LANG]
        cs, how = rng.choice(CHARSETS[LANG])
        CHARSET_DECL = ('<meta charset="%s">\n' % cs if how == "meta" else
                        '<meta http-equiv="Content-Type" content="text/html; charset=%s">\n' % cs
                        if how == "equiv" else "")
        data = page(doc, rng.randrange(5)).encode(cs, "xmlcharrefreplace")
        z.write(data + b"\0")
        if count < 0 or i < count:
            with open(os.path.join(out_dir, "%05d.html" % i), "wb") as f:
                f.write(data)
        n += 1
        total += len(data)
print("pages %d bytes %d" % (n, total))
