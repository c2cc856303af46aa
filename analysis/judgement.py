"""What an answer says about the service, read clause by clause.

General sentiment tools read domestic-abuse feedback wrongly in ways that
matter: "Nobody called back" and "the refuge was full" carry no negative word,
"they arrested him that night" carries one, and "he hit me but the police were
brilliant" is praise of the service with a painful description in front of it.
This module finds, in plain patterns a reader can check:

- service failures (nobody called back, nothing happens, didn't meet the
  threshold, was full, let him cross-examine me, waiting list, ...);
- service successes (arrested him, believed me, kept me updated, ...);
- clauses that describe the abuse rather than judge a service, which the
  sentiment of the rest should not inherit;
- answers that are no answer at all ("no idea", "asdfgh").

``analysis.sentiment`` combines these with its learned score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.text import clean

# A negation shortly before a success pattern turns it into a failure
# ("nobody believed me", "they didn't keep me updated"); "no idea" and
# "no doubt" deny nothing.
_NEGATED_BEFORE = re.compile(
    r"\b(?:not|never|no(?! (?:idea|doubt|wonder|matter)\b)|no ?one|no-one|nobody|didn'?t|don'?t|doesn'?t|"
    r"wasn'?t|weren'?t|wouldn'?t|couldn'?t|won'?t|hardly|without)\b[\w' ]{0,20}$"
)

def _any_of(patterns: tuple[str, ...]) -> re.Pattern:
    """One alternation: a single scan per clause instead of one per pattern."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def _not_after(before: tuple[str, ...], *words: str) -> str:
    """``words`` as an alternation, each not just after one of ``before``. The
    look-behinds follow the word, so they are tried only where it matched: an
    alternative opening with a look-behind is tried at every position and
    made these scans a fifth slower."""
    return r"\b(?:" + "|".join(w + "".join(f"(?<!{b}{w})" for b in before) for w in words) + ")"


# "never once made me feel like a burden", "nobody made me feel stupid" are praise.
_NEGATIONS = ("never ", "never once ", "not ", "n't ", "didnt ", "nt ", "nobody ", "no one ", "no-one ", "noone ",
              "nobody ever ", "no one ever ")
# "I didn't understand" is no service failing.
_AFTER_I = (r"\bi ",)

