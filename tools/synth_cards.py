#!/usr/bin/env python3
"""Render labelled synthetic business cards for training the line-role model.

Usage: python tools/synth_cards.py OUT_DIR [--count N] [--seed S]

Each card gets a person (given and family names from the shipped lists), a title in one of
seven languages, a company (a brand with an organisation word or a legal form), an e-mail whose
local part spells the name in one of the usual patterns, a website, phones with labels, an
address and, on some cards, a tagline or a logo word. Layouts: stacked left, centred, name left
with the contact block on the right, logo on top; light and dark cards; DejaVu fonts (Debian's
fonts-dejavu). The same seed gives the same images and ``labels.jsonl`` (the cards-real format).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from netcompanion.ocr.lexicon import word_list  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = ["DejaVuSans", "DejaVuSerif", "DejaVuSansCondensed", "DejaVuSerifCondensed"]
SENIORITY = ["Senior", "Junior", "Lead", "Chief", "Head of", "Director of", "Vice President,",
             "Leiter", "Leiterin", "Directeur", "Directrice", "Responsable", "Gerente de",
             "Jefe de", "Diretor de", "Gerente", "Direttore", "Responsabile", "Hoofd"]
FUNCTIONS = ["Sales", "Marketing", "Engineering", "Operations", "Finance", "Procurement",
             "Business Development", "Vertrieb", "Einkauf", "Produktion", "Ventas", "Compras",
             "Ingénierie", "Marketing Digital", "Vendas", "Operações", "Vendite", "Acquisti",
             "Verkoop", "Inkoop", "Human Resources", "Research"]
ROLES = ["Software Engineer", "Project Manager", "Account Manager", "Consultant", "Architect",
         "Geschäftsführer", "Projektleiter", "Ingénieur commercial", "Chef de projet",
         "Ingeniero de ventas", "Abogada", "Engenheiro", "Avvocato", "Adviseur", "Founder & CEO",
         "Managing Director", "Partner", "Sales Representative", "Professor"]
ORG_WORDS = ["Consulting", "Solutions", "Technologies", "Logistics", "Hotel", "Bank", "Clinic",
             "Institut", "University", "Design Studio", "Partners", "Engineering", "Systems",
             "Foods", "Architects", "Media", "Trading", "Pharma"]
LEGAL = ["GmbH", "AG", "Inc.", "LLC", "Ltd.", "S.A.", "S.L.", "SARL", "S.r.l.", "B.V.",
         "Pvt. Ltd.", "Pty Ltd", "Ltda.", "S.p.A.", "AB", "Oy", "plc"]
STREETS = ["Street", "Road", "Avenue", "Straße", "Weg", "Rue", "Calle", "Avenida", "Via",
           "Rua", "Laan", "Boulevard"]
TAGLINES = ["Quality you can trust", "Building better futures", "since 1987",
            "Your partner for growth", "Innovation in motion", "Excellence in every detail"]
PHONE_LABELS = [("Tel", "work"), ("T", "work"), ("Phone", "work"), ("Mobile", "mobile"),
                ("M", "mobile"), ("Mob", "mobile"), ("Fax", "fax"), ("Telefon", "work"),
                ("Handy", "mobile"), ("Tél.", "work"), ("Cel.", "mobile")]


def _font(rng: random.Random, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    name = rng.choice(FONTS) + ("-Bold" if bold else "")
    return ImageFont.truetype(str(FONT_DIR / f"{name}.ttf"), size)


def _pick(rng: random.Random, name: str, min_len: int = 3) -> str:
    words = sorted(w for w in word_list(name) if len(w) >= min_len and w.isalpha())
    return rng.choice(words).capitalize()


def _title(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return rng.choice(ROLES)
    return f"{rng.choice(SENIORITY)} {rng.choice(FUNCTIONS)}"


def _local(rng: random.Random, given: str, family: str) -> str:
    g, f = given.lower(), family.lower()
    return rng.choice([f"{g}.{f}", f"{g[0]}{f}", f"{g}", f"{f}.{g[0]}", f"{g}_{f}", f"{f}{g[0]}",
                       "info", "contact"])


def _phone(rng: random.Random) -> tuple[str, str, str]:
    """(printed text, e164, kind) for a US, German or UK number."""
    label, kind = rng.choice(PHONE_LABELS)
    country = rng.choice(["US", "DE", "GB"])
    if country == "US":
        a, b, c = rng.randint(201, 989), rng.randint(200, 989), rng.randint(1000, 9999)
        return f"{label} +1 {a} {b} {c}", f"+1{a}{b}{c}", kind
    if country == "DE":
        a = rng.choice(["30", "89", "40", "69", "221"])
        b = rng.randint(1000000, 9999999)
        if kind == "mobile":
            a = rng.choice(["151", "160", "170", "171", "176"])
        return f"{label} +49 {a} {b}", f"+49{a}{b}", kind
    a = rng.choice(["20", "161", "131"]) if kind != "mobile" else "7" + str(rng.randint(400, 999))
    b = rng.randint(1000000, 9999999) if len(a) < 3 else rng.randint(100000, 999999)
    if a == "20":
        b = rng.randint(70000000, 79999999)
    return f"{label} +44 {a} {b}", f"+44{a}{b}", kind


def make_card(rng: random.Random) -> tuple[Image.Image, dict]:
    given, family = _pick(rng, "given_names"), _pick(rng, "family_names")
    brand = _pick(rng, "family_names", 4) if rng.random() < 0.5 else \
        (_pick(rng, "given_names", 3) + _pick(rng, "family_names", 3).lower())
    company = f"{brand} {rng.choice(ORG_WORDS)}" if rng.random() < 0.5 else \
        f"{brand} {rng.choice(LEGAL)}"
    domain = brand.lower() + rng.choice([".com", ".de", ".co.uk", ".fr", ".es", ".it", ".nl"])
    email = f"{_local(rng, given, family)}@{domain}"
    name = f"{given} {family}"
    title = _title(rng)
    phones = [_phone(rng) for _ in range(rng.randint(1, 3))]
    city = _pick(rng, "cities", 4)
    street = f"{rng.randint(1, 250)} {_pick(rng, 'family_names', 4)} {rng.choice(STREETS)}"
    postcode = str(rng.randint(10000, 99999))
    address = f"{street}, {postcode} {city}"
    dark = rng.random() < 0.2
    bg = (30, 34, 48) if dark else (255, 255, 255) if rng.random() < 0.7 else (246, 240, 228)
    fg = (240, 240, 240) if dark else (20, 20, 30)
    accent = (200, 160, 60) if dark else rng.choice([(20, 60, 140), (150, 30, 40), (20, 20, 30)])
    im = Image.new("RGB", (1050, 600), bg)
    d = ImageDraw.Draw(im)
    layout = rng.choice(["stack", "centre", "split", "logo"])
    name_size = rng.randint(44, 62)
    small = rng.randint(24, 30)
    blocks: list[tuple[str, int, bool, tuple[int, int, int]]] = []
    if layout == "logo":
        blocks.append((brand.upper(), rng.randint(60, 80), True, accent))
    top = [(name, name_size, True, fg), (title, rng.randint(26, 34), False, fg)]
    firm = [(company, rng.randint(30, 40), True, accent)]
    if rng.random() < 0.3:
        firm.append((rng.choice(TAGLINES), small - 2, False, fg))
    contact = [(p[0], small, False, fg) for p in phones] + [(email, small, False, fg),
                                                            (f"www.{domain}", small, False, fg),
                                                            (address, small, False, fg)]
    x, y = 60, 50
    if layout == "split":
        for text, size, bold, colour in blocks + top + firm:
            d.text((x, y), text, font=_font(rng, size, bold), fill=colour)
            y += int(size * 1.5)
        y = 600 - 50 - len(contact) * int(small * 1.45)
        for text, size, bold, colour in contact:
            f = _font(rng, size, bold)
            w = d.textlength(text, font=f)
            d.text((max(x, 1050 - 60 - w), y), text, font=f, fill=colour)
            y += int(size * 1.45)
    else:
        order = blocks + (firm + top if rng.random() < 0.4 else top + firm) + contact
        for text, size, bold, colour in order:
            f = _font(rng, size, bold)
            w = d.textlength(text, font=f)
            px = (1050 - w) / 2 if layout == "centre" else x
            d.text((px, y), text, font=f, fill=colour)
            y += int(size * 1.35)
            if y > 570:
                break
    label = {"full_name": name, "title": title, "company": company, "emails": [email],
             "phones": [{"e164": p[1], "kind": p[2]} for p in phones], "websites": [domain],
             "address": address, "linkedin": "", "skip": []}
    return im, label


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    rows = []
    for i in range(args.count):
        im, label = make_card(rng)
        name = f"synth_{i:04d}.png"
        im.save(out / name)
        rows.append(json.dumps({"file": name, **label}, ensure_ascii=False))
    (out / "labels.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{args.count} cards in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
