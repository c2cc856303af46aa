"""The word lists redaction reads: names in any script, ordinary English words, service words.

The lists are built by ``build_lists.py`` from public sources (see
``analysis/data/redaction/README.md``) and shipped with the package: nothing is
downloaded at run time. Every lookup is by ``key``: lower case, with the
Romanian cedilla letters unified, so "Ştefan" and "Ștefan" are one name; names
are also looked up without accents ("Malgorzata" as people type it).
"""

from __future__ import annotations

import gzip
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

# Cedilla and comma-below forms of the same Romanian letters; dotted capital I of Turkish; the zero-width
# non-joiner Persian writes inside a word ("استاک‌پورت"), typed or not.
# Arabic short vowels, nunation and shadda are left out, as wordfreq leaves them out: "كثيراً" is "كثيرا" (round 38b).
# Round 41: Pashto's own letters read as the Urdu ones the lists spell with ("مانچسټر" is "مانچسٹر", Manchester;
# "ګل" is "گل", Gul).
_UNIFY = str.maketrans({"ş": "ș", "ţ": "ț", "\u0307": None, "\u200c": None} | dict.fromkeys(range(0x064B, 0x0653))
                       | {"ګ": "گ", "ټ": "ٹ", "ډ": "ڈ", "ړ": "ڑ", "ڼ": "ن", "ې": "ی", "ۍ": "ی"})
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe"})

# Function words and common sentence words that are never a surname or street name, with the contractions
# people type without an apostrophe ("theres", "hes", "wont").
STOPWORDS = frozenset(
    """a an and are as at be been but by can could did do does for from had has have he her him his
    how i if in into is it its me my no not of off on or our out she so than that the their them
    then there they this to too up us was we were what when where which while who why will with
    would you your down over back just very all any some about after before again also am been
    being both each few more most other own same such only once here now never always still yet
    times time mins minutes hours days weeks months years miles kids children people things
    lovely kind really great amazing rude helpful brilliant good bad nice
    theres thats whats hes shes theyre wheres heres lets ive id ill im youre dont wont cant didnt isnt
    wasnt couldnt""".split()
)

# Police ranks written before an officer's name ("PC Dobbs", "Sgt Parkinson"): whatever capitalised word
# follows is a name, never a place. One list for names.py and places.py.
POLICE_RANKS = ("PC", "DC", "DS", "DI", "DCI", "Sgt", "Sergeant", "Inspector", "Constable")

