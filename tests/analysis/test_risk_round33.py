"""Danger now, round 33: four strangers' sets (260 English answers, 252 in 14 other languages, then 240 more
after the first fixes froze; their rows: risk_tuning_r33_*.tsv) were scored once before they were read. The
other lists' fixes have their rows in risk_languages_r33a.tsv and -r33b.tsv; here is what the round changed in
the English rules."""

from __future__ import annotations

from tests.analysis.risk_checks import phrase_tests

DANGER = [
    # Released, and a threat of what he will do when he comes round: "got out" is his release, not hers.
    ("en", "threat_to_kill_or_harm",
     "me fella's just got out and he's been sayin he's gonna come round and sort me out la, I'm bricking it"),
    ("en", "sexual_violence_recent",
     "The GP asked if I was ok when I went in for the morning after pill. I said yes. I wasn't. "
     "He didn't take no for an answer on Friday."),
    ("en", "trapped_or_controlled_now", "he won't let me see my family or my friends"),
    # A supposition about anyone does not hide the writer's own danger in the same answer.
    ("en", "threat_to_kill_or_harm",
     "if someone is being threatened by him right now what do i do, he said he will kill me"),
    ("en", "feeling_unsafe_now", "a woman next door is in danger right now, he is hitting her"),
    # The fourth set's misses, read after it was scored once: a doorbell camera, letters left for the children.
    ("en", "imminent_contact",
     "The smart doorbell just showed him on my step, two hours after the order was served."),
    ("en", "suicidal", "Anything else? Not really, I've already written the letters for my kids."),
    ("en", "threat_to_kill_or_harm", "he said he will kill me and he hasn't stopped"),
    ("ur", "sexual_violence_recent", "وہ زبردستی کرتا ہے اور میں محفوظ نہیں ہوں"),
]

SAFE = [
    ("en", "My tenancy has been on a knife-edge for months because of the council's paperwork"),
    ("en", "I'd rather die than fill in another one of those forms"),
    ("en", "went in all guns blazing at the housing office and got nowhere"),
    ("en", "There was no weapon involved, I don't know why the officer kept asking about knives"),
    ("en", "I work in A&E. We often see patients with neck injuries who deny strangulation; we need better "
           "guidance on documenting it."),
    ("en", "me ex was a nightmare, followed me everywhere, but hes been locked up 4 year and isnt out till 2030. "
           "victim contact scheme have been great"),
    ("en", "when i was pregnant with my first he kicked me in the stomach. shes 12 now and we have been away from "
           "him since she was 2. the midwife at the time never asked and i think they should"),
    ("en", "He has never threatened me, it's more the money control, he won't let me see the bank statements"),
    ("en", "If a woman was in danger how fast would someone come? Just curious how the system works."),
    ("en", "If someone's being threatened is the first step the police or a solicitor? Asking for general info."),
    # Written around a pinned hard negative the retrained reader drifted over ("I don't want to live in a refuge").
    ("en", "I don't want to live in a hostel for another year, we need a proper home"),
    # The fourth set's false alarms: a worker's caseload, a leaflet and a poster, an app, a warning he heeded,
    # paperwork and waiting lists in Welsh and Spanish, a forced marriage that ended in divorce.
    ("en", "I'm a social worker and one of my cases involved a father threatening to kill the children; the "
           "strategy meeting was well run."),
    ("en", "The leaflet said if he threatens to kill you, call 999, which was useful advice."),
    ("en", "The poster in the GP surgery says 'Has anyone ever put their hands on your neck? Tell us'. Good idea."),
    ("en", "Your app keeps asking for my location and I can't turn it off, annoying."),
    ("en", "The judge said he'd go to prison if he contacted me again, and he hasn't."),
    ("cy", "Mae'r holl waith papur 'ma'n mynd i fy lladd i, wir."),
    ("es", "Esta lista de espera me va a matar, de verdad."),
    ("ur", "میری شادی زبردستی ہوئی تھی لیکن اب طلاق ہو چکی ہے اور میں محفوظ ہوں۔"),
    # Persian past and prison, read by the Urdu list too (same script).
    ("fa", "قبلاً با چاقو تهدیدم می‌کرد اما الان در زندانه و من آرامم"),
]

test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)