_SERVICE_FAILURES = _any_of((
    # Nobody / no one did what a service should.
    r"\b(?:nobody|no ?one|no-one|noone|never (?:once )?(?:got|been))\b[\w' ]{0,25}?\b(?:call(?:ed)?|rang|ring|"
    r"phoned?|got back|came back|answer(?:ed|s)?|ask(?:ed)?|listen(?:ed)?|believ(?:ed|e)|check(?:ed)?|"
    r"explain(?:ed)?|follow(?:ed)? up|turned up|came|contact(?:ed)?|offer(?:ed)?|help(?:ed)?|told me|"
    r"told us|tell me|warned|noticed|cared?|bothered|knew|knows|com(?:es|ing)|driv(?:e|es|ing)|"
    r"visit(?:ed|s)?|took (?:me|it) seriously|want(?:ed)? to know)\b",
    r"\bthey never\b[\w' ]{0,15}?\b(?:call(?:ed)?|rang|asked|listened|believed|came|answer(?:ed)?|"
    r"got back|told|helped|checked)\b",
    # Nothing came of it.
    r"\bnothing (?:ever )?(?:happens|happened|was done|changed|changes|came of it|gets done|got done)\b",
    r"\band then nothing\b",
    r"\b(?:still|i'?m|i am|was) (?:still )?waiting\b",
    # Turned away.
    r"\b(?:didn'?t|did not|don'?t|do not|doesn'?t|wasn'?t|not) (?:meet|reach|high enough for) "
    r"(?:the|their|any) (?:threshold|criteria)\b",
    r"\b(?:below|under) (?:the|their) threshold\b",
    r"\bnot (?:high|serious) enough\b",
    r"\b(?:was|were|is|are|always) (?:all )?full\b",
    r"\bno (?:spaces?|room|rooms|beds?|places?|vacanc(?:y|ies))\b",
    r"\bturned (?:me |us )?away\b|\bsent (?:me |us )?away\b|\bfob(?:bed)? (?:me |us )?off\b",
    r"\b(?:closed|shut) (?:my|our|the) case\b|\bcase (?:was )?closed\b",
    r"\bpillar to post\b|\bpassed (?:around|between|from one|back and forth)\b",
    # The court or a service let him keep control.
    r"\b(?:let|allowed|lets|allows) (?:him|my ex|the abuser|his)\b",
    r"\bcross[- ]?examin",
    # Waiting.
    r"\bwaiting lists?\b",
    r"\bwait(?:ed|ing)? (?:for )?(?:weeks|months|years|ages|forever)\b",
    r"\btook (?:weeks|months|years|ages|forever|too long)\b|\btoo long\b|\btook \d+ (?:weeks|months|years)\b",
    # Not believed, not taken seriously, blamed.
    # ... but not "I didn't understand" or "I don't believe anything else could be done".
    _not_after(_AFTER_I, "didn't", "didnt", "did not", "wouldn't", "wouldnt", "won't", "wont", "never", "don't", "dont",
               "do not", "doesn't", "doesnt") + r" (?:seem to )?(?:believe|listen|care|"
    r"help|call|ring|get back|understand|follow up|take (?:me|it|us) seriously|do anything|want to know|"
    r"bother|explain|tell me|ask)\b",
    r"\b(?:wasn'?t|weren'?t|not|never) (?:believed|listened to|taken seriously|helped|told|asked|"
    r"contacted|offered)\b",
    _not_after(_NEGATIONS, "blamed") + r" (?:me|us)\b|" + _not_after(_NEGATIONS, "judged") + r" me\b|"
    + _not_after(_NEGATIONS, "made") + r" (?:me|us) feel (?:stupid|small|worse|judged|guilty|ashamed|"
    r"like (?:a|an|i was (?:a|an|lying|making))\b)",
    r"\b(?:asked|questioned|spoke to) (?:me )?(?:in front of|with) (?:him|my ex|my partner)\b",
    r"\bfelt (?:dropped|abandoned|let down|fobbed|dismissed|ignored|alone)\b",
    r"(?<!never )(?<!not )\blet (?:me|us) down\b",
    r"\bno (?:answer|reply|response|follow[- ]?up|one to talk to|support)\b|\bnever answers?\b",
    r"\b(?:went|go|nearly went|ended up going) back to him\b|\bnearly went back\b",
    r"\bnowhere (?:to go|to turn|safe|to live)\b|\b(?:i'?m|i am|we'?re|we are|left|felt) (?:stuck|trapped)\b",
    r"\bnothing (?:out here|round here|around here|local|nearby)\b",
    # "Stop closing cases so fast": a demand to end what happens now.
    r"^stop (?:the |\w+ing\b)",
    # Praise negated or withheld: "wasn't helpful", "wouldn't say anyone helped".
    r"\b(?:wasn'?t|weren'?t|isn'?t|aren'?t|not|never) (?:very |at all |really |much |any |that )*(?:helpful|"
    r"supportive|useful|any (?:help|use|good)|much (?:help|use|good)|a help)\b",
    r"\b(?:wouldn'?t|would not|can'?t|cannot|couldn'?t) say (?:anyone|anything|they|it|the \w+) (?:helped|did)\b",
    r"\bnot sure (?:anything|anyone|it|they) (?:helped|did anything)\b",
    r"\bnothing (?:they|anyone|you|the \w+) (?:did|said) (?:helped|made|worked|changed)\b|"
    r"\bnothing (?:helped|worked)\b",
    r"\bwaste of (?:time|space)\b",
    # The help came from elsewhere: "my mum, not any service", "Not the police."
    r"^not (?:the|any|my) (?:police|services?|council|court|social|gp|helpline|refuge|housing)\b|"
    r"\bnot (?:any|a) (?:service|services|professional|agency)\b|\bwasn'?t (?:really )?(?:the|any) services?\b",
    # Promised and not done; couldn't get in.
    r"\bnever (?:came|arrived|happened|turned up|materiali[sz]ed|rang|called|did|worked|works)\b",
    r"\bnever got (?:a|any|the|my) (?:place|space|room|call|reply|answer|update|appointment|worker)\b",
    r"\bleft (?:on my own|alone|to (?:it|cope|get on with it))\b|\blaughed at\b",
    r"\b(?:dropped|dropped the case|no further action)\b[\w' ]{0,30}\bwithout\b|"
    r"\bwithout (?:even )?(?:talking to|asking|telling|speaking to|consulting|checking with) (?:me|us)\b",
    r"\bkept (?:getting |being )?(?:moved|cancell?ed|changing|changed|adjourned|postponed|rescheduled)\b",
    r"\bonly so much\b",
    # Asking that a service "actually" do its job says it does not.
    r"\b(?:someone|somebody|they|police|you|services?|people|staff|workers?|the \w+) (?:would |will |to |should |"
    r"could )?actually (?:do|does|listen|help|enforce|follow|care|believe|turn up|ring|call|act)\b",
    r"\bsaid (?:they|she|he)(?:'?d| would) (?:ring|call|phone|come|get back|be in touch)\b",
    r"\bcould(?:n'?t| not)(?: even)? get (?:in|a place|a space|a room|seen)\b",
    r"\b(?:there is|there'?s|theres) (?:nothing|no (?:help|support|one|service)) (?:for|out there|available)\b",
    _not_after(_AFTER_I, "didn't", "didnt", "did not", "never")
    + r" (?:see|spot|notice|pick up on) (?:it|anything|the signs)\b",
    r"\bbarely (?:spoke|talked|looked|listened|bothered|said)\b|\b(?:hadn'?t|had not|didn'?t) (?:even )?read\b",
    r"\btold (?:me|us) to go back\b|\bon hold (?:for )?(?:ages|hours|\d+)\b",
    r"\b(?:ended|stopped|finished) (?:too soon|too early|too quickly)\b|"
    r"\bonly (?:got|had|get) (?:\d+|one|two|three|four|five|six) (?:sessions|weeks|appointments)\b",
    r"\bnobody (?:thought|thinks|considered)\b",
    r"\bfelt like (?:a number|a child|a criminal|a liar|a nuisance|a burden|i didn'?t matter|i was lying)\b|"
    r"\b(?:like|as if) i didn'?t matter\b|\btreated (?:me )?like (?:a liar|a criminal|a child|dirt)\b|"
    r"\bpostcode lottery\b|\bweak link\b|\bmade (?:her|his|their|up (?:her|his|their)) mind up\b",
    r"\bno (?:interpreter|translator)\b|\bcould(?:n'?t| not| never) (?:get through|get help|get an appointment)\b",
    # Faults told with no negative word: who a service acts for, what it
    # dropped, what the writer had to do for it, how it treated them.
    r"\bonly (?:care|cares|cared|interested|bothered|listen|listened|act|acted|look|looked|believe|believed)\b"
    r"[\w' ]{0,12}\b(?:if|when|about|once|after|for)\b",
    r"\b(?:hasn'?t|hasnt|haven'?t|havent|never) (?:been in touch|got back|heard back|replied|rung back|called back)\b",
    r"\b(?:lost|misplaced) (?:my|our|them|the (?:forms?|paperwork|file|statement|evidence|referral|application))\b",
    r"\bhad to (?:tell|repeat|explain|retell) (?:my|our|it|the|everything)\b|"
    r"\bhad to (?:chase|fight|beg|push)\b",
    _not_after(_NEGATIONS, "treated", "made") + r" (?:me|us) (?:feel )?(?:like|as if|as though) "
    r"(?:it was|i was|we were|i'?d|we'?d|the problem|a problem|a box|a nuisance)\b",
    r"\blaugh(?:ed|ing)? it off\b|\b(?:officer|police|worker|gp|doctor|judge|they) laughed\b",
    # Service acts that failed, told flatly: help withdrawn and not replaced,
    # a case dropped, a token gesture and nothing more, never heard back.
    r"\b(?:wasn'?t|wasnt|weren'?t|werent|was never|were never|never (?:got|been)|not) replaced\b|"
    r"\bno (?:replacement|one replaced|new worker)\b",
    r"\b(?:case|charges?|investigation|prosecution|complaint)\b[\w' ]{0,12}\b(?:was |were |got |has been )?"
    r"(?:dropped|withdrawn|discontinued|binned|shelved)\b|"
    r"\bdropped (?:the|my|our|all) (?:case|charges?|investigation)\b|\bno further action\b|\bnfa'?d?\b",
    r"\b(?:and|then) that was (?:it|that|the end of it)\b|\bthat was (?:all|the last) (?:i|we) (?:heard|got)\b|"
    r"\bjust (?:a|the) (?:leaflet|number|phone number|website|list)\b",
    r"\b(?:never|haven'?t|havent|didn'?t|didnt) (?:heard|hear) (?:back|anything|from)\b|\bheard nothing\b",
    r"\b(?:discharged|signposted) (?:me|us)\b|\btold (?:me|us) to (?:ring|call|contact|try) "
    r"(?:someone|somebody|another|the other|a different)\b",
    r"\b(?:didn'?t|didnt|did not|never) (?:turn|show) up\b|\bno[- ]show\b",
    r"\b(?:released|bailed|let) (?:him )?(?:out|go)\b[\w' ]{0,20}\b(?:same day|next day|hours|without)\b|"
    r"\b(?:he|him) (?:was )?(?:released|let out|bailed) (?:the )?(?:same|next) (?:day|morning)\b",
    r"\b(?:new|different) (?:worker|social worker|officer) every\b|\b(?:changed (?:workers?|officers?)|"
    r"moved (?:me |us )?(?:around )?)(?:twice|(?:\d+|two|three|four|five|so many) times)\b",
    r"\b(?:nothing|not a word|heard nothing) since\b",
))