# Everyday words of Urdu, Panjabi, Bengali, Hindi, Arabic and Persian answers that stand where a name could
# (pronouns, relations, people, services and bodies such as a committee, postpositions and verbs; the family and
# languages, "دکتر خانواده" family doctor, "مترجم عربي" Arabic interpreter): never a name.
SCRIPT_WORDS = frozenset(
    """میں ہم تم آپ اس اُس انہوں انھوں ان وہ یہ جس کس کسی سب کوئی لوگوں لوگ پولیس ڈاکٹر وکیل جج عدالت کونسل
    عملے اسٹاف سٹاف ورکر کونسلر ٹیچر استاد پڑوسی پڑوسیوں خاندان گھر والوں آدمی عورت بچوں بچے بچی بچہ
    شوہر بیوی ساس سسر بھائی بہن بیٹا بیٹی دیور نند ماں باپ ابو امی والد والدہ میرے میری میرا مجھے نے کو کی
    کا کے سے اور یا ہے ہیں تھا تھی تھے نہیں بھی تو پر کہ جو ایک کچھ بہت ہر
    ਮੈਂ ਅਸੀਂ ਤੁਸੀਂ ਉਸ ਉਹ ਇਹ ਉਨ੍ਹਾਂ ਇਸ ਕਿਸੇ ਸਭ ਕੋਈ ਲੋਕਾਂ ਪੁਲਿਸ ਪੁਲੀਸ ਡਾਕਟਰ ਵਕੀਲ ਜੱਜ ਅਦਾਲਤ ਕੌਂਸਲ ਸਟਾਫ਼ ਸਟਾਫ
    ਗੁਆਂਢੀ ਪਰਿਵਾਰ ਘਰ ਬੰਦੇ ਆਦਮੀ ਔਰਤ ਬੱਚਿਆਂ ਬੱਚੇ ਪਤੀ ਪਤਨੀ ਸੱਸ ਸਹੁਰੇ ਭਰਾ ਭੈਣ ਮਾਂ ਪਿਤਾ ਮੇਰੇ ਮੇਰੀ ਮੇਰਾ ਮੈਨੂੰ
    ਨੇ ਨੂੰ ਦੀ ਦਾ ਦੇ ਤੋਂ ਅਤੇ ਜਾਂ ਹੈ ਹਨ ਸੀ ਨਹੀਂ ਵੀ ਕਿ ਜੋ ਇੱਕ ਕੁਝ ਬਹੁਤ ਜੀ
    আমি আমরা তুমি আপনি সে তার ওর ওরা তারা এই সব কেউ লোক পুলিশ ডাক্তার উকিল আদালত কাউন্সিল স্টাফ প্রতিবেশী
    পরিবার বাড়ি লোকটা মহিলা বাচ্চা বাচ্চারা স্বামী স্ত্রী শাশুড়ি শ্বশুর ভাই বোন মা বাবা আমার আমাকে
    এবং আর বা হয় ছিল না নয় ও কি যে এক কিছু খুব
    সবসময় এখন কখনো কখনও প্রতিদিন মদ টাকা রাগ আমাদের তোমার আপনার সাথে সঙ্গে থেকে জন্য কাছে পরে আগে সব রাতে দিনে
    ہمیشہ اب کبھی روز روزانہ شراب پیسے غصے غصہ ہمارے ساتھ لیے پاس بعد پہلے رات دن
    ਉਸਨੇ ਉਹਨੇ ਉਸਨੂੰ ਉਹਨੂੰ ਉਨ੍ਹਾਂਨੇ ਉਹਨਾਂ ਇਹਨਾਂ ਵਾਲੇ ਵਾਲਿਆਂ ਵਾਲੀ ਵਾਲਾ ਵਾਲੀਆਂ ਲੋਕ ਸਾਰੇ ਸਾਰਿਆਂ ਕਿਸੇ ਕਿਸੇ ਨੇ ਮੈਂਨੂੰ
    والوں والے والی والا ان ہوں نے انہیں اسے
    ਹਮੇਸ਼ਾ ਹੁਣ ਕਦੇ ਰੋਜ਼ ਹਰ ਸ਼ਰਾਬ ਪੈਸੇ ਗੁੱਸੇ ਗੁੱਸਾ ਸਾਡੇ ਸਾਡਾ ਨਾਲ ਲਈ ਕੋਲ ਬਾਅਦ ਪਹਿਲਾਂ ਰਾਤ ਦਿਨ ਵੀ ਬਹੁਤ ਸਿਰਫ਼ ਸਿਰਫ
    ریفیوج رفیوج ہاؤسنگ سوشل ہیلپ لائن ਹੈਲਪ ਲਾਈਨ হেল্প লাইন
    ਰਿਫਿਊਜ ਰਿਫ਼ਿਊਜ ਹਾਊਸਿੰਗ ਸੋਸ਼ਲ রিফিউজ রিফিউজে রিফিউজের রিফিউজটা হাউজিং সোশ্যাল
    ਵਿੱਚ ਵਿਚ ਚ ਤੇ ਉੱਤੇ ਤੱਕ ਤਕ ਬਾਰੇ ਵਾਂਗ ਬਿਨਾਂ ਪਰ ਫਿਰ ਫੇਰ ਅਜੇ ਕਿਉਂਕਿ ਜਦੋਂ ਤਾਂ ਕਿਤੇ ਇੱਥੇ ਉੱਥੇ ਕੀ ਕਿਉਂ ਕਿਵੇਂ ਕਦੋਂ ਕਿੱਥੇ
    ਉਸਦੇ ਉਸਦਾ ਉਸਦੀ ਆਪਣੇ ਆਪਣੀ ਆਪਣਾ ਗੱਲ ਮਦਦ ਕਮੇਟੀ ਸਰਕਾਰ ਚੈਰਿਟੀ ਹਸਪਤਾਲ ਸਕੂਲ ਦਫ਼ਤਰ ਦਫਤਰ ਕੋਰਟ ਸੰਸਥਾ ਸੰਗਤ
    এখনও এখনো আবার কিন্তু তবে তবু যদি তাহলে কারণ যখন তখন শুধু অনেক আরও আরো একটু হয়তো প্রায়ই প্রায় কেন কোথায়
    কীভাবে কবে এখানে সেখানে ওখানে এমন তাই তো মতো মত দিয়ে পর্যন্ত ভেতরে বাইরে কমিটি হাসপাতাল স্কুল অফিস কোর্ট সংস্থা
    لیکن مگر کیونکہ جب تب اگر پھر ابھی صرف بالکل کمیٹی حکومت ادارہ ادارے تنظیم
    मैं मैंने मेरा मेरी मेरे मुझे मुझको हम हमें हमारा हमारी हमारे तुम तुम्हें आप आपका आपकी आपके वह वो यह ये उस उसे
    उसने उसका उसकी उसके इस इसे इसने उन उन्हें उन्होंने इन ने को से में पर का की के और या है हैं था थी थे हूँ हूं हो
    नहीं ना भी तो कि जो एक कुछ बहुत सब सभी कोई किसी हर सी सा तक लिए बाद पहले अब फिर कभी हमेशा आज कल रोज़ रोज साथ
    पास बारे जैसे जैसा जैसी क्योंकि लेकिन मगर वाली वाला वाले लोग पुलिस अदालत कोर्ट काउंसिल स्टाफ़ स्टाफ कमेटी समिति सरकार
    अस्पताल स्कूल दफ़्तर दफ्तर ऑफ़िस ऑफिस चैरिटी घर परिवार बच्चे बच्चों रिफ्यूज रिफ़्यूज शेल्टर हाउसिंग सोशल हेल्पलाइन
    في من إلى الى على مع عن هو هي أنا انا نحن أنت هم كان كانت لا لم لن ما ماذا لماذا كيف متى أين هذا هذه ذلك تلك
    الذي التي أو ثم لكن قد كل بعض عند عندي لي له لها بعد قبل جدا كثيرا الشرطة المحكمة المجلس البلدية اللجنة الملجأ
    من تو او ما شما آنها ایشان این آن در از به با برای که و یا را هم نه بود است هست شد کرد خیلی همه هر یک چند
    الان حالا هنوز دیگر اما ولی چون اگر وقتی کجا چرا چه مرا پلیس دادگاه کانسل شورا کمیته بیمارستان مدرسه خانه
    گفت گفتند گفته آمد آمدند رفت رفتند زد زدند کردند داد دادند داشت قال قالت جاء جاءت ذهب ذهبت أخذ أخذت
    کہا کہتے بتایا آیا آئی گیا گئی کیا कहा बताया आया आई गया गई किया ਕਿਹਾ ਦੱਸਿਆ ਆਇਆ ਆਈ ਗਿਆ ਗਈ ਕੀਤਾ
    বলল বলেছে বললেন বলেছিলেন এসেছিল এসেছিলেন গেল করল
    خانواده خانوادگی عربي عربى العربي العربية عربية فارسی انگلیسی
    الإنجليزية الانجليزية انجليزي إنجليزي کردی اردو
    توی تووی پیش کنار واسه برا همراه
    لە بۆ لەگەڵ کە ئەو ئەم ئەوان ئێمە ئێوە تۆ ئەوە ئەمە هەموو زۆر ئێستا دواتر پێشتر بەڵام چونکە ئەگەر کاتێک لێرە
    لەوێ نەخێر بەڵێ هیچ یەک دوو پۆلیس پۆلیسەکان دادگا دادگام ماڵ ماڵەوە منداڵ منداڵەکان منداڵەکانم ڕۆژی ڕۆژ شەو
    هات هاتن چوو کرد دام یارمەتی ژن پیاو خێزان لێی لێم پێی پێم دەدام هاوڕێ کارمەند ڕێکخراو نەخۆشخانە قوتابخانە
    مزگەوت پەناگە وەرگێڕ پارێزەر هەیە نییە بوو بووم
    ኣነ ንሱ ንሳ ንሳቶም ንሕና ንስኻ ንስኺ ንዓይ ኩሉ ኩሎም ኣብ ናብ ካብ ምስ እዩ እያ ነይሩ ነይራ ኣሎ የለን ግን እሞ ሽዑ ሕጂ
    ድሕሪ ቅድሚ ብዙሕ ወትሩ ሓደ ክልተ ፖሊስ ቤት ፍርዲ ገዛ ቆልዑ ቆልዓ ሰብ ሰነዳተይ ሰነዳት ሒዙዎ ሓጊዛትኒ ሓጊዙኒ
    ዝተባህለ ዝተባህለት ዝበሃል ሰራሕተኛ
    እኔ እሱ እሷ እነሱ እኛ አንተ አንቺ እኔን ሁሉ ሁሉም ውስጥ ወደ ጋር ነው ነበር ነበረ አለ የለም ከዚያ አሁን በኋላ በፊት
    በጣም ሁልጊዜ ሁሌ አንድ ሁለት ፍርድ ልጆች ልጆቼ ሰው ረዳኝ ረዳችኝ የተባለ የተባለች የሚባል የምትባል""".split()
)
# Round 36: Kurdish Sorani (Arabic script with "ێ ڕ ۆ ە") and Tigrinya and Amharic (Ge'ez script): pronouns,
# postpositions, services and common verbs above ("لە" in, "ኣብ" in, "ፖሊስ" police) are no names either.


