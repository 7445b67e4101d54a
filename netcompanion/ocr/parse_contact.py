"""E-mail addresses, websites and LinkedIn profiles, with OCR repair where the form is certain."""
from __future__ import annotations

import re

#: Top-level domains accepted without a ``www.``/``http`` prefix (plus every 2-letter country code).
COMMON_TLDS = {
    "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "ai", "app", "dev",
    "co", "me", "tv", "us", "eu", "asia", "pro", "name", "mobi", "tech", "online", "site",
    "store", "shop", "agency", "consulting", "digital", "global", "group", "solutions", "studio",
    "design", "media", "cloud", "law", "legal", "health", "bank", "capital", "partners",
    "business", "company", "email", "expert", "finance", "network", "systems", "world", "xyz",
}
# words that end in a ccTLD-looking suffix after a dot but are abbreviations, not hosts
_NOT_HOST = re.compile(r"^(?:[a-z]\.)+[a-z]?$|^(?:no|nr|tel|ph|fax|mob|dr|st|rd|pvt|ltd|co|inc|"
                       r"str|ave|blvd|dist|opp|p\.o|po)\.", re.I)

EMAIL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
HOST_RE = re.compile(
    r"(?<![@\w.-])((?:https?://)?(?:www\d?\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*"
    r"\.[A-Za-z]{2,}(?:/[^\s,;]*)?)", re.I)
LINKEDIN_RE = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.)?linked\s?in\.com/(?:in|pub|company)/"
                         r"[A-Za-z0-9_%.-]+", re.I)
_EMAIL_LABEL = re.compile(r"^\s*(?:e-?mail|email|mail|courriel|correo|e|m)\s*[:.|]?\s*(?=\S+@)", re.I)


def repair_email_text(text: str) -> str:
    """Undo OCR slips around e-mail addresses: ``©``/``®`` for ``@``, spaces around ``@``/``.``."""
    t = text
    t = re.sub(r"(?<=\w)\s*[©®]\s*(?=\w)", "@", t)
    t = re.sub(r"\s*[\[(]\s*at\s*[\])]\s*", "@", t, flags=re.I)
    t = re.sub(r"\s*[\[(]\s*dot\s*[\])]\s*", ".", t, flags=re.I)
    # "name @ domain.com" / "name@ domain.com" / "name @domain .com"
    t = re.sub(r"(?<=[A-Za-z0-9._-])\s+@\s*(?=[A-Za-z0-9])|(?<=[A-Za-z0-9._-])@\s+(?=[A-Za-z0-9])",
               "@", t)
    t = re.sub(r"(@[A-Za-z0-9.-]+?)\s*\.\s*(com|net|org|in|de|edu|co)\b", r"\1.\2", t)
    t = re.sub(r"(?<=[a-z0-9])\s*,\s*(?=(?:com|net|org)\b)", ".", t)
    return t


def fix_tld(host: str) -> str:
    """``.corn`` -> ``.com``, ``.c0m`` -> ``.com``, trailing punctuation dropped."""
    host = host.strip(".,;:)('\"")
    host = re.sub(r"\.(?:corn|c0m|coml|con|cam|comn)$", ".com", host, flags=re.I)
    host = re.sub(r"\.0rg$", ".org", host, flags=re.I)
    host = re.sub(r"\.(?:n et|nct)$", ".net", host, flags=re.I)
    return host


def find_emails(text: str) -> list[str]:
    """E-mail addresses in one line of text (lower-cased, labels stripped)."""
    t = repair_email_text(text)
    # two addresses run together: "ana@gmail.comdirector_x@rediffmail.com"
    t = re.sub(r"(@[A-Za-z0-9.-]+?\.(?:com|net|org|edu|gov|info|biz))(?=[A-Za-z0-9._%+-]+@)",
               r"\1 ", t)
    out = []
    for m in EMAIL_RE.finditer(t):
        e = fix_tld(m.group(0)).strip("'").lower()
        local, _, domain = e.partition("@")
        # "E:info@x.com" read as "einfo@x.com" cannot be told apart; but "Email:" glued is sure
        local = re.sub(r"^(?:e-?mail|email)[:.]?", "", local) or local
        out.append(f"{local}@{domain}")
    return out