# Sarcasm: praise said to mean its opposite ("Oh yeah, SO helpful",
# "Great, brilliant, they gave him contact. Thanks a lot", "Helped. That's a
# good one"). Praise in such an answer is not counted.
_SARCASM = re.compile(
    r"^\W*(?:oh )?yeah,? (?:right|the|they)\b[^.!?]{0,40}\b(?:so|really|such|massive|great|big)\b|"
    r"\bthanks a lot\W*$|\bthanks for nothing\b|\bcheers for (?:that|nothing)\b|\bthat'?s a good one\b|"
    r"\byeah right\b|\bwhat a joke\b|^\W*ha+\b"
)
# An interjection opening praise ("Oh the police were fantastic, told me...",
# "Yeah, great system, where..."): sarcastic when what follows does not praise.
_INTERJECTED_PRAISE = re.compile(
    r"^\W*(?:oh|yeah|oh yeah|wow|oh wow|well)\b,? (?:the \w+ (?:was|were) |they were |it was |what a |a )?"
    r"(?:so |really |very |just )?(?:fantastic|brilliant|great|amazing|wonderful|helpful|marvellous|fab|"
    r"perfect|lovely|excellent)\b"
)
# Asked about or wished for, not done: "asked if I felt safe", "if the police
# had believed me", "I wish they had listened to me".
_ASKED_BEFORE = re.compile(
    r"\b(?:if|whether)\s*$|\b(?:if|wish)\b(?: only)?[\w' ]{0,25}\b(?:had|would|could)\b[\w' ]{0,12}$|"
    r"\b(?:waiting for|promised|supposed to|meant to|going to|said (?:they|she|he)(?:'?d| would)|"
    r"(?:could|can|to) (?:ask|apply) for)\b[\w' ]{0,20}$"
)