# Relations, roles and titles in Urdu, Arabic, Bengali, Gurmukhi, Hindi and Persian ("husband", "my son's...",
# "worker", "solicitor", "Mrs"): the next word is a name, never a place.
SCRIPT_RELATIONS = frozenset(
    """شوہر خاوند بیوی بھائی بہن بیٹا بیٹی ساس سسر زوجي زوجتي زوج أخي أختي ابني ابنتي স্বামী স্ত্রী ভাই বোন ছেলে
    মেয়ে শাশুড়ি ਪਤੀ ਪਤਨੀ ਭਰਾ ਭੈਣ ਪੁੱਤਰ ਧੀ ਸੱਸ पति पत्नी भाई बहन बेटा बेटी सास
    دیور جیٹھ نند بھابھی سالا بہنوئی ماموں چچا خالہ پھوپھی دوست منگیتر کزن مسز مسٹر مس ڈاکٹر بیگم نام
    দেবর ননদ ভাসুর শ্বশুর বান্ধবী বন্ধু ভাবি চাচা মামা খালা ফুফু মিসেস মিস্টার ডাক্তার নাম
    ਦਿਓਰ ਜੇਠ ਨਣਦ ਭਰਜਾਈ ਸਹੁਰਾ ਦੋਸਤ ਚਾਚਾ ਮਾਮਾ ਮਾਸੀ ਭੂਆ ਮਿਸਿਜ਼ ਮਿਸਟਰ ਡਾਕਟਰ ਸ੍ਰੀਮਤੀ ਸ੍ਰੀ ਨਾਮ ਨਾਂ
    ਬੇਟਾ ਬੇਟੀ ਪੁੱਤ ਕੁੜੀ ਮੁੰਡਾ ਘਰਵਾਲਾ ਘਰਵਾਲੀ ਘਰਵਾਲੇ ਸਹੇਲੀ ਗੁਆਂਢੀ ਗੁਆਂਢਣ ਜੀਜਾ ਸਾਲਾ ਸਾਲੀ ਤਾਇਆ ਤਾਈ ਚਾਚੀ ਮਾਮੀ ਮਾਸੜ
    ਫੁੱਫੜ ਦਾਦੀ ਦਾਦਾ ਨਾਨੀ ਨਾਨਾ ਮੰਗੇਤਰ ਸਾਥੀ ਬੁਆਏਫ੍ਰੈਂਡ ਵਰਕਰ ਅਫ਼ਸਰ ਅਫਸਰ ਟੀਚਰ ਨਰਸ ਵਕੀਲ ਸਹੁਰੇ ਸਹੁਰੇ ਭਤੀਜਾ ਭਤੀਜੀ
    ਭਾਣਜਾ ਭਾਣਜੀ ਕਜ਼ਨ ਪੋਤਾ ਪੋਤੀ ਦੋਹਤਾ ਦੋਹਤੀ
    شوہرِ منگیتر دوست سہیلی پڑوسی پڑوسن ورکر افسر ٹیچر نرس وکیل سالی بھتیجا بھتیجی بھانجا بھانجی دادی دادا نانی نانا
    تایا تائی چاچی ممانی خالو پھوپھا بہو داماد سوتیلا پوتا پوتی
    দেবর বউ বৌ জামাই শালা শালী দাদি দাদা নানি নানা ভাগ্নে ভাগ্নি ভাতিজা ভাতিজি প্রতিবেশী বান্ধবী ওয়ার্কার অফিসার
    টিচার নার্স উকিল বাগদত্তা খালু ফুপু ফুপা চাচি মামি নাতি নাতনি সৎ
    ਸੌਲਿਸਟਰ ਸਾਲਿਸਟਰ ਸੋਲੀਸਿਟਰ ਕੌਂਸਲਰ ਕਾਊਂਸਲਰ ਦੁਭਾਸ਼ੀਆ ਦੁਭਾਸ਼ੀਏ ਇੰਟਰਪ੍ਰੈਟਰ ਮੈਨੇਜਰ ਸਾਰਜੈਂਟ ਇੰਸਪੈਕਟਰ ਕਾਂਸਟੇਬਲ
    দোভাষী ইন্টারপ্রেটার সলিসিটর কাউন্সেলর ম্যানেজার সার্জেন্ট ইন্সপেক্টর কনস্টেবল
    سالیسٹر سولیسٹر مترجم ترجمان انٹرپریٹر کونسلر مینیجر سارجنٹ انسپکٹر کانسٹیبل
    दोस्त सहेली पड़ोसी पड़ोसन ननद देवर जेठ ससुर भाभी जीजा साला साली चाचा चाची मामा मामी मौसी बुआ दादी दादा नानी नाना
    प्रेमी मंगेतर वकील सॉलिसिटर दुभाषिया अनुवादक काउंसलर वर्कर अफ़सर अफसर अधिकारी टीचर नर्स मैनेजर इंस्पेक्टर नाम
    صديقي صديقتي جاري جارتي خطيبي طليقي حماتي عمي خالي عمتي خالتي المحامي المحامية المترجم المترجمة
    المشرفة المشرف الضابط الضابطة الممرضة الممرض المعلمة المعلم اسمه اسمها
    شوهرم همسرم شوهر همسر برادرم خواهرم پسرم دخترم مادرم پدرم مادرشوهرم پدرشوهرم دوستم دوست همسایه
    نامزدم وکیل وکیلم مترجم مددکار افسر معلم پرستار اسمش
    مێردەکەم مێردم ژنەکەم ژنم هاوسەرەکەم هاوسەرم کوڕەکەم کوڕم کچەکەم کچم براکەم برام خوشکەکەم خوشکم هاوڕێکەم هاوڕێم
    دایکم باوکم خەسووم خەزوورم دەزگیرانەکەم دەزگیرانم پارێزەرەکەم ناوی ስሙ ስማ ስሟ
    ሰብኣየ ሰብኣየይ ሰበይተይ ወደይ ጓለይ ሓወይ ሓፍተይ ዓርከይ መሓዛይ ኣደይ ኣቦይ ሓማተይ
    ባሌ ባለቤቴ ሚስቴ ልጄ ወንድሜ እህቴ ጓደኛዬ እናቴ አባቴ
    கணவர் கணவன் மனைவி அண்ணன் அண்ணா தம்பி அக்கா தங்கை மகன் மகள் அம்மா அப்பா மாமியார் மாமனார் நண்பர் நண்பன் தோழி
    மைத்துனர் மைத்துனி மருமகள் மருமகன் அத்தை மாமா சித்தி சித்தப்பா பாட்டி தாத்தா காதலன் காதலி மருத்துவர் டாக்டர்
    வழக்கறிஞர் மொழிபெயர்ப்பாளர் அதிகாரி ஆசிரியர் ஆசிரியை செவிலியர் பணியாளர் ஊழியர் ஆலோசகர் பெயர்""".split()
)
# Round 38: Tamil "husband", "wife", kin, a friend or lover, a doctor, lawyer, interpreter, officer, teacher, nurse,
# worker or counsellor, and "name" ("என் கணவர் சுரேஷ்"): a frequent Tamil word after one is none ("மருத்துவர் மிகவும்").
# Round 36: "my husband", "my wife", "my son"... in Kurdish Sorani ("مێردەکەم ئازاد"), Tigrinya ("ሰብኣየ ዳዊት"; round 39:
# also "ሰብኣየይ", its commoner spelling) and Amharic ("ባሌ"), whose "my" is an ending.

