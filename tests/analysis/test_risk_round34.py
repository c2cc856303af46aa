"""Danger now, round 34: two strangers' sets (240 English answers, 210 in 14 other languages; their rows:
risk_tuning_r34_*.tsv) were scored once at 801c479 before they were read. The other lists' fixes have their rows in
risk_languages_r34*.tsv; here is what the round changed in the English rules."""

from __future__ import annotations

from tests.analysis.risk_checks import phrase_tests

DANGER = [
    ("en", "threat_to_kill_or_harm",
     "Im a man and nobody takes it serious. She told me this morning she'll put me back in hospital if I tell anyone"),
    # "Before I left for my shift" is no leaving him.
    ("en", "strangulation", "He had his hands on my throat this morning before I left for my shift."),
    ("en", "imminent_contact",
     "Court gave me a non-molestation order in March. He's breached it three times and yesterday left a message."),
    ("en", "suicidal", "Can't say I want to be alive right now if I'm honest."),
    ("en", "sexual_violence_recent",
     "im filling this in from the hospital, it happened last night, the ISVA is coming later"),
    # A worker writing about one person, or about themselves, is not writing about their work.
    ("en", "third_party_in_danger", "I'm a teacher and one of my pupils says her mum's boyfriend strangles her mum"),
    ("en", "strangulation", "I'm a nurse and my husband strangled me last night"),
    ("en", "suicidal", "I nearly ended it last week and I still think about it"),
    # The third set, scored after the freeze: a worker's period words do not hide a person's danger told as theirs.
    ("en", "feeling_unsafe_now", "As an IDVA I'm scared for myself this week, my ex has found out where I work"),
    # A review's worker cases (a safeguarding lead's reading of the frame): a worker's own despair, one client, one
    # colleague, the woman they support, their own family.
    ("en", "suicidal", "I'm a GP and I want to die."),
    ("en", "suicidal", "As a nurse I have been thinking about ending my life."),
    ("en", "weapons", "As an IDVA I'm worried about one client whose ex has a gun"),
    ("en", "threat_to_kill_or_harm", "(IDVA, 6 years) The woman I'm supporting says he told her he will kill her."),
    ("en", "weapons",
     "I'm a support worker. A colleague has been threatened with a knife by a service user's partner."),
    ("en", "threat_to_kill_or_harm", "I'm a nurse and my stepfather is threatening to kill my mother."),
    ("en", "threat_to_kill_or_harm",
     "As a social worker I'm alarmed - the father threatened to kill the kids if they're removed."),
    ("en", "strangulation",
     "I'm a midwife; we had a pregnant woman whose partner choked her, she's going home to him."),
]

SAFE = [
    # A worker writing about their work.
    ("en", "As a GP I want better referral pathways to MARAC. We spot strangulation signs but don't know where "
           "to send people fast."),
    ("en", "I'm a helpline volunteer. Calls about tracking apps and hidden AirTags have gone up a lot this year."),
    ("en", "I'm a children's social worker. Our caseloads are unsafe, I have 28 children."),
    ("en", "The DASH form needs updating. Asking about pregnancy and strangulation is right but the rest is dated. "
           "(IDVA, 6 years)"),
    # A relationship ended; a grudge at a receptionist; how the law treats threats; rules on him.
    ("en", "The Clare's Law disclosure was really helpful. Found out about his history early and ended it."),
    ("en", "I could honestly strangle the receptionist at the GP, she asked me to explain in a full waiting room."),
    ("en", "My officer said threats to kill are taken seriously now. Back in 2010 when it happened to me they "
           "weren't."),
    ("en", "I'm scared of court next month. Not of him, he's not allowed in the building, just of being cross "
           "examined by his barrister."),
    # Process fear, a leaflet's words, a question about anyone, no longer scared of him.
    ("en", "Scared stiff of the Home Office interview next week but my solicitor's on it. He's long gone."),
    ("en", "I'm terrified of the Home Office letter. My visa depends on it now I've left him."),
    ("en", "Died laughing at the leaflet that said just call us if he's nearby like it's that easy."),
    ("en", "What should someone do if their partner is threatening them but they're not sure it's serious?"),
    ("en", "Suggestion for the FAQ: if someone is being followed by an ex, can the police actually do anything "
           "before he does something?"),
    ("en", "court adjourned AGAIN. fourth time. im not scared of him anymore, im just tired"),
    ("en", "Don't know"),
    # The third set, scored after the freeze at a597086: workers counting cases, a childhood long past, a course's
    # question, the writer's own anger at a phone queue, an exam, a question "just asking for the future".
    ("en", "As an IDVA I've had three clients this month whose exes threatened to kill them and in every case the "
           "MARAC referral took weeks."),
    ("en", "I run a Freedom Programme group. Several of the women mentioned strangulation and none of them had been "
           "asked about it by their GP."),
    ("en", "Social worker, 11 years. Our caseloads mean children at risk are waiting for visits."),
    ("en", "My dad hit my mum all through my childhood. I'm 40 now and they're both gone."),
    ("en", "If the council puts me on hold one more time I swear I'll kill someone lol."),
    ("en", "The counsellor asked me straight out if I was having thoughts of suicide. I'm not, but I appreciated it."),
    ("en", "I'm petrified of my GCSEs because I missed so much school when we were in temporary accommodation."),
    ("en", "What would happen if he found out where I lived? Would the police move me again? Just asking for the "
           "future."),
]

test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)
