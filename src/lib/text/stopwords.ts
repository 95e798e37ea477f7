/**
 * Stopwords and news boilerplate. The lists are written the way people write (with hamza, ى, ة) and are
 * normalised at load with the same normalize() as the text, so "فإن" in the list and "فان" in a page meet
 * (Lucene's Arabic list matches before normalising and lets فإن through).
 *
 * Words with a leading conjunction (وهذا, فقد, ولكن) need not be listed: analyze() retries the list after
 * removing a leading و or ف (and ب ل ك), and drops function words carrying a pronoun (خلالها, بعضهم) via
 * PRONOUN_HOSTS.
 */
import { normalize } from './normalize';

const ARABIC = `
من إلى الى عن على علي في فى مع عند لدى لدي حتى منذ مذ خلال بين دون ضد نحو حول عبر قبل بعد فوق تحت أمام
وراء خلف لكن لكنّ ولكن بل أو أم ثم إن أن إنّ أنّ لأن كأن لعل ليت إذ إذا إذن لو لولا لما كلما حيث حين بينما
كي لكي لئلا ما لا لم لن ليس ليست ليسوا قد لقد سوف هل أي أيّ أية كيف متى أين كم لماذا ماذا
هو هي هم هما هن أنا نحن أنت أنتم أنتما أنتن إياه إياها إياهم
هذا هذه هذان هاتان هذين هاتين هؤلاء ذلك ذاك تلك أولئك أولئك هناك هنا هنالك ثمة
الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي اللائي
كان كانت كانوا كنت يكون تكون يكونوا يكونون أصبح أصبحت أضحى ظل ظلت بات مازال مازالت ما زال لايزال لا يزال
لاتزال لا تزال صار صارت
كل كلا كلتا بعض جميع غير سوى عدة عدد أكثر أقل أيضا أيضاً فقط جدا جداً نفس ذات ذاته ذاتها كذلك لذلك بذلك
وذلك ذلك هكذا مثل مثلا مثلما كما حسب بحسب وفق وفقا وفقاً طبقا إثر عقب جراء إزاء لدى لدن إلا إلّا
به بها بهم بهما له لها لهم لهما لي لنا لك لكم منه منها منهم منهما عنه عنها عنهم عليه عليها عليهم عليهما
فيه فيها فيهم إليه إليها إليهم معه معها معهم بينه بينها بينهم لديه لديها لديهم عنده عندها عندهم
أنه أنها أنهم أنهما إنه إنها إنهم كأنه لأنه لأنها بأن بأنه بأنها كما لما مما ممن عما عمن فيما بما
ال يا أيها أما أمّا إما إمّا هذه ذا تلك
اليوم أمس غدا الآن حاليا حالياً أول ثاني الأول الأولى الثاني الثانية
فإن فإنه فإنها وإن وأن وقد وهو وهي وهم ولا ولم ولن وما ومن وفي وعلى وإلى وعن ومع
لكنه لكنها لكنهم عندما بعدما قبلما حينما ربما طالما ريثما كيفما أينما بسبب بشأن بشكل بإن سيكون ستكون
سيتم يتم تم تجاه حسبما لدينا عندنا إننا أننا لنا بنا منا علينا إلينا كلها كلهم كله جميعها
`;

const ENGLISH = `
a about above after again against all am an and any are aren't as at be because been before being below
between both but by can cannot could couldn't did didn't do does doesn't doing don't down during each few for
from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd
she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's
with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
also said says will just may might us via mr mrs ms
`;

/**
 * News boilerplate: reporting verbs and attribution phrases every wire story repeats. They say nothing about
 * the topic, but whether dropping them helps relevance is for the eval to decide, so they are kept apart
 * from the stopwords. Entries may be phrases (space-separated, normalised); analyze() drops only the
 * single words of BOILERPLATE_DROPPED_BY_DEFAULT.
 */
const BOILERPLATE_VERBS = `
قال قالت يقول تقول قالوا يقولون أضاف أضافت يضيف تضيف أضافوا مضيفا مضيفاً مضيفة
أكد أكدت يؤكد تؤكد أكدوا مؤكدا مؤكداً مؤكدة أوضح أوضحت يوضح توضح موضحا موضحاً موضحة
تابع تابعت متابعا أشار أشارت يشير تشير مشيرا مشيراً مشيرة لافتا لافتاً لافتة ولفت لفت لفتت
ذكر ذكرت يذكر تذكر أفاد أفادت يفيد تفيد صرح صرّح صرحت يصرح تصريح تصريحات أردف أردفت
`;

const BOILERPLATE_PHRASES = [
  'وكالة الأنباء',
  'وكالة الأنباء الرسمية',
  'وكالة رويترز',
  'وكالة فرانس برس',
  'وكالة الصحافة الفرنسية',
  'وكالة أسوشيتد برس',
  'بحسب ما ذكرت',
  'وفقا لما ذكرته',
  'نقلا عن',
  'في تصريح',
  'في بيان',
  'في حديث',
  'في وقت سابق',
  'من جهته',
  'من جهتها',
  'من جانبه',
  'من جانبها',
  'وسائل الإعلام',
  'مصادر مطلعة',
  'اقرأ أيضا',
  'للمزيد',
];

function normalizeList(words: string): Set<string> {
  const out = new Set<string>();
  for (const w of words.split(/\s+/)) {
    if (w) out.add(normalize(w).replace(/['’]/g, ''));
  }
  return out;
}

/** Function words that take pronoun suffixes (خلالها, نفسه, بعضهم): a word whose stem is one is dropped. */
export const PRONOUN_HOSTS: ReadonlySet<string> = normalizeList(`
خلال نفس بعض غير أمام حول ضد عند لدى بين مع عن من على إلى في ذات كل جميع دون قبل بعد فوق تحت وراء خلف
نحو مثل حين عبر أثناء بسبب بشأن لكن أن إن لأن كأن
`);

/** Arabic stopwords, normalised. */
export const ARABIC_STOPWORDS: ReadonlySet<string> = normalizeList(ARABIC);
/** English stopwords, normalised (lower case, apostrophes removed the way the tokenizer removes them). */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = normalizeList(ENGLISH);

/** Single reporting words analyze() drops by default (no topic in them: قال، أضاف، أكد، أوضح، تابع، مضيفا …). */
export const BOILERPLATE_DROPPED_BY_DEFAULT: ReadonlySet<string> = normalizeList(BOILERPLATE_VERBS);

/**
 * All news boilerplate, normalised: the default-dropped reporting words plus attribution phrases
 * ("وكالة الأنباء", "من جهته"). Phrases are space-separated normalised words; analyze() does not drop them.
 */
export const NEWS_BOILERPLATE: ReadonlySet<string> = new Set([
  ...BOILERPLATE_DROPPED_BY_DEFAULT,
  ...BOILERPLATE_PHRASES.map((p) => normalize(p)),
]);