# Days of the week, months and feasts in Gurmukhi, Devanagari, Bengali, Urdu, Arabic and Persian script: never a
# name or a place, whatever marks them ("ਮੰਗਲਵਾਰ ਨੂੰ" on Tuesday, "في رمضان", "۱۸ آبان" is a date).
SCRIPT_CALENDAR = frozenset(
    """ਐਤਵਾਰ ਸੋਮਵਾਰ ਮੰਗਲਵਾਰ ਬੁੱਧਵਾਰ ਬੁਧਵਾਰ ਵੀਰਵਾਰ ਸ਼ੁੱਕਰਵਾਰ ਸ਼ਨੀਵਾਰ ਸ਼ਨਿੱਚਰਵਾਰ ਐਤਵਾਰੀ ਜਨਵਰੀ ਫ਼ਰਵਰੀ ਫਰਵਰੀ ਮਾਰਚ
    ਅਪ੍ਰੈਲ ਮਈ ਜੂਨ ਜੁਲਾਈ ਅਗਸਤ ਸਤੰਬਰ ਅਕਤੂਬਰ ਨਵੰਬਰ ਦਸੰਬਰ ਦੀਵਾਲੀ ਵਿਸਾਖੀ ਵੈਸਾਖੀ ਲੋਹੜੀ ਗੁਰਪੁਰਬ ਈਦ ਹੋਲੀ ਕ੍ਰਿਸਮਸ ਰਮਜ਼ਾਨ
    रविवार इतवार सोमवार मंगलवार बुधवार गुरुवार बृहस्पतिवार वीरवार शुक्रवार शनिवार जनवरी फ़रवरी फरवरी मार्च अप्रैल मई
    जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर अक्तूबर नवंबर नवम्बर दिसंबर दिसम्बर दिवाली दीवाली होली ईद रमज़ान रमजान
    क्रिसमस नवरात्रि दशहरा रक्षाबंधन करवाचौथ
    রবিবার সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার শুক্রবার শনিবার জানুয়ারি জানুয়ারী ফেব্রুয়ারি ফেব্রুয়ারী মার্চ এপ্রিল জুন
    জুলাই আগস্ট আগষ্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর বৈশাখ জ্যৈষ্ঠ আষাঢ় শ্রাবণ ভাদ্র আশ্বিন কার্তিক অগ্রহায়ণ পৌষ
    মাঘ ফাল্গুন চৈত্র ঈদ ঈদের রমজান রোজা বড়দিন ক্রিসমাস দুর্গাপূজা
    اتوار منگل بدھ جمعرات جمعہ ہفتہ جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر محرم ربیع
    جمادی رجب شعبان رمضان شوال ذوالقعدہ ذوالحجہ عید عیدالفطر عیدالاضحی بقرعید دیوالی کرسمس
    الأحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت يناير فبراير مارس أبريل ابريل مايو يونيو
    يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر شباط آذار نيسان أيار حزيران تموز أيلول تشرين كانون محرم
    ربيع جمادى رجب شعبان رمضان شوال عيد العيد الفطر الأضحى الكريسماس
    شنبه یکشنبه دوشنبه سهشنبه چهارشنبه پنجشنبه جمعه فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن
    اسفند نوروز یلدا
    کانوونی شوبات حوزەیران تەممووز ئەیلوول تشرینی خاکەلێوە گوڵان جۆزەردان پووشپەڕ خەرمانان ڕەزبەر گەڵاڕێزان
    سەرماوەز بەفرانبار ڕێبەندان ڕەشەمە شەممە یەکشەممە دووشەممە سێشەممە چوارشەممە پێنجشەممە هەینی نەورۆز ڕەمەزان جەژن
    ጥሪ ለካቲት መጋቢት ሚያዝያ ግንቦት ሰነ ሓምለ ነሓሰ መስከረም ጥቅምቲ ሕዳር ታሕሳስ ጥር የካቲት ሰኔ ሐምሌ ነሐሴ ጥቅምት ኅዳር
    ህዳር ታኅሣሥ ታህሳስ ጳጉሜ ጳጉሜን ሰኑይ ሰሉስ ረቡዕ ሓሙስ ዓርቢ ቀዳም ሰንበት ሰኞ ማክሰኞ ሐሙስ ዓርብ ቅዳሜ እሁድ ፋሲካ
    መስቀል ጥምቀት""".split()
)
# Round 36: months, days and feasts in Kurdish Sorani ("حوزەیران" June, "نەورۆز") and in Tigrinya and Amharic ("ሰነ",
# "ሰኔ" June; "ፋሲካ" Easter). Not the Sorani months that are also words or names ("ئازار" pain, "نیسان", "گەلاوێژ").