# Praise by contrast with other people or with before: the service did what
# nobody else had ("when nobody else would", "which no one else had done",
# "nobody had done that before", "Nobody has ever asked me that"). The
# failure it names is someone else's, so the clause is a success, never a
# failure ("nobody else did either" contrasts nothing).
_CONTRAST_PRAISE = re.compile(
    r"\b(?:nobody|no ?one|no-one|noone) else\b(?![\w' ]{0,25}\beither\b)|"
    r"\b(?:nobody|no ?one|no-one|noone)(?: had| has|'d|'s)? (?:ever (?:done|asked|said|explained|told|offered)"
    r"(?: me| us)? (?:that|this)\b|(?:done|asked|said|explained|told|offered)(?: me| us)? (?:that|this) before\b)"
)

_SERVICE_SUCCESSES = _any_of((
    _CONTRAST_PRAISE.pattern,
    r"\b(?:arrested|charged|removed|convicted|sentenced) (?:him|my ex|the abuser)\b",
    r"\b(?:he|my ex) (?:was|got) (?:arrested|charged|convicted|sentenced|found guilty|removed)\b",
    r"\bfound guilty\b",
    r"\bgot (?:a|an|the|my) (?:non[- ]?mol(?:estation)?|protective|restraining|occupation) order\b",
    r"\bsaved (?:my|our|us|me)\b",
    r"\b(?:believed|listened to) (?:me|us)\b",
    r"\bkept (?:me|us) (?:updated|informed|safe|in the loop)\b",
    r"\b(?:made|helped) (?:me|us) feel (?:safe|safer|believed|heard|normal|human|less alone)\b",
    r"\b(?:i|we) (?:finally )?(?:feel|felt) (?:safe|safer|believed|heard|seen|listened to|human|like a person)\b",
    r"\b(?:took|taken) (?:me|it|us) seriously\b",
    r"\b(?:got back to|rang me back|called me back|rang us back|called us back)\b",
    r"\b(?:didn'?t|never|did not) (?:judge|rush|pressure|push)\b|\bwithout (?:judg|pressur)\w*",
    r"\b(?:nobody|no ?one|no-one)(?: ever)? (?:judged|blamed|rushed|pressured|pushed) (?:me|us)\b",
    r"\b(?:(?:didn'?t|didnt|never|did not)(?: once)? (?:make|made)|(?:nobody|no ?one|no-one)(?: ever)? made) "
    r"(?:me|us) feel "
    r"(?:like|as if|stupid|small|judged|guilty|ashamed|a burden|a nuisance)\b",
    r"\b(?:could(?:n'?t| not) have (?:done it|got through|coped) without)\b",
    r"\bnever let (?:me|us) down\b",
    # Not giving up on someone: "she never gave up on me", "you didn't give up on me".
    r"\b(?:never|didn'?t|didnt|did not|wouldn'?t|wouldnt)(?: once| ever)? (?:gave|give|given) up on (?:me|us)\b|"
    r"\bnever let (?:it|the case) (?:drop|go)\b",
    # Praise too great for words: "can't say enough good things", "can't thank them enough".
    r"\b(?:can'?t|cant|cannot|could(?:n'?t| not)) (?:say enough (?:good|nice|positive|kind)|"
    r"thank (?:\w+ ){0,2}enough|praise (?:\w+ ){0,2}enough|fault (?:them|her|him|it|the \w+))\b",
    r"\bonly (?:thing|one|person|service|people) (?:that|who) (?:worked|helped|listened|cared|understood)\b",
    r"\b(?:she|he|they) actually (?:asked|listened|cared|believed|helped|rang|called|understood)\b",
    r"\bgave (?:me|us) (?:space|time|hope|confidence|somewhere|my life)\b",
    r"\bunderstood (?:me|us|coercive control|what|how|that)\b",
    r"\b(?:thank you|thanks to|so grateful|diolch)\b",
    # A service doing a protective or practical act, told with no praise
    # word: "changed the locks the same day", "got me into a refuge that
    # night", "screens were up", "she rang me back within the hour". Past
    # tense, so "waiting for them to change the locks" is not one; negation
    # and "said they'd" before it are handled in ``_success``.
    r"\b(?:changed|fitted|replaced|put (?:in|on)|installed|upgraded) (?:the |my |our |a |an |new |extra |proper )*"
    r"(?:locks?|door|alarm|panic alarm|cameras?|cctv|doorbell|window locks?)\b|\bsanctuary scheme\b|"
    r"\bsent (?:a|the) locksmith\b",
    _not_after((r"\bhe ",), "rang", "called", "phoned", "texted", "emailed") + r" "
    r"(?:me|us) (?:back )?(?:within|the same|that|straight|"
    r"first thing|next morning|every|each|regularly|weekly)\b",
    r"\b(?:got|found|gave|sorted|secured|offered|booked) (?:me|us) (?:into |a place|a space|a room|a bed|a flat|"
    r"a house|a solicitor|legal aid|an idva|a worker|an advocate|a counsell?or|somewhere)\b|"
    r"\b(?:sorted|arranged|organised)(?: out)? (?:a|the|my|our) (?:school|place|flat|room|solicitor|transport|"
    r"taxi|bed|refuge|house|move|childcare|nursery)\b|\bshowed (?:me|us) (?:where|how|round|around)\b|"
    r"\b(?:moved|rehoused|relocated|placed) (?:me|us|me and the kids)\b(?! (?:\d+|two|three|four|five|again|"
    r"around|about|miles))|\b(?:got|had) a place (?:in|at) "
    r"(?:a |the )?refuge\b",
    r"\b(?:explained|talked me through|talked us through|went through) (?:everything|it all|it|each|every|"
    r"what|how|all|the (?:whole |court |legal )?(?:process|options|order|steps|court|hearing))\b",
    r"\b(?:stayed|sat|came|waited) with (?:me|us)\b|\bwas (?:there|with me) (?:the whole|all the|every|"
    r"at every|throughout)\b|\bheld my hand\b",
    r"\bscreens? (?:was|were|had been) (?:up|put up|there|ready|arranged)\b|\bbehind (?:a|the) screens?\b|"
    r"\bspecial measures\b|\bevidence (?:by|via|over|from|on) (?:a )?video\b|"
    r"\bevidence (?:from|in) (?:another|a separate|a different|a side) room\b|\bvideo link\b|"
    r"\bseparate (?:entrance|waiting (?:room|area)|room|exit)\b",
    r"\b(?:came|turned up|arrived|were there|was there|at the door) (?:with)?in (?:under |about |less than )?"
    r"(?:minutes|(?:\d+|five|ten|fifteen|twenty) minutes|the hour|an hour)\b|\btook him away\b|"
    r"\b(?:came|were there|turned up) straight (?:away|round|over)\b",
    r"\b(?:put|set) (?:a |in |up )?(?:a )?(?:marker|flag|safety plan|bail conditions)\b|"
    r"\b(?:bail conditions|a safety plan) (?:were|was) (?:put|set)\b",
))

