#!/usr/bin/env python3
"""Render labelled synthetic cards of many countries, as photos, to look at the reader's errors.

Usage: python tools/synth_world.py OUT_DIR [--count N] [--seed S] [--flat] [--hard]

Unlike tools/synth_cards.py (clean renders the line-role model is trained on), each card here
follows one country's conventions: its address lines (street and number order, postcode, P.O.
box, CEP, district), its phone numbers (valid numbers of that country, printed nationally or
with +CC, with labels in its language: Tel./Mobil/Handy/Cel./Port./Móvil/Cell.), titles in its
language and firms with its legal forms. Layouts: stacked, centred, two columns, logo over the
firm, dark cards. Unless ``--flat``, each card is then photographed: turned a little, in
perspective on a desk, lit unevenly, blurred, with sensor noise and JPEG compression. The same
seed gives the same images and ``labels.jsonl`` (the cards-real format).
"""
from __future__ import annotations

import argparse
import io
import json
import random
import sys
from pathlib import Path

import numpy as np
import phonenumbers
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from synth_cards import _font, _pick  # noqa: E402

# country: (streets, cities with postcodes, address pattern, country name, legal forms,
#           titles, phone labels (work, mobile, fax), mobile prefixes, landline prefixes)
COUNTRIES: dict[str, dict[str, object]] = {
    "DE": {"street": ["{f}straße {n}", "{f}weg {n}", "Am {f}platz {n}", "{f}allee {n}"],
           "city": [("Berlin", "10115"), ("München", "80331"), ("Hamburg", "20095"), ("Köln", "50667")],
           "lines": ["{street}", "{pc} {city}", "Deutschland"], "legal": ["GmbH", "AG", "GmbH & Co. KG", "e.K."],
           "titles": ["Geschäftsführer", "Vertriebsleiterin", "Projektleiter", "Leiter Einkauf", "Beraterin"],
           "labels": (["Tel.", "Telefon", "T"], ["Mobil", "Handy", "M"], ["Fax", "F"]),
           "org": ["Maschinenbau", "Logistik", "Beratung", "Software", "Bau"]},
    "CH": {"street": ["{f}strasse {n}", "{f}weg {n}", "Rue du {f} {n}"],
           "city": [("Zürich", "8001"), ("Genève", "1201"), ("Basel", "4051"), ("Bern", "3011")],
           "lines": ["{street}", "CH-{pc} {city}", "Schweiz"], "legal": ["AG", "GmbH", "SA", "Sàrl"],
           "titles": ["Geschäftsführerin", "Directeur commercial", "Leiter Vertrieb", "Partner"],
           "labels": (["T", "Tel", "Tél."], ["M", "Mobile", "Natel"], ["F", "Fax"]),
           "org": ["Treuhand", "Consulting", "Immobilien", "Engineering"]},
    "BR": {"street": ["Rua {f}, {n}", "Av. {f}, {n} - Sala {s}", "Rua {f}, {n} - Conj. {s}"],
           "city": [("São Paulo - SP", "01310-100"), ("Rio de Janeiro - RJ", "20040-002"),
                    ("Belo Horizonte - MG", "30130-010"), ("Curitiba - PR", "80010-000")],
           "lines": ["{street}", "Centro - {city}", "CEP {pc}"], "legal": ["Ltda.", "S.A.", "ME", "EIRELI"],
           "titles": ["Diretor Comercial", "Gerente de Vendas", "Engenheira", "Sócio-Diretor", "Advogada"],
           "labels": (["Tel.", "Fone", "T"], ["Cel.", "Celular", "WhatsApp"], ["Fax"]),
           "org": ["Engenharia", "Comércio", "Consultoria", "Imobiliária", "Tecnologia"]},
    "ME": {"street": ["Bulevar {f} {n}", "Ulica {f} {n}", "{f} bb"],
           "city": [("Podgorica", "81000"), ("Budva", "85310"), ("Nikšić", "81400"), ("Kotor", "85330")],
           "lines": ["{street}", "{pc} {city}", "Crna Gora"], "legal": ["d.o.o.", "a.d."],
           "titles": ["Direktor", "Menadžer prodaje", "Manager", "CEO"],
           "labels": (["Tel", "T"], ["Mob", "M"], ["Fax"]),
           "org": ["Group", "Consulting", "Hotel", "Invest"]},
    "AE": {"street": ["Office {s}, {f} Tower", "Suite {s}, {f} Business Bay", "Shop {s}, {f} Building"],
           "city": [("Dubai", "12345"), ("Abu Dhabi", "54321"), ("Sharjah", "67890")],
           "lines": ["{street}", "P.O. Box {pc}, {city}", "United Arab Emirates"], "legal": ["LLC", "FZE", "FZ-LLC", "L.L.C."],
           "titles": ["General Manager", "Sales Director", "Business Development Manager", "Managing Partner"],
           "labels": (["Tel", "T", "Office"], ["Mob", "Mobile", "M"], ["Fax", "F"]),
           "org": ["Trading", "General Trading", "Contracting", "Real Estate", "Technical Services"]},
    "FR": {"street": ["{n} rue {f}", "{n} avenue {f}", "{n} boulevard {f}"],
           "city": [("Paris", "75002"), ("Lyon", "69002"), ("Marseille", "13001"), ("Toulouse", "31000")],
           "lines": ["{street}", "{pc} {city}", "France"], "legal": ["SAS", "SARL", "S.A.", "EURL"],
           "titles": ["Directrice commerciale", "Gérant", "Chef de projet", "Ingénieur commercial", "Responsable achats"],
           "labels": (["Tél.", "Tél", "T"], ["Port.", "Mobile", "M"], ["Fax"]),
           "org": ["Conseil", "Immobilier", "Ingénierie", "Transports"]},
    "ES": {"street": ["Calle {f}, {n}", "Avda. {f}, {n}, {s}º", "Paseo de {f}, {n}"],
           "city": [("Madrid", "28014"), ("Barcelona", "08008"), ("Valencia", "46002"), ("Sevilla", "41001")],
           "lines": ["{street}", "{pc} {city}", "España"], "legal": ["S.L.", "S.A.", "S.L.U."],
           "titles": ["Director General", "Gerente", "Jefa de Ventas", "Ingeniero de Proyectos", "Abogado"],
           "labels": (["Tel.", "Tlf.", "T"], ["Móvil", "Móv.", "M"], ["Fax"]),
           "org": ["Construcciones", "Consultores", "Inmobiliaria", "Asesores"]},
    "IT": {"street": ["Via {f}, {n}", "Viale {f} {n}", "Piazza {f} {n}", "Corso {f} {n}"],
           "city": [("Milano (MI)", "20121"), ("Roma (RM)", "00186"), ("Torino (TO)", "10121"), ("Bologna (BO)", "40121")],
           "lines": ["{street}", "{pc} {city}", "Italia"], "legal": ["S.r.l.", "S.p.A.", "S.n.c."],
           "titles": ["Amministratore Delegato", "Direttore Commerciale", "Responsabile Acquisti", "Avvocato"],
           "labels": (["Tel.", "T"], ["Cell.", "Mob.", "M"], ["Fax"]),
           "org": ["Costruzioni", "Consulenza", "Ingegneria", "Arredamenti"]},
    "NL": {"street": ["{f}straat {n}", "{f}gracht {n}", "{f}laan {n}", "{f}weg {n}"],
           "city": [("Amsterdam", "1015 CJ"), ("Rotterdam", "3011 AD"), ("Utrecht", "3511 LX"), ("Den Haag", "2511 BT")],
           "lines": ["{street}", "{pc} {city}", "Nederland"], "legal": ["B.V.", "N.V.", "V.O.F."],
           "titles": ["Directeur", "Accountmanager", "Projectleider", "Eigenaar", "Adviseur"],
           "labels": (["T", "Tel.", "Telefoon"], ["M", "Mob.", "Mobiel"], ["F", "Fax"]),
           "org": ["Advies", "Bouw", "Techniek", "Installatie"]},
    "GB": {"street": ["{n} {f} Street", "{n} {f} Road", "Unit {s}, {f} Park"],
           "city": [("London", "EC1A 1BB"), ("Manchester", "M1 1AE"), ("Leeds", "LS1 4AP"), ("Bristol", "BS1 4ST")],
           "lines": ["{street}", "{city} {pc}", "United Kingdom"], "legal": ["Ltd", "Limited", "LLP", "plc"],
           "titles": ["Managing Director", "Head of Sales", "Senior Consultant", "Account Manager"],
           "labels": (["T", "Tel", "Office"], ["M", "Mob", "Mobile"], ["F", "Fax"]),
           "org": ["Solutions", "Consulting", "Engineering", "Partners"]},
    "US": {"street": ["{n} {f} Street, Suite {s}", "{n} {f} Avenue", "{n} {f} Blvd., Floor {s}"],
           "city": [("San Francisco, CA", "94103"), ("Austin, TX", "78701"), ("Chicago, IL", "60601"), ("Boston, MA", "02108")],
           "lines": ["{street}", "{city} {pc}"], "legal": ["Inc.", "LLC", "Corp."],
           "titles": ["Vice President, Sales", "Chief Technology Officer", "Senior Account Executive", "Founder & CEO"],
           "labels": (["Office", "Tel", "P"], ["Cell", "Mobile", "C"], ["Fax", "F"]),
           "org": ["Technologies", "Group", "Partners", "Labs"]},
    "KR": {"street": ["{n} {f}-ro, Gangnam-gu", "{s}F, {n} {f}-gil, Mapo-gu"],
           "city": [("Seoul", "06133"), ("Busan", "48058"), ("Incheon", "21999")],
           "lines": ["{street}", "{city} {pc}, Korea"], "legal": ["Co., Ltd.", "Inc."],
           "titles": ["Director", "Senior Manager", "CEO", "Team Leader"],
           "labels": (["T", "Tel"], ["M", "Mobile"], ["F", "Fax"]),
           "org": ["Electronics", "Systems", "Solutions", "Trading"]},
}


