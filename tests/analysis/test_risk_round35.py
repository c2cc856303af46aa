"""Danger now, round 35: two strangers' sets (240 English answers, 210 in 14 other languages; their rows:
risk_tuning_r35_*.tsv) were scored once at 62c8af4 before they were read. The other lists' fixes have their rows in
risk_languages_r35*.tsv; here is what the round changed in the English rules."""

from __future__ import annotations

from tests.analysis.risk_checks import phrase_tests

DANGER = [
    # A wish not to wake, put as a joke; the bridge and the thought of going over.
    ("en", "suicidal", "honestly the best thing would be if i just didnt wake up tomorrow. not even joking"),
    ("en", "suicidal", "I hope I don't wake up in the morning."),
    ("en", "suicidal", "every night i walk past the railway and think about just stepping off"),
    # A polite "fine" taken back at once says nothing is over.
    ("en", "suicidal", "im fine but i keep stopping on the bridge and thinking about going over"),
    ("en", "feeling_unsafe_now", "im ok. actually im not, hes been drinking since lunch and smashing the kitchen up"),
    ("en", "threat_to_kill_or_harm", "I'm fine but he still texts me every night saying he'll kill me"),
    # A check-in plan: someone expects harm tonight.
    ("en", "feeling_unsafe_now", "told my sister if she doesnt hear from me by 9 to ring the police"),
    # A man talking about his weapon is no talk given at a course.
    ("en", "weapons", "he keeps a machete under the bed and he talks about it when he's drunk"),
    # A worker's own danger or one person's is not their work, whoever chairs the MARAC.
    ("en", "suicidal", "I chair our MARAC and I want to die"),
    ("en", "stalking_with_fear", "I chair the MARAC. One woman I support is being followed by her ex tonight"),
    # Being suicidal told in the past tense still counts; "when I was" with "back then" does not.
    ("en", "suicidal", "I was suicidal last night"),
    ("en", "imminent_contact", "she's out now and he's looking for her"),
    # A safeguarding lead's review of the round's lowering frames: each of these was hidden by a first version.
    ("en", "suicidal", "8 years on i want to kill myself"),
    ("en", "threat_to_kill_or_harm", "i was married at 15 and he says he'll kill me if i go to the police"),
    ("en", "suicidal", "my GP said that's trauma and gave me tablets. I'm going to take them all tonight"),
    ("en", "threat_to_kill_or_harm", "every time i retell it he finds out and beats me"),
    ("en", "imminent_contact",
     "he's outside my door right now. he pled guilty last time and the case is closed now"),
    ("en", "strangulation",
     "i hate describing being strangled to strangers. it was last night. he said next time he wont stop"),
    ("en", "suicidal", "I was literally writing my note when the kids woke up"),
    ("en", "suicidal", "i was wanting it all to end"),
    ("en", "imminent_contact", "he kept away for weeks but he's back, sitting outside in his van"),
    ("en", "weapons", "hes got a knife and says he'll use it on me. he's been no bother since the order, until today"),
    # The round's third stranger's set, scored after the freeze at 202ad8c: misses since caught (tuned-on).
    ("en", "feeling_unsafe_now", "my sister is at his and just texted me 'help' and nothing since, its been an hour"),
    ("en", "feeling_unsafe_now",
     "it happened on saturday at his flat and i'm still bleeding, too scared to go to the SARC"),
    ("fa", "suicidal", "امشب می‌خواهم همه چیز را تمام کنم"),
    ("cy", "imminent_contact", "Mae o newydd decstio yn dweud ei fod o ar y ffordd draw a dwi ar ben fy hun"),
    # Only able to talk while he is out: living with him, watched (a coded answer the retrained reader let go).
    ("en", "trapped_or_controlled_now", "please open later, i can only call when he's at work"),
    # Two held-out answers of earlier rounds the retrained reader let go, now read by the rules.
    ("en", "suicidal", "I keep telling myself the kids will understand one day why I did it"),
    ("en", "child_at_risk",
     "my mother-in-law says our daughter needs to be made clean like the other girls this summer"),
]

SAFE = [
    # Living freely now; alarms never needed in the end; kept away since prison; a forced marriage long past and a
    # forced marriage charity.
    ("en", "back in the day he'd lock me in the bedroom. these days i go wherever i want and it feels amazing"),
    ("en", "They put a panic alarm in after he threatened to torch the flat. Never needed it in the end and he moved "
           "away."),
    ("en", "He was released last year and he's kept well away. Probation kept me informed all along."),
    ("en", "I was married at 15 against my will. I'm 41 now, divorced, and I volunteer with a forced marriage "
           "charity."),
    # A system strangled by paperwork; kindness that kills; a panel or a social worker feared.
    ("en", "the red tape is strangling every service in this town"),
    ("en", "The refuge manager's motto was kill them with kindness and it worked on me."),
    ("en", "I'm scared social services will take my kids because I told them what happened."),
    ("en", "I'm terrified the housing panel will say I made myself homeless."),
    # A worker chairing a panel; a friend safe now living with the writer; the police keeping a phone.
    ("en", "I chair our MARAC. Cases involving knives have gone up every year. We need more IDVAs."),
    ("en", "My cousin was in danger last spring but she's out now and living with us, and the IDVA was great."),
    ("en", "Police kept my laptop for months as evidence. I'm safe now, but it set my course back."),
    # "When I was suicidal back then".
    ("en", "The crisis team talked me round when I was suicidal back then. I'm now training to be a nurse."),
    # The third set's and earlier answers' neighbours.
    ("en", "I sent help requests to the council and nothing happened for weeks"),
    ("en", "my daughter needs to be clean and tidy for the school photos"),
]

test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)
