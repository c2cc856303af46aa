"""Demo services and feedback for `make run` (`webapp.demo` adds the rest):
a fictional partnership's seven services and about 300 responses over 2026.

Phone numbers are from Ofcom's range reserved for drama (01632 960xxx).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from analysis.redaction import redact
from analysis.risk import assess
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, Service

SERVICES = (
    ("outreach", "Northshire Domestic Abuse Service",
     "Outreach workers and independent domestic violence advisers (IDVAs) for anyone "
     "experiencing abuse, including help with safety plans, housing and court.",
     "01632 960 100", "Monday to Friday, 9am to 5pm"),
    ("refuge", "Safe Haven Refuge",
     "Safe, confidential accommodation for women and their children, with support workers on site.",
     "01632 960 200", "24 hours"),
    ("police", "Northshire Police",
     "Report abuse or ask about the Domestic Violence Disclosure Scheme (Clare's Law). "
     "In an emergency always call 999.",
     "101", "24 hours"),
    ("housing", "Northshire Council Housing Options",
     "Help if you need to leave your home, are homeless or at risk of becoming homeless.",
     "01632 960 300", "Monday to Friday, 9am to 5pm; out of hours 01632 960 399"),
    ("early-help", "Children and Families Early Help",
     "Support for children and parents affected by abuse, working with schools and health visitors.",
     "01632 960 400", "Monday to Friday, 8:30am to 5pm"),
    ("moving-on", "Moving On Together",
     "Peer support groups and recovery programmes run by and for survivors.",
     "01632 960 500", "Groups on weekday evenings and Saturday mornings"),
    ("health-idva", "Hospital IDVA at Northshire General",
     "Advisers based in the emergency department and maternity unit.",
     "01632 960 600", "Every day, 8am to 8pm"),
)

# (service, ease, listened, overall, what helped, what could be better)
FEEDBACK = (
    ("outreach", "easy", "yes", "very-good",
     "My IDVA believed me from the first phone call and never made me feel stupid for going back.",
     "It took three weeks to get a first appointment and I nearly gave up."),
    ("outreach", "difficult", "partly", "good",
     "Once I had a worker she helped me with the non-molestation order and came to court with me.",
     "Nobody told me what would happen next after the risk assessment. I was left waiting and worrying."),
    ("outreach", "very-easy", "yes", "very-good",
     "The safety plan we made together. Little things like keeping my phone charged and a bag ready.",
     "Nothing, honestly. Maybe more evening appointments for people who work."),
    ("outreach", "neither", "partly", "neither",
     "The worker was kind and listened.",
     "I had to tell my story again to three different people. Please share it so I only say it once."),
    ("outreach", "difficult", "no", "poor",
     "The helpline number was easy to find.",
     "When I said I was a man they sounded surprised and passed me on. I felt like it wasn't for me."),
    ("refuge", "neither", "yes", "very-good",
     "Staff at the refuge made my children feel at home. My son finally slept through the night.",
     "The room was very small for three of us and the kitchen was always busy."),
    ("refuge", "difficult", "yes", "good",
     "Having somewhere safe where he couldn't find us. The staff were always there, day or night.",
     "There was no space nearby so we had to move two hours away from my family and my job."),
    ("refuge", "easy", "yes", "very-good",
     "The other women. We looked after each other and I don't feel alone any more.",
     "More help with money when we left. I had nothing and waited weeks for Universal Credit."),
    ("refuge", "very-difficult", "partly", "poor",
     "When I finally got in, the support worker was great.",
     "I was turned away twice because of my dog and because I use a wheelchair. It needs to be accessible."),
    ("police", "easy", "yes", "good",
     "The officer who came was calm and took photos and statements properly. He spoke to me, not my ex.",
     "I never heard back about the case for months. I had to chase it every time."),
    ("police", "neither", "no", "very-poor",
     "Nothing really.",
     "They asked me why I didn't leave and said it was a domestic and there was nothing they could do."),
    ("police", "easy", "partly", "neither",
     "The Clare's Law disclosure meant I finally knew about his past.",
     "The disclosure took so long, and the officer who told me was rushed and didn't explain my options."),
    ("police", "difficult", "partly", "poor",
     "The specialist domestic abuse officer was good when I eventually got her.",
     "He kept breaking the bail conditions and messaging me and it felt like nobody was enforcing it."),
    ("police", "very-easy", "yes", "very-good",
     "They arrested him the same night and helped me get a protection order.",
     ""),
    ("housing", "very-difficult", "no", "very-poor",
     "",
     "I was told I had made myself intentionally homeless by leaving. I was leaving to stay alive."),
    ("housing", "difficult", "partly", "poor",
     "The sanctuary scheme put new locks on my door so I could stay in my home.",
     "The forms were endless and I had to prove the abuse again and again."),
    ("housing", "neither", "yes", "good",
     "My housing officer understood and moved my application up the list.",
     "Temporary accommodation was a hostel with men drinking in the corridors. I didn't feel safe."),
    ("housing", "difficult", "partly", "neither",
     "Someone finally explained my rights about the joint tenancy.",
     "Opening hours are only in the day when I have the kids. There should be a phone line in the evening."),
    ("early-help", "easy", "yes", "very-good",
     "The family worker helped my daughter talk about what she saw. The school knows now and are supportive.",
     "Waiting lists for children's counselling are very long."),
    ("early-help", "neither", "partly", "neither",
     "They helped with school transport when we moved.",
     "I was scared that if I told them everything they would take my children. "
     "Someone should explain that at the start."),
    ("early-help", "difficult", "no", "poor",
     "",
     "Social workers changed four times in a year. "
     "Each one asked the same questions and my son stopped talking to them."),
    ("moving-on", "very-easy", "yes", "very-good",
     "The Freedom Programme opened my eyes. I finally understand it was abuse and not my fault.",
     "More groups please, and a crèche so mums can come."),
    ("moving-on", "easy", "yes", "very-good",
     "Meeting other survivors who just got it. I didn't have to explain.",
     "Nothing, it was brilliant."),
    ("moving-on", "easy", "yes", "good",
     "The counselling sessions helped with the panic attacks.",
     "Six sessions is not enough after twelve years of it."),
    ("moving-on", "neither", "yes", "good",
     "A group in my own language. I could say things I could never say in English.",
     "Groups are all in the town centre and the bus costs a lot."),
    ("health-idva", "easy", "yes", "very-good",
     "The midwife asked me when I was on my own and the hospital IDVA came straight away.",
     "My GP had never asked in all those years even when I kept coming in with injuries."),
    ("health-idva", "neither", "partly", "neither",
     "The nurse in A&E noticed the bruises and asked gently.",
     "I was discharged late at night with nowhere to go."),
    ("health-idva", "easy", "yes", "good",
     "They helped me get my prescriptions sorted after he stopped me going to the doctor.",
     "Mental health services said I was too complex because I drink. I need help with both."),
    ("outreach", "easy", "yes", "good",
     "My worker helped me with debts he ran up in my name and talked to the bank for me.",
     "I wish someone had told me about the financial abuse support sooner."),
    ("outreach", "neither", "partly", "neither",
     "Text messages instead of calls, so he wouldn't hear.",
     "The leaflets were only in English. My mum couldn't read them."),
    ("refuge", "easy", "yes", "very-good",
     "They helped me with my immigration paperwork and I didn't feel judged.",
     "I couldn't get any benefits while I waited and the refuge had to pay for my food."),
    ("police", "neither", "partly", "neither",
     "Special measures at court meant I didn't have to see him.",
     "The court date was moved three times. Each time I had to get ready all over again."),
    ("housing", "difficult", "no", "poor",
     "",
     "He still knows where I live and comes past the house. I asked to move and have heard nothing for months."),
    ("moving-on", "easy", "yes", "very-good",
     "Learning about healthy relationships. I wish they taught this in schools.",
     ""),
    ("early-help", "easy", "yes", "good",
     "The worker included my partner's behaviour programme in the plan, so it wasn't all on me.",
     "Hold him to account too, not just watch me."),
    ("health-idva", "difficult", "partly", "poor",
     "The hospital advisor was lovely.",
     "I had to wait four hours in a corridor with everyone looking at my face."),
)

AGE_BANDS = ("under-25", "25-34", "35-44", "45-54", "55-64", "65-plus", "prefer-not", "")
GENDERS = ("woman", "woman", "woman", "man", "another", "prefer-not", "")
YES_NO = ("yes", "no", "no", "prefer-not", "")
ETHNICITIES = ("white", "white", "asian", "black", "mixed", "other", "prefer-not", "")
SEXUALITIES = ("straight", "straight", "gay-lesbian", "bisexual", "prefer-not", "")


def add_demo_feedback(rng: random.Random) -> None:
    """The demo services and their feedback (the caller commits)."""
    _add_feedback(add_services(), rng)


def add_services() -> dict[str, Service]:
    services = {}
    for position, (slug, name, description, phone, hours) in enumerate(SERVICES):
        services[slug] = Service(slug=slug, name=name, description=description, phone=phone,
                                 opening_hours=hours, position=position)
        db.session.add(services[slug])
    return services


def _add_feedback(services: dict[str, Service], rng: random.Random) -> None:
    today = date.today()
    for slug, ease, listened, overall, helped, better in FEEDBACK:
        submitted_on = today - timedelta(days=rng.randint(0, 180))
        _add_response(rng, submitted_on, services[slug], (ease, listened, overall), helped, better)
    _add_more_feedback(services, rng, today)


def _add_response(rng: random.Random, submitted_on: date, service: Service,
                  ratings: tuple[str, str, str], helped: str, better: str) -> None:
    """One demo response, redacted and risk-assessed as a real one is, with
    random equality answers."""
    ease, listened, overall = ratings
    risk = assess(f"{helped}\n{better}")
    db.session.add(FeedbackResponse(
        submitted_on=submitted_on, service=service, ease=ease, listened=listened, overall=overall,
        what_helped=redact(helped).text, could_be_better=redact(better).text,
        age_band=rng.choice(AGE_BANDS), gender=rng.choice(GENDERS),
        disability=rng.choice(YES_NO), ethnicity=rng.choice(ETHNICITIES),
        sexuality=rng.choice(SEXUALITIES),
        risk_flagged=risk.flagged, risk_categories=",".join(risk.categories),
    ))


EXTRA_FEEDBACK = 264


def _add_more_feedback(services: dict[str, Service], rng: random.Random, today: date) -> None:
    """About 300 responses in all, spread over 2026 up to today, so quarters can
    be compared and small groups are suppressed as they would be. Each pairs
    what helped in one demo response with what could be better in another
    about the same service."""
    by_service: dict[str, list[tuple]] = {}
    for row in FEEDBACK:
        by_service.setdefault(row[0], []).append(row)
    first, last = date(2026, 1, 1), min(today, date(2026, 12, 31))
    span = max((last - first).days, 0)
    for _ in range(EXTRA_FEEDBACK):
        slug, ease, listened, overall, helped, _better = rng.choice(FEEDBACK)
        better = rng.choice(by_service[slug])[5] if rng.random() < 0.85 else ""
        submitted_on = first + timedelta(days=rng.randint(0, span))
        _add_response(rng, submitted_on, services[slug], (ease, listened, overall), helped, better)