def _phone(rng: random.Random, cc: str, kind: str) -> tuple[str, str]:
    """(printed, e164) of a valid number of the country of the wanted kind."""
    want = phonenumbers.PhoneNumberType.MOBILE if kind == "mobile" else \
        phonenumbers.PhoneNumberType.FIXED_LINE
    example = phonenumbers.example_number_for_type(cc, want)
    nat = phonenumbers.national_significant_number(example)
    for _ in range(200):
        keep = rng.randint(1, 3)
        digits = nat[:keep] + "".join(str(rng.randint(0, 9)) for _ in range(len(nat) - keep))
        num = phonenumbers.parse(digits, cc) if cc != "US" else phonenumbers.parse("+1" + digits, None)
        if not phonenumbers.is_valid_number(num):
            continue
        t = phonenumbers.number_type(num)
        if kind == "mobile" and t not in (phonenumbers.PhoneNumberType.MOBILE,
                                          phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
            continue
        if kind != "mobile" and t == phonenumbers.PhoneNumberType.MOBILE:
            continue
        fmt = rng.choice([phonenumbers.PhoneNumberFormat.INTERNATIONAL,
                          phonenumbers.PhoneNumberFormat.NATIONAL])
        return (phonenumbers.format_number(num, fmt),
                phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164))
    raise RuntimeError(f"no valid {kind} number for {cc}")