def _valid_host(host: str) -> bool:
    h = host.lower()
    if _NOT_HOST.match(h):
        return False
    bare = re.sub(r"^(?:https?://)?", "", h)
    hostpart = bare.split("/")[0]
    labels = hostpart.split(".")
    if len(labels) < 2 or any(not ln for ln in labels):
        return False
    tld = labels[-1]
    if not tld.isalpha():
        return False
    explicit = h.startswith(("http", "www"))
    if explicit:
        return len(labels) >= 2
    if tld not in COMMON_TLDS and len(tld) != 2:
        return False
    sld = labels[-2]
    if len(sld) < 2 or sld.isdigit():
        return False
    if len(tld) == 2 and not (len(hostpart) >= 6 and any(c.isalpha() for c in sld)):
        return False
    return True


#: social networks and messengers: a URL there is a profile, not the owner's website
SOCIAL_HOSTS = {"facebook.com", "fb.com", "fb.me", "instagram.com", "twitter.com", "x.com",
                "youtube.com", "youtu.be", "tiktok.com", "pinterest.com", "wa.me", "t.me",
                "threads.net", "snapchat.com", "vk.com", "weibo.com"}


SOCIAL_RE = re.compile(r"(?i)(?<![\w.@-])(?:https?://)?(?:www\.|m\.)?(?:facebook|fb|instagram|"
                       r"twitter|x|youtube|youtu|tiktok|pinterest|wa|t|threads|snapchat|vk|weibo)"
                       r"\.(?:com|me|be|net)(?:/\S*)?")


def find_websites(text: str) -> list[str]:
    """Web addresses in one line (e-mail domains and LinkedIn excluded), scheme dropped."""
    t = repair_email_text(text)
    t = re.sub(r"\b(www)\s*[,.]\s*", r"\1.", t, flags=re.I)
    t = re.sub(r"\bwww(?=[a-z0-9-]{2,}\.)", "www.", t, flags=re.I)
    t = LINKEDIN_RE.sub(" ", t)
    t = EMAIL_RE.sub(" ", t)
    t = re.sub(r"^\s*(?:(?:web(?:site)?|site|url|internet|homepage)\s*[:|.]?|w\s*[:|])\s*", "", t, flags=re.I)
    out = []
    for m in HOST_RE.finditer(t):
        h = fix_tld(m.group(1))
        if not _valid_host(h):
            continue
        h = re.sub(r"^https?://", "", h, flags=re.I)
        host, slash, path = h.partition("/")
        host = host.lower()
        host = re.sub(r"^www\d?\.", "", host)
        if any(host == x or host.endswith("." + x) for x in SOCIAL_HOSTS):
            continue  # a profile on a social network is no website of the card's owner
        out.append(host + (slash + path.rstrip("/") if path.strip("/") else ""))
    return out


def find_linkedin(text: str) -> str:
    """A LinkedIn profile URL in the line (``linkedin.com/in/...``), or ''."""
    t = re.sub(r"\s*/\s*", "/", text)
    m = LINKEDIN_RE.search(t)
    if not m:
        return ""
    url = re.sub(r"^https?://", "", m.group(0), flags=re.I)
    url = re.sub(r"^(?:www|[a-z]{2})\.", "", url, flags=re.I)
    return url.replace(" ", "").rstrip("/.,").lower() if url.lower().startswith("linked") else url


#: Second-level names of free / ISP mail providers: the domain says nothing about the company.
FREE_MAIL = {"gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "aol", "icloud",
             "rediffmail", "gmx", "web", "mail", "protonmail", "ymail", "msn", "zoho", "yandex",
             "t-online", "orange", "free", "wanadoo", "libero", "qq", "163", "naver", "bigpond",
             "comcast", "sbcglobal"}


def freemail_locals(emails: list[str]) -> list[str]:
    """Letters of the local parts of free-mail addresses (``acmeprints`` from
    ``acme.prints2013@gmail.com``): small firms often use the firm's name there."""
    out = []
    for e in emails:
        local, _, dom = e.lower().partition("@")
        labels = dom.split(".")
        if len(labels) < 2 or max(labels[:-1], key=len) not in FREE_MAIL:
            continue
        letters = re.sub(r"[^a-z]", "", local)
        if len(letters) >= 5 and letters not in out:
            out.append(letters)
    return out


def domain_words(emails: list[str], websites: list[str]) -> list[str]:
    """The second-level names of the card's domains (``acme`` from ``jane@acme-robotics.de``)."""
    free = FREE_MAIL
    out = []
    for d in [e.split("@", 1)[1] for e in emails if "@" in e] + [w.split("/")[0] for w in websites]:
        labels = d.lower().split(".")
        if len(labels) < 2:
            continue
        # the longest label before the TLD: acme from mail.acme.co.uk, shop.acme.com.au
        core = max(labels[:-1], key=len)
        if core not in free and core not in out:
            out.append(core)
    return out