# A clause about what the abuser did or does: painful, but not a judgement
# of the service the answer is about.
_ABUSER = r"(?:he|he'?s|he'?d|he'?ll|him|his|my ex|the abuser|my partner|my husband|my boyfriend|their dad)"
_ABUSE_CLAUSE = re.compile(
    rf"\b{_ABUSER}\b[\w' ]{{0,40}}?\b(?:hit|hits|hitting|beat|beats|punch\w*|kick\w*|strangl\w*|chok\w*|"
    r"threat\w*|kill\w*|hurt\w*|rap\w*|controll?\w*|shout\w*|scream\w*|smash\w*|stalk\w*|broke|"
    r"abus\w*|push\w*|grab\w*|attack\w*|assault\w*|took my|takes my|stopped me)\b"
)
# Words that show a clause is about a service, so abuse clauses beside it can be set apart.
_SERVICE_WORDS = re.compile(
    r"\b(?:police|officers?|court|judge|cafcass|refuge|workers?|idva|helpline|social (?:worker|services)|gp|"
    r"doctor|nurse|midwife|solicitor|council|housing|staff|service|services|group|counsell?or|programme|"
    r"hospital|they|she|team|charity|advocate|outreach|mentor)\b"
)
_CLAUSE_SPLIT = re.compile(r"(?<=[.!?;])\s+|\s*,?\s+\b(?:but|although|though|however|whereas|yet)\b\s*")