def make_card(rng: random.Random) -> tuple[Image.Image, dict]:
    cc = rng.choice(sorted(COUNTRIES))
    c = COUNTRIES[cc]
    given, family = _pick(rng, "given_names"), _pick(rng, "family_names")
    brand = _pick(rng, "family_names", 4)
    company = f"{brand} {rng.choice(c['org'])}" if rng.random() < 0.5 else \
        f"{brand} {rng.choice(c['org'])} {rng.choice(c['legal'])}"  # type: ignore[arg-type]
    tld = {"GB": ".co.uk", "US": ".com", "KR": ".co.kr", "BR": ".com.br", "AE": ".ae"}.get(cc, "." + cc.lower())
    domain = brand.lower() + rng.choice([tld, ".com"])
    local = rng.choice([f"{given[0]}.{family}", f"{given}.{family}", f"{given}", "info",
                        f"{family}"]).lower()
    email = f"{local}@{domain}"
    city, pc = rng.choice(c["city"])  # type: ignore[arg-type]
    street = rng.choice(c["street"]).format(f=_pick(rng, "family_names", 4), n=rng.randint(1, 240),  # type: ignore[attr-defined]
                                            s=rng.randint(2, 40))
    addr_lines = [x.format(street=street, pc=pc, city=city) for x in c["lines"]]  # type: ignore[attr-defined]
    if rng.random() < 0.3 and len(addr_lines) > 2:
        addr_lines = addr_lines[:2]  # country left off
    work_l, mob_l, fax_l = c["labels"]  # type: ignore[misc]
    kinds = ["work", "mobile"] + (["fax"] if rng.random() < 0.4 else [])
    phones = []
    for kind in kinds:
        printed, e164 = _phone(rng, cc, kind)
        label = rng.choice({"work": work_l, "mobile": mob_l, "fax": fax_l}[kind])
        sep = rng.choice([": ", " ", ". ", " | "])
        phones.append((f"{label}{sep}{printed}", e164, kind))
    title = rng.choice(c["titles"])  # type: ignore[arg-type]
    shown_name = f"{given} {family}"
    if HARD and rng.random() < 0.3:
        shown_name = f"{rng.choice(['Dr.', 'Prof.', 'Dr', 'Ing.', 'Mag.'])} {shown_name}"
    if HARD and rng.random() < 0.2:
        shown_name = f"{shown_name}, {rng.choice(['PhD', 'MBA', 'M.Sc.', 'Dipl.-Ing.'])}"
    if HARD and rng.random() < 0.25:  # a logo that is the brand alone: the firm is the brand
        company = brand.upper() if rng.random() < 0.5 else brand
    dark = rng.random() < 0.2
    bg = (28, 32, 46) if dark else rng.choice([(255, 255, 255), (247, 242, 230), (236, 240, 244)])
    fg = (238, 238, 238) if dark else (22, 22, 30)
    accent = (210, 170, 70) if dark else rng.choice([(20, 60, 140), (150, 30, 40), (30, 110, 60)])
    w, h = rng.choice([(1050, 600), (1024, 640), (1000, 600), (900, 900)])
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    name_size, small = rng.randint(40, 58), rng.randint(22, 28)
    person = [(shown_name, name_size, True, fg), (title, rng.randint(24, 32), False, fg)]
    if HARD and rng.random() < 0.2:  # a unit under the title: no part of title or company
        person.append((f"{rng.choice(['Department of', 'Division', 'Abteilung', 'Département'])} "
                       f"{rng.choice(['Research', 'Finance', 'Operations', 'Marketing'])}",
                       rng.randint(20, 26), False, fg))
    firm = [(company, rng.randint(30, 42), True, accent)]
    if HARD and rng.random() < 0.3:
        firm.append((rng.choice(TAGLINES), rng.randint(18, 24), False, fg))
    if rng.random() < 0.3 and company not in (brand, brand.upper()):
        firm.insert(0, (brand.upper(), rng.randint(56, 76), True, accent))
        firm[1] = (company, rng.randint(22, 28), False, accent)
    printed = [p[0] for p in phones]
    if HARD and len(printed) >= 2 and rng.random() < 0.3:  # two numbers on one line
        printed = [f"{printed[0]}  |  {printed[1]}"] + printed[2:]
    contact = [(p, small, False, fg) for p in printed] + [(email, small, False, fg)]
    if rng.random() < 0.8:
        contact.append((f"www.{domain}", small, False, fg))
    address = [(x, small, False, fg) for x in addr_lines]
    layout = rng.choice(["stack", "centre", "columns"])
    if layout == "columns":
        _column(d, rng, firm + person, 50, 50, w // 2 - 60, False)
        _column(d, rng, address + contact, w // 2, h - 40 - len(address + contact) * int(small * 1.5),
                w - 50, True)
    else:
        order = firm + person + address + contact if rng.random() < 0.5 else person + firm + address + contact
        _column(d, rng, order, 50, 40, w - 50, False, centre=layout == "centre")
    label = {"full_name": f"{given} {family}", "title": title, "company": company,
             "emails": [email], "phones": [{"e164": p[1], "kind": p[2]} for p in phones],
             "websites": [domain] if any(t.startswith("www.") for t, *_ in contact) else [],
             "address": ", ".join(addr_lines), "linkedin": "", "skip": [], "note": f"synthetic {cc}"}
    return im, label


TAGLINES = ["Quality since 1987", "Your partner for growth", "Qualität seit 1952",
            "Votre partenaire de confiance", "Soluciones a medida", "Innovare per crescere",
            "Excellence in every detail"]
#: harder cards: honorifics and post-nominals, brand-only logos, units, taglines, shared lines
HARD = False


def _column(d: ImageDraw.ImageDraw, rng: random.Random, items: list[tuple[str, int, bool, tuple[int, int, int]]],
            x: int, y: int, right: int, align_right: bool, centre: bool = False) -> None:
    for text, size, bold, colour in items:
        f = _font(rng, size, bold)
        tw = d.textlength(text, font=f)
        px = right - tw if align_right else ((x + right - tw) / 2 if centre else x)
        d.text((max(px, 10), y), text, font=f, fill=colour)
        y += int(size * rng.uniform(1.3, 1.6))


def photograph(card: Image.Image, rng: random.Random) -> Image.Image:
    """The card on a desk, turned, in perspective, unevenly lit, blurred, noisy, compressed."""
    import cv2

    nrng = np.random.default_rng(rng.randint(0, 2**31))
    cw, ch = card.size
    bw, bh = int(cw * rng.uniform(1.3, 1.7)), int(ch * rng.uniform(1.4, 1.9))
    desk = np.full((bh, bw, 3), rng.choice([(90, 70, 50), (60, 60, 64), (150, 140, 120), (40, 45, 50)]), np.uint8)
    desk = np.clip(desk + nrng.normal(0, 12, desk.shape), 0, 255).astype(np.uint8)
    src = np.float32([[0, 0], [cw, 0], [cw, ch], [0, ch]])
    cx, cy = bw / 2, bh / 2
    ang = np.deg2rad(rng.uniform(-6, 6))
    pts = []
    for px, py in src:
        dx, dy = px - cw / 2, py - ch / 2
        jx, jy = nrng.normal(0, 0.02 * cw), nrng.normal(0, 0.02 * ch)
        pts.append([cx + dx * np.cos(ang) - dy * np.sin(ang) + jx, cy + dx * np.sin(ang) + dy * np.cos(ang) + jy])
    m = cv2.getPerspectiveTransform(src, np.float32(pts))
    img = np.asarray(card.convert("RGB"))
    warped = cv2.warpPerspective(img, m, (bw, bh))
    mask = cv2.warpPerspective(np.full((ch, cw), 255, np.uint8), m, (bw, bh))
    out = np.where(mask[..., None] > 0, warped, desk).astype(np.float32)
    gx = np.linspace(rng.uniform(0.7, 1.0), rng.uniform(0.9, 1.15), bw)[None, :, None]
    gy = np.linspace(rng.uniform(0.8, 1.05), rng.uniform(0.85, 1.1), bh)[:, None, None]
    out = np.clip(out * gx * gy + nrng.normal(0, rng.uniform(2, 8), out.shape), 0, 255).astype(np.uint8)
    photo = Image.fromarray(out).filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.4)))
    buf = io.BytesIO()
    photo.save(buf, "JPEG", quality=rng.randint(45, 85))
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--flat", action="store_true", help="no photo effects")
    ap.add_argument("--hard", action="store_true",
                    help="honorifics, brand-only logos, units, taglines, two numbers on a line")
    args = ap.parse_args(argv)
    global HARD
    HARD = args.hard
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    rows = []
    for i in range(args.count):
        im, label = make_card(rng)
        if not args.flat:
            im = photograph(im, rng)
        name = f"world_{i:04d}.jpg"
        im.save(out / name, quality=92)
        rows.append(json.dumps({"file": name, **label}, ensure_ascii=False))
    (out / "labels.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{args.count} cards in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
