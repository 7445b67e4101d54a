"""A believable demo network: three events, about forty contacts, interactions and open follow-ups.

Dates are relative to `now`, so the demo always shows a follow-up queue with something due today.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from netcompanion.core.clock import utcnow
from netcompanion.core.enums import Source, Tier
from netcompanion.core.services import ContactFields, Services

_GIVEN = ["Amara", "Bastian", "Chloé", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kavya",
          "Lucas", "Maya", "Nikolai", "Olivia", "Pedro", "Quinn", "Rania", "Sofia", "Tomás", "Uma", "Viktor",
          "Wen", "Ximena", "Yusuf", "Zoe", "Aditi", "Ben", "Carla", "Daniel", "Emre", "Fatima", "Gustav",
          "Hannah", "Ivan", "Julia", "Kenji", "Lea", "Mateo", "Nora"]
_FAMILY = ["Okafor", "Schneider", "Dubois", "Patel", "Rossi", "Haddad", "Kim", "Tanaka", "Ferreira", "Müller",
           "Iyer", "Martin", "Cohen", "Volkov", "Brown", "Santos", "Walsh", "Nasser", "García", "López",
           "Rao", "Novak", "Li", "Hernández", "Demir", "Evans", "Sharma", "Carter", "Moreau", "Weber",
           "Yilmaz", "Rahman", "Lindqvist", "Becker", "Petrov", "Fischer", "Sato", "Keller", "Ruiz", "Berg"]


@dataclass(frozen=True)
class _Role:
    goal: str
    title: str
    company: str
    domain: str
    offers: str
    needs: str


_ROLES = [
    _Role("investor", "General Partner", "Northwind Ventures", "northwind.vc", "seed funding for logistics startups", "deal flow in climate tech"),
    _Role("investor", "Principal", "Blue Harbor Capital", "blueharbor.capital", "Series A funding, board experience", "B2B SaaS founders"),
    _Role("investor", "Angel Investor", "Self-employed", "angel.example.org", "angel checks and intros to fintech", "early fintech teams"),
    _Role("client", "Head of Operations", "Brightline Logistics GmbH", "brightline.de", "pilot sites in three warehouses", "route optimisation software"),
    _Role("client", "VP Procurement", "Solara Retail", "solara-retail.com", "a procurement budget for 2027", "inventory forecasting tools"),
    _Role("client", "CTO", "Kestrel Health", "kestrelhealth.io", "hospital data partnerships", "secure scheduling software"),
    _Role("mentor", "Founder & Chair", "Atlas Robotics", "atlasrobotics.com", "advice on scaling a hardware team", "nothing in particular"),
    _Role("mentor", "Former COO", "Fernweh Travel AG", "fernweh.ch", "operations coaching", "board seats"),
    _Role("partner", "Partnerships Lead", "CloudMesh", "cloudmesh.dev", "a marketplace listing and co-selling", "integration partners"),
    _Role("partner", "Director Alliances", "Lumen Payments", "lumenpay.com", "payment integrations", "logistics platforms to embed payments"),
    _Role("hire", "Senior Data Scientist", "Freelance", "example.net", "forecasting and ML expertise", "a new role in climate tech"),
    _Role("hire", "Product Designer", "Studio Kiln", "studiokiln.design", "product design", "a product team to join"),
]
_DETAILS = [
    "wants to see our pilot numbers from the Hamburg warehouse",
    "their fund just closed a new vehicle focused on supply chain",
    "asked for an intro to our data partner",
    "recommended the book 'High Output Management'",
    "is hiring two engineers in Lisbon next quarter",
    "runs a monthly founders' breakfast and invited me",
    "is moving to Berlin in January",
    "",
]
_TIERS = [Tier.INNER, Tier.WARM, Tier.WARM, Tier.ACQUAINTANCE, Tier.ACQUAINTANCE, Tier.ACQUAINTANCE, Tier.NOISE]


def fill_demo(services: Services, now: datetime | None = None, seed: int = 7) -> dict[str, int]:
    """Add the demo network to `services`' database; returns how many of each thing were added."""
    now = now or utcnow()
    rng = random.Random(seed)
    events = [
        services.events.add("Logistics Founders Summit", "investor", start=now - timedelta(days=40, hours=8),
                            end=now - timedelta(days=39), target_count=3, location="Hamburg",
                            notes="Raise the seed round: meet three investors who know logistics."),
        services.events.add("Retail Tech Expo", "client", start=now - timedelta(days=2, hours=9),
                            end=now - timedelta(hours=20), target_count=5, location="Amsterdam RAI",
                            notes="Five conversations with operations or procurement leads."),
        services.events.add("Climate Builders Meetup", "mentor", start=now + timedelta(days=9),
                            end=now + timedelta(days=9, hours=4), target_count=2, location="Berlin, Factory Görlitzer Park"),
    ]
    counts = {"events": len(events), "contacts": 0, "interactions": 0}
    for index in range(40):
        role = _ROLES[index % len(_ROLES)]
        given, family = _GIVEN[index], _FAMILY[index]
        local = f"{given}.{family}".lower().translate(str.maketrans("éüáóíç", "euaoic"))
        contact = services.contacts.add(ContactFields(
            full_name=f"{given} {family}", title=role.title, company=role.company,
            emails=[f"{local}@{role.domain}"], phones=[(f"+49 30 {5550000 + index * 37:07d}", "work")],
            websites=[role.domain], offers=role.offers, needs=role.needs, tier=rng.choice(_TIERS).value,
            source=Source.DEMO.value, region="DE",
        ), goals=[role.goal])
        counts["contacts"] += 1
        past = events[index % 2]
        if index < 26:
            services.encounters.add(contact.id, event=past.id, goals=[role.goal], detail=rng.choice(_DETAILS),
                                    quality=rng.randint(2, 5), met_at=past.starts_at + timedelta(hours=rng.randint(1, 9)))
        for _ in range(rng.randint(0, 3)):
            services.interactions.log(contact.id, rng.choice(["email", "call", "meeting", "message"]),
                                      "Caught up on " + role.needs, now - timedelta(days=rng.randint(3, 400)))
            counts["interactions"] += 1
    _work_through_old_followups(services, now)
    _plan_next_event(services, events[2])
    return counts


def _work_through_old_followups(services: Services, now: datetime) -> None:
    """The summit's 24-hour follow-ups were sent (most in time, two late, two still overdue)."""
    old = [f for f, _ in services.followups.open_items(now=now) if f.due_at < now - timedelta(days=20)]
    for index, followup in enumerate(old[:-2]):
        sent = followup.due_at - timedelta(hours=6) if index % 5 else followup.due_at + timedelta(days=2)
        services.followups.mark_done(followup.id, "email", "Sent the 24-hour follow-up", sent)


def _plan_next_event(services: Services, event) -> None:  # noqa: ANN001
    """Targets for the coming meetup, ranked from the user's own contacts, with a why for the best."""
    ranked = services.planning.rank(event.id)[:4]
    targets = services.planning.add_targets(event.id, [r.attendee for r in ranked])
    if targets:
        services.planning.update_target(targets[0].id, why="scaled a hardware team from 5 to 80 people",
                                        talking_points="hiring the first operations lead")