# Answers that say nothing: "no idea", "dunno", keyboard mash.
_NON_ANSWER = re.compile(
    r"^\W*(?:no idea|dunno|don'?t know|not sure|no thanks|no thank you|nothing to (?:say|add)|"
    r"i don'?t know|idk|pass|no comment|can'?t say|test(?:ing)?|(?:no|nope)?,? ?that'?s (?:all|it)|"
    r"good luck(?: with (?:the|this|your) \w+)?|no,? thank (?:you|u) for asking|please keep (?:this|it) anonymous)"
    r"\W*(?:sorry|really|thanks|x+)?\W*$"
)
# A clause that is lukewarm through and through: "It was ok I guess",
# "The police were fine I suppose", "Mixed.", "Not great not terrible".
_LUKEWARM = re.compile(
    r"^\W*(?:(?:it|this|that|they|she|he|the \w+(?: \w+)?) (?:was|were|is|are|seemed) (?:just )?)?"
    r"(?:ok|okay|fine|alright|all right|not bad|average|so-so|mixed|a mixed bag|(?:what|how) it was|"
    r"not great,? not terrible|could (?:have been|be) worse|better than nothing)"
    r"(?: (?:i guess|i suppose|really|enough|tbh|i think|overall))?\W*$"
)
# An answer opening by saying it cannot judge ("Hard to say, I only went
# twice", "Not sure, I only used it once", "Too early to tell"): neutral in
# domestic-abuse coding, like a lukewarm one. Not "not sure anything helped"
# or "I don't know who to ring", which say something.
_CANT_JUDGE = re.compile(
    r"^\W*(?:(?:honestly|tbh|um+|erm+)\W+)?(?:(?:i'?m |i am |im )?not sure"
    r"(?! (?:anything|anyone|any|they|it|if|whether|i'?d|i would|where|what|how)\b)|hard to (?:say|tell)|"
    r"(?:i )?(?:don'?t|dont|do not) (?:really )?know(?! (?:who|where|how|what|if|when|why|whether)\b)|"
    r"dunno(?! (?:who|where|how|what|if|when|why|whether|i'?d|i would)\b)|"
    r"(?:it'?s |its )?(?:still )?(?:too )?early days|too (?:early|soon) to (?:tell|say)|"
    r"can'?t (?:really )?say(?! enough))\b|"
    r"\bcan'?t (?:really )?(?:judge|comment)\b|\bcant (?:really )?(?:say|judge|comment)\b(?! enough)"
)
# Answers proposing something, which domestic-abuse coders read as neutral
# even when they answer "what could be better?" ("More male workers",
# "Let us self refer", "Give us a named person").
_PROPOSAL = re.compile(
    r"^\W*(?:maybe |perhaps |just |and )?(?:more|less|fewer|(?:better|faster|quicker)(?! than)|longer|shorter|"
    r"extra|proper|separate|let (?:us|people|women|survivors|me)|give (?:us|people|women|survivors|more)|"
    r"have (?:a|more|someone)|"
    r"make (?:it|sure|the)|put (?:a|more)|train|fund|provide|offer|a (?:named|single|dedicated|specialist|"
    r"separate|safe|proper)|somewhere|someone (?:who|to)|a way|being able|having (?:a|someone|more)|"
    r"knowing|evening|weekend|workers? who|people who|staff who)\b"
)
# Proposals and wishes: what the answer wants, not how the service was.
_SUGGESTION = re.compile(
    r"\b(?:i wish|there (?:should|needs? to) be|(?:you|they|services?|we|police|courts?|people|staff|workers?) "
    r"(?:should|need to|needs to|ought to)|it would (?:help|have helped)|"
    r"would (?:be|have been) (?:good|nice|better|great|helpful)|if (?:only )?there (?:was|were)|"
    r"if (?:someone|somebody|they|the \w+) (?:just |had )?(?:asked|told))\b"
)
# Not "no" or "none": NHS coders read "None" answering "what was good?" as
# nothing to fault, and "No comments, everything was brilliant" is praise.
_OPENS_WITH_NOTHING = re.compile(
    r"^\W*(?:(?:honestly|tbh|to be honest|truthfully|well|um+|erm+)\W+)?"
    r"(?:nothing|nowt|dim byd|not (?:much|really|a lot)|nobody|no ?one|none of (?:them|it|those|the \w+)|"
    r"(?:i )?can'?t think of (?:anything|any|owt))\b"
)
_SAYS_NOTHING = re.compile(r"^\W*(?:no|none|nothing|nope|nah|not really|nothing (?:else|more)(?: to add)?)\W*$")
_VOWEL = re.compile(r"[aeiouwy]")  # w and y are vowels in Welsh


