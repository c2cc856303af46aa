"""Danger now, round 8 (issue 12 part 1): third parties, stalking with fear, being kept in
or sent back, and Urdu, Panjabi and Bengali as people type them; with the hard negatives
a wider lexicon must still leave alone (past and safe now, courses, policy, negation)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from analysis.risk import assess
from tests.analysis.risk_checks import assert_left_alone

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.risk import evaluate, load_labelled  # noqa: E402

CORPORA = sorted((Path(__file__).parent / "corpora").glob("risk_dev_r8*.tsv"))

DANGER = [
    # Someone else in danger now: named as such, not only by what is done to her.
    ("third_party_in_danger",
     "My daughter is 19 and her boyfriend controls everything, I think he will seriously hurt her"),
    ("third_party_in_danger", "the kids next door are screaming again and i can hear him hitting someone"),
    ("third_party_in_danger", "my daughter-in-law is kept in the house, she isnt allowed out or to have a phone"),
    ("third_party_in_danger", "my grandma is being hit by my uncle who lives with her and no one is doing anything"),
    ("third_party_in_danger", "The lady across the road has a new fella and I keep hearing her beg him to stop"),
    ("third_party_in_danger", "my 17 year old niece is being taken abroad to be married in the summer holidays"),
    ("third_party_in_danger", "my best friend texted me last night saying he had his hands round her throat"),
    ("threat_to_kill_or_harm", "He told my mum I'll be leaving in a bodybag"),
    ("threat_to_kill_or_harm", 'his words were "you\'re not leaving this house alive"'),
    ("threat_to_kill_or_harm", "he goes on about how easy it would be to make it look like I fell"),
    ("strangulation", 'he sits on my face as a "joke" til i panic'),
    ("stalking_with_fear", "hes got the new address off my mums phone"),
    ("stalking_with_fear", "he sat behind me in the doctors waiting room and just stared"),
    ("stalking_with_fear", "He's been using the kids' iPad to see where we are"),
    ("imminent_contact", "can hear his keys in the door"),
    ("suicidal", "ive given my cat away and said my goodbyes"),
    ("suicidal", "everyone would be happier if I just wasn't here"),
    ("suicidal", "I've looked up how high the multi storey is"),
    ("suicidal", "I cant face another day of this"),
    ("sexual_violence_recent", "i woke up and he was doing it to me"),
    ("trapped_or_controlled_now", "my husband says i will be sent back and lose my children if i tell anyone"),
    ("feeling_unsafe_now",
     "everything has gone really bad at home since he lost his job, he smashed the telly last night"),
    # Urdu (script and romanised), Panjabi (Gurmukhi and romanised), Bengali.
    ("third_party_in_danger", "meri behen ka shohar usay roz maarta hai, mujhe dar hai woh usay maar dalega"),
    ("threat_to_kill_or_harm", "کہتا ہے اگر میں نے چھوڑا تو برا انجام ہوگا"),
    ("suicidal", "سوچتی ہوں کہ چھت سے کود جاؤں"),
    ("imminent_contact", "وہ ضمانت پر باہر آ گیا ہے"),
    ("third_party_in_danger", "ਮੇਰੀ ਭੈਣ ਦਾ ਪਤੀ ਉਸਨੂੰ ਕੁੱਟਦਾ ਹੈ, ਉਹ ਖ਼ਤਰੇ ਵਿੱਚ ਹੈ"),
    ("trapped_or_controlled_now", "ਉਹ ਮੈਨੂੰ ਘਰੋਂ ਬਾਹਰ ਨਹੀਂ ਜਾਣ ਦਿੰਦਾ, ਮੇਰਾ ਫ਼ੋਨ ਖੋਹ ਲਿਆ"),
    ("threat_to_kill_or_harm", "oh kehnda hai ke mainu maar devega je main police nu dasya"),
    ("suicidal", "main hun jeena nahi chahundi"),
    ("threat_to_kill_or_harm", "ও বলেছে আমি চলে গেলে আমাকে খুন করবে"),
    ("trapped_or_controlled_now", "ও আমার কাগজপত্র লুকিয়ে রেখেছে"),
    # Round 9 (read from held-out set 4).
    ("suicidal", "I keep thinking the kids would be better off with my mum and me out of the picture"),
    ("suicidal", "tonight I'm going to finish it, I've had enough"),
    ("trapped_or_controlled_now", "I'm kept indoors most days and only allowed out with his mother"),
    ("third_party_in_danger", "my neighbour's wife was crying for help last night and then it went silent"),
    ("suicidal", "main apni jaan dena chahundi haan"),
    ("trapped_or_controlled_now", "mere sauhre mainu ghar ton bahar nahi jaan dende te mera phone vi lai leya"),
    ("child_at_risk", "ਉਹ ਮੇਰੇ ਪੁੱਤ ਨੂੰ ਬੈਲਟ ਨਾਲ ਕੁੱਟਦਾ ਹੈ"),
    ("stalking_with_fear", "Ciągle jeździ za mną samochodem, bardzo się boję"),
    # Round 10 (read from held-out set 5).
    ("threat_to_kill_or_harm", 'he sent me a pic of a shovel and said "for you"'),
    ("stalking_with_fear", "i moved 100 miles and last week there was a letter from him through my door"),
    ("suicidal", "I'm so done. Goodbye."),
    ("trapped_or_controlled_now",
     "he's told the home office I'm lying about the abuse and says they'll send me away without the kids"),
    ("trapped_or_controlled_now", "مجھے گھر سے باہر جانے کی اجازت نہیں، میرا فون بھی ان کے پاس ہے"),
    # Round 11 (read from held-out set 6).
    ("imminent_contact", "just heard the gate go, think its him"),
    ("imminent_contact", "he's left prison and my address was on the court papers he got"),
    ("child_at_risk", "my kids hide under the bed when their dad comes home"),
    ("suicidal", "I dont see the point anymore, I think about it every night"),
    ("third_party_in_danger", "the woman in the flat below has been screaming for about 20 min"),
    ("stalking_with_fear", "وہ میرے پیچھے پیچھے آتا ہے اور مجھے بہت خوف آتا ہے"),
    ("threat_to_kill_or_harm", "ਉਸਨੇ ਕਿਹਾ ਕਿ ਜੇ ਮੈਂ ਪੁਲਿਸ ਕੋਲ ਗਈ ਤਾਂ ਉਹ ਮੇਰੇ ਉੱਤੇ ਤੇਜ਼ਾਬ ਸੁੱਟ ਦੇਵੇਗਾ"),
    ("trapped_or_controlled_now", "ਮੇਰੇ ਸਹੁਰੇ ਮੈਨੂੰ ਕਿਸੇ ਨਾਲ ਗੱਲ ਨਹੀਂ ਕਰਨ ਦਿੰਦੇ"),
    # Round 12 (read from held-out set 7).
    ("threat_to_kill_or_harm", 'he texted "enjoy your freedom while it lasts"'),
    ("threat_to_kill_or_harm", "my husband said he's not afraid of going to prison if it means I'm gone"),
    ("stalking_with_fear", "i keep finding my car tyres let down and notes saying 'i know where you are'"),
    ("suicidal", "I don't think I'll be around much longer"),
    ("child_at_risk", "the kids over the road were locked out all night in the cold again"),
    # Round 13 (read from held-out set 8).
    ("threat_to_kill_or_harm", "My partner said the only way I'm leaving is in an ambulance"),
    ("imminent_contact", "he's just got off the train at my station"),
    ("imminent_contact", "My ex is out next Tuesday and his family have been asking about me"),
    ("imminent_contact", "he's been told where my refuge is by someone, he's in the area now"),
    ("stalking_with_fear", "he drives slowly behind me when I walk the kids to school, I'm scared stiff"),
    ("suicidal", "my head is telling me to jump in front of the bus"),
    ("trapped_or_controlled_now", "I'm never allowed out alone, he walks me to the shop and back"),
    ("trapped_or_controlled_now", "my husband tells me I have no rights in this country and he'll have me removed"),
    ("third_party_in_danger", "the man next door throws his wife about, I heard her fall down the stairs tonight"),
    ("trapped_or_controlled_now", "میرے سسرال والے مجھے گھر سے نکلنے نہیں دیتے"),
    ("suicidal", "مجھے جینے کی کوئی وجہ نظر نہیں آتی"),
]

SAFE = [
    "Police should take threats to kill more seriously, my friend's case was ignored",
    "Our group discussed how perpetrators use immigration status as control",
    "the worker explained what strangulation does to your brain, it was eye opening",
    "The helpline said if I was ever in danger to call 999, which was good to know",
    "He doesn't know where I live now and the police have flagged my address",
    "he smashed my phone when we were together, it's been 4 years",
    "i dont want to die, i just want the waiting list to be shorter",
    "The counsellor helped me stop thinking about ending it",
    "When I was 12 my dad hit my mum, I'm 30 now and we're both fine",
    "my sister-in-law told the group about being locked in, it was brave of her",
    "My son's father never hurt the kids, he just wasn't around",
    "not safe to assume everyone can read English, please translate",
    "My friend's husband used to hit her, they divorced and she's doing great",
    "pehle woh mujhe maarta tha lekin ab main mehfooz hoon",
    "pehlan oh mainu kutda si par hun main apne ghar vich safe haan",
    "ہمیں گروپ میں زبردستی کی شادی کے بارے میں بتایا گیا",
    "Dysgon ni am stelcio yn y grŵp",
    "La curs am învățat despre strangulare",
    "আমার মেয়ে এখন স্কুলে খুব ভালো করছে",
    "ਮੇਰੀ ਭੈਣ ਨੇ ਮੈਨੂੰ ਇਸ ਸੇਵਾ ਬਾਰੇ ਦੱਸਿਆ",
    "The police should follow up on breaches faster, it makes women feel unsafe",
    "The choking game video went round my daughter's school and the school handled it well",
    "He once threatened me with a knife, long before the kids were born; we split up and I'm fine now",
    "my friend who was being abused is now living in a different city and happy",
    "I didn't feel safe at first in the refuge but after a week I did",
    "Services should be more aware that men get strangled too",
    "I felt trapped by debt but the money adviser sorted it",
    "it's not safe to leave bikes outside the centre, they get nicked",
    "pehlan oh mainu dhamkian dinda si, hun main safe haan",
    "I think the police response to strangulation has improved a lot",
    "I'm not afraid of him any more",
    "The IDVA explained the risks of strangulation really clearly",
    "I didn't feel safe telling the first officer, but the second one was great",
    "there's no threat to me now, I'm just sharing my experience",
]


@pytest.mark.parametrize("category, text", DANGER, ids=[f"{c}-{i}" for i, (c, _) in enumerate(DANGER)])
def test_danger_now_is_flagged_and_named(category, text):
    result = assess(text)
    assert result.flagged, text
    assert category in result.categories, result


@pytest.mark.parametrize("text", SAFE)
def test_hard_negatives_are_left_alone(text):
    assert_left_alone(text)


def test_a_writers_own_danger_is_not_named_as_someone_elses():
    assert "third_party_in_danger" not in assess("my mum says he'll kill me if I go back").categories
    assert "third_party_in_danger" not in assess("he put his hands round my throat last night").categories


@pytest.mark.parametrize("path", CORPORA, ids=[p.stem for p in CORPORA])
def test_round8_corpora_hold_their_tuned_figures(path):
    """Tuned on, so only a floor against regressions (the held-out figure is in the
    corpus written after the freeze)."""
    report = evaluate(load_labelled(path))
    assert report.recall >= 0.98 and report.precision >= 0.95, report.summary()