def key(word: str) -> str:
    """How a word is looked up in the lists."""
    if word.isascii():
        return word.lower()
    return unicodedata.normalize("NFC", word).lower().translate(_UNIFY)


def fold(word: str) -> str:
    """'wiśniewska' -> 'wisniewska', 'łukasz' -> 'lukasz': a key without accents."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _read(filename: str) -> frozenset[str]:
    path = resources.files("analysis").joinpath("data", "redaction", filename)
    raw = path.read_bytes()
    if filename.endswith(".gz"):
        raw = gzip.decompress(raw)
    return frozenset(
        key(line.strip()) for line in raw.decode("utf-8").splitlines() if line.strip() and not line.startswith("#")
    )


def _phrases(filename: str) -> frozenset[str]:
    """The entries of several words, as written (their capitals matter)."""
    text = resources.files("analysis").joinpath("data", "redaction", filename).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if " " in line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]  # names wherever they stand (in lower case only with name context)
    ambiguous: frozenset[str]  # names that are also words: names only with name context
    surnames: frozenset[str]  # family names: taken after a first name or a title
    ordinary: frozenset[str]  # English words that are not names
    keep: frozenset[str]  # services, places, days, months: never a name
    places: frozenset[str]  # countries and states, some also names ("France", "Georgia"): need context
    common: frozenset[str]  # ambiguous names that are very common words ("made", "mark"): need clear context
    towns: frozenset[str]  # UK towns and villages, the world's large cities ("great harwood", "lahore")
    town_words: frozenset[str]  # towns that are also lower-case English words ("bath", "bury")
    foreign_words: frozenset[str]  # frequent Polish, Romanian, Urdu, Bengali, Arabic, Portuguese words, no first names
    script_towns: frozenset[str]  # UK places and South Asian cities in Arabic, Bengali and Gurmukhi script
    welsh_words: frozenset[str]  # everyday Welsh words, none a first name ("roedd", "cymorth", "ferched")
    romanised: frozenset[str]  # Bengali, Urdu, Panjabi, Arabic, Persian in Latin letters ("amar", "mera", "kteer")
    keep_phrases: frozenset[str]  # titles of several words as written: soaps, dog breeds ("Coronation Street")
    # Names in another script that are everyday words ("मन" mind, "أمل" hope): names only with a person's cue.
    script_word_names: frozenset[str] = frozenset()
    # Each language's 1,000 commonest words by its code ("lt": "buvo"...), and the first names among them that open
    # its sentences as words ("lt": "tai", "pt": "ela") (round 38b).
    language_words: dict[str, frozenset[str]] = field(default_factory=dict, hash=False, compare=False)
    everyday_word_names: dict[str, frozenset[str]] = field(default_factory=dict, hash=False, compare=False)

    def is_first_name(self, word_key: str) -> bool:
        return _listed(word_key, self.first_names)

    def is_ambiguous(self, word_key: str) -> bool:
        return word_key in self.ambiguous

    def is_surname(self, word_key: str) -> bool:
        return _listed(word_key, self.surnames)

    def is_ordinary(self, word_key: str) -> bool:
        if word_key in self.ordinary or word_key in self.keep:
            return True
        if "-" in word_key:  # "x-ray", "co-ordinator"
            return all(len(part) < 2 or self.is_ordinary(part) for part in word_key.split("-"))
        return not word_key.isascii() and fold(word_key) in self.ordinary


def _listed(word_key: str, words: frozenset[str]) -> bool:
    if word_key in words or (not word_key.isascii() and fold(word_key) in words):
        return True
    # "Anna-Maria", "Kowalska-Nowak": every part a name.
    return "-" in word_key and all(_listed(part, words) for part in word_key.split("-") if part)


@cache
def lexicon() -> Lexicon:
    keep = _read("keep_words.txt")
    # Their plurals too: "three Staffies", "the Rottweilers".
    keep |= {word + "s" for word in keep if word.isalpha() and not word.endswith("s")}
    return Lexicon(
        first_names=_read("first_names.txt"),
        ambiguous=_read("ambiguous_names.txt"),
        surnames=_read("surnames.txt"),
        ordinary=_read("ordinary_words.txt.gz"),
        keep=keep,
        places=_read("place_names.txt"),
        common=_read("common_word_names.txt"),
        towns=_read("towns.txt"),
        town_words=_read("town_words.txt"),
        foreign_words=_read("foreign_words.txt"),
        script_towns=_read("script_towns.txt"),
        welsh_words=_read("welsh_words.txt"),
        romanised=_read("romanised_words.txt"),
        keep_phrases=_phrases("keep_words.txt"),
        script_word_names=_read("script_word_names.txt"),
        language_words=_by_language(_read("language_words.txt")),
        everyday_word_names=_by_language(_read("everyday_word_names.txt")),
    )


def _by_language(entries: frozenset[str]) -> dict[str, frozenset[str]]:
    """``lang:word`` entries grouped by language."""
    grouped: dict[str, set[str]] = {}
    for entry in entries:
        language, _, word = entry.partition(":")
        grouped.setdefault(language, set()).add(word)
    return {language: frozenset(words) for language, words in grouped.items()}