@dataclass(frozen=True)
class Judgement:
    """What one answer says about the service.

    ``scored_text`` is the text with abuse-description clauses set apart
    when other clauses judge a service (otherwise the whole text);
    ``failures`` and ``successes`` count matched clauses; ``unmatched`` are
    the service clauses left, which may still praise ("great staff, but...").
    """

    scored_text: str
    failures: int
    successes: int
    non_answer: bool
    suggests: bool = False  # proposes or wishes for a change ("there should be", "I wish")
    opens_with_nothing: bool = False  # "nothing helped...", "not much", "nobody"
    says_nothing: bool = False  # the whole answer is "no", "none", "nothing else"
    unmatched: tuple[str, ...] = ()  # clauses matching no pattern (abuse set apart)
    sarcastic: bool = False  # praise said to mean its opposite: a failure, its praise void
    lukewarm: bool = False  # a clause says only "it was ok", "fine I suppose", "mixed", or "hard to say"
    proposes: bool = False  # opens with a proposal ("More male workers", "Let us self refer")
    interjected: bool = False  # "Oh the police were fantastic, ...": sarcastic unless the rest praises too
    pieces: tuple[str, ...] = ()  # the non-abuse clauses split at commas too, for mixed praise and complaint


def clauses(text: str) -> list[str]:
    """Sentences and contrast clauses ("... but ...") of ``text``."""
    return [c for c in _CLAUSE_SPLIT.split(clean(text)) if c and c.strip(" ,.")]


def _success(clause: str) -> bool:
    """A success pattern not negated, asked about or wished for just before it
    ("nobody believed me", "asked if I felt safe", "if they had listened to me")."""
    return any(not _NEGATED_BEFORE.search(clause[: m.start()]) and not _ASKED_BEFORE.search(clause[: m.start()])
               for m in _SERVICE_SUCCESSES.finditer(clause))


def is_non_answer(text: str) -> bool:
    """True for "no idea"-style answers and keyboard mash with no word in it."""
    lowered = clean(text).lower()
    if _NON_ANSWER.match(lowered):
        return True
    tokens = re.findall(r"[a-z]+", lowered)
    return len(tokens) == 1 and len(tokens[0]) >= 5 and not _VOWEL.search(tokens[0][1:])


def succeeds(clause: str) -> bool:
    """True when ``clause`` (lower-cased) holds a service success (see ``_success``)."""
    return _success(clause)


def fails(clause: str) -> bool:
    """True when ``clause`` (lower-cased) matches a service-failure pattern and
    is no praise by contrast ("she listened when nobody else did")."""
    return bool(_SERVICE_FAILURES.search(clause)) and not _CONTRAST_PRAISE.search(clause)


def opens_with_nothing(text: str) -> bool:
    """True for "nothing helped...", "not much...", "nobody...": see ``_OPENS_WITH_NOTHING``."""
    return bool(_OPENS_WITH_NOTHING.match(clean(text).lower()))


def judge(text: str) -> Judgement:
    """Clause-level reading of ``text`` (see the module docstring)."""
    lowered = clean(text).lower()
    parts = clauses(lowered)
    # Most answers match nothing: one scan of the whole text rules that out
    # before the clause-by-clause scans.
    none = [False] * len(parts)
    failed = [fails(c) for c in parts] if _SERVICE_FAILURES.search(lowered) else none
    succeeded = [_success(c) for c in parts] if _SERVICE_SUCCESSES.search(lowered) else none
    failures, successes = sum(failed), sum(succeeded)
    abuse = [bool(_ABUSE_CLAUSE.search(c)) and not _SERVICE_WORDS.search(c) for c in parts]
    judged = [c for c, is_abuse in zip(parts, abuse, strict=True) if not is_abuse]
    about_service = any(_SERVICE_WORDS.search(c) for c in judged) or failures or successes
    scored = ". ".join(judged) if any(abuse) and judged and about_service else clean(text)
    unmatched = tuple(c for c, f, s, a in zip(parts, failed, succeeded, abuse, strict=True)
                      if not (f or s or a))
    sarcastic = bool(_SARCASM.search(lowered))
    if sarcastic:
        failures, successes = max(failures, 1), 0
    pieces = tuple(p.strip() for c in judged for p in c.split(",") if p.strip(" .!?"))
    return Judgement(scored_text=scored, failures=failures, successes=successes,
                     non_answer=is_non_answer(text), suggests=bool(_SUGGESTION.search(lowered)),
                     opens_with_nothing=opens_with_nothing(text), says_nothing=bool(_SAYS_NOTHING.match(lowered)),
                     unmatched=unmatched, sarcastic=sarcastic,
                     lukewarm=any(_LUKEWARM.match(p) for p in pieces) or any(_LUKEWARM.match(c) for c in judged)
                     or bool(_CANT_JUDGE.search(lowered)),
                     proposes=bool(_PROPOSAL.match(lowered)), pieces=pieces,
                     interjected=bool(_INTERJECTED_PRAISE.match(lowered)))
