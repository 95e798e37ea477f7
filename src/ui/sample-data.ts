/**
 * Sample articles for the in-memory client (tests and the UI preview). Every title and snippet here was written
 * for Sila's tests; none comes from the corpus. Outlets and dates look like the bundled archive's.
 */
import type { DocRecord, IndexMeta, RelatedResult } from '../lib/types';
import type { ArticleSnapshot } from '../lib/types';
import type { CollectionInfo, RestoreInfo } from '../messages';

let nextId = 1;
function doc(story: number, source: string, published: string, title: string, snippet: string): DocRecord {
  const id = `sample-${nextId++}`;
  return { id, title, snippet, source, published, story, url: `https://news.example/${encodeURIComponent(source)}/${id}` };
}

export const SAMPLE_SNAPSHOT: ArticleSnapshot = {
  isArticle: true,
  title: 'وزراء المياه في دول حوض النيل يستأنفون المفاوضات في الخرطوم حول سد النهضة',
  text: 'استأنف وزراء المياه في مصر والسودان وإثيوبيا اجتماعاتهم في الخرطوم لبحث جدول ملء خزان سد النهضة.',
  lang: 'ar',
  dir: 'rtl',
  url: 'https://www.example-news.com/ar/2018/05/15/nile-talks',
  canonicalUrl: 'https://www.example-news.com/ar/2018/05/15/nile-talks',
  published: '2018-05-15T09:30:00+03:00',
  siteName: 'Sky News Arabia',
};

/** Related stories (two open with Latin letters, as some CNN Arabic titles and snippets do): the first doc of each array is the result, the rest are the same story elsewhere. */
export const SAMPLE_RELATED: { terms: string[]; docs: DocRecord[] }[] = [
  {
    terms: ['سد النهضة', 'الخرطوم', 'إثيوبيا'],
    docs: [
      doc(1, 'BBC Arabic', '2018-05-16T11:00:00+03:00',
        'اجتماع الخرطوم بشأن سد النهضة ينتهي دون اتفاق على قواعد الملء',
        'أعلن وزير الخارجية السوداني أن الجولة الأخيرة من محادثات سد النهضة في الخرطوم انتهت دون اتفاق، مع تمسك إثيوبيا بجدولها الزمني لملء الخزان.'),
      doc(1, 'Al Arabiya', '2018-05-16T13:20:00+04:00', 'محادثات سد النهضة تتعثر مجددًا في الخرطوم', 'قالت مصادر مطلعة…'),
      doc(1, 'CNN Arabic', '2018-05-16T15:05:00+03:00', 'لا اتفاق في الخرطوم حول ملء سد النهضة', 'انتهت الجولة…'),
    ],
  },
  {
    terms: ['النيل', 'مصر', 'المياه'],
    docs: [
      doc(2, 'France 24 Arabic', '2018-05-10T08:45:00+02:00',
        'مصر تطلب وساطة البنك الدولي في خلاف مياه النيل',
        'اقترحت القاهرة أن يشارك البنك الدولي طرفًا محايدًا في المفاوضات الفنية حول حصص مياه النيل، وهو اقتراح رفضته أديس أبابا في السابق.'),
      doc(2, 'Sky News Arabia', '2018-05-10T10:00:00+04:00', 'القاهرة تقترح دورًا للبنك الدولي في مفاوضات النيل', 'اقترحت مصر…'),
    ],
  },
  {
    terms: ['إثيوبيا', 'سد النهضة'],
    docs: [
      doc(3, 'Sky News Arabia', '2018-04-28T17:10:00+04:00',
        'رئيس وزراء إثيوبيا: سد النهضة لن يضر بحصة مصر من المياه',
        'تعهد رئيس الوزراء الإثيوبي خلال زيارته للقاهرة بألا يلحق السد ضررًا بمصالح دولتي المصب، داعيًا إلى بناء الثقة بين الدول الثلاث.'),
    ],
  },
  {
    terms: ['السودان', 'الخرطوم'],
    docs: [
      doc(4, 'Al Arabiya', '2018-05-02T12:00:00+04:00',
        'FAO تشيد بمشروع ري سوداني جديد على النيل الأزرق',
        'قالت وزارة الري السودانية إن المشروع سيوفر المياه لأكثر من مئتي ألف فدان شمال الخرطوم، ويعتمد على انتظام تدفق النهر بعد اكتمال السد.'),
    ],
  },
  {
    terms: ['Nile', 'Ethiopia'],
    docs: [
      doc(5, 'CNN Arabic', '2018-03-21T09:00:00+03:00',
        'خبراء: Grand Ethiopian Renaissance Dam قد يغيّر خريطة الزراعة في وادي النيل',
        '(CNN)-- يرى خبراء في الموارد المائية أن فترة ملء الخزان هي العامل الحاسم، وأن تقاسم البيانات بين الدول الثلاث قد يخفف آثار السنوات الجافة.'),
    ],
  },
  {
    terms: ['المياه', 'مصر'],
    docs: [
      doc(6, 'BBC Arabic', '2018-02-19T19:30:00+03:00',
        'مزارعو الدلتا يخشون نقص المياه في الصيف',
        'يتحدث مزارعون في محافظات الدلتا عن تراجع منسوب المياه في الترع الفرعية، بينما تقول الحكومة إن الإمدادات كافية لموسم الأرز.'),
    ],
  },
];

/** More articles that only search finds. */
export const SAMPLE_EXTRA: DocRecord[] = [
  doc(7, 'Sky News Arabia', '2018-06-02T10:00:00+04:00', 'انطلاق كأس العالم في روسيا وسط إجراءات أمنية مشددة', 'تستضيف موسكو حفل الافتتاح بحضور عشرات الآلاف من المشجعين.'),
  doc(8, 'France 24 Arabic', '2018-07-15T21:00:00+02:00', 'فرنسا تتوج بلقب كأس العالم للمرة الثانية', 'احتفل آلاف الفرنسيين في شوارع باريس بعد المباراة النهائية.'),
  doc(9, 'BBC Arabic', '2018-09-03T08:00:00+03:00', 'أسعار النفط ترتفع مع تراجع المخزونات الأمريكية', 'صعد خام برنت إلى أعلى مستوى له منذ أسابيع.'),
  doc(10, 'Al Arabiya', '2018-08-11T14:30:00+04:00', 'إطلاق تطبيق لتعلم البرمجة باللغة العربية', 'يستهدف التطبيق طلاب المدارس ويقدم دروسًا تفاعلية مجانية.'),
  doc(11, 'CNN Arabic', '2018-10-01T16:00:00+03:00', 'مهرجان القاهرة السينمائي يكشف عن أفلام دورته الجديدة', 'تشارك في المسابقة الرسمية أفلام من خمس عشرة دولة.'),
];

export const SAMPLE_META: IndexMeta = {
  formatVersion: 1,
  builtAt: '2026-11-29T10:40:00Z',
  corpus: {
    name: 'Sample archive (tests)',
    articleCount: 29475,
    storyCount: 27310,
    sources: [
      { name: 'Sky News Arabia', count: 13291 },
      { name: 'Al Arabiya', count: 6361 },
      { name: 'BBC Arabic', count: 3689 },
      { name: 'CNN Arabic', count: 3266 },
      { name: 'France 24 Arabic', count: 2868 },
    ],
    dateRange: ['2012-10-11', '2018-10-31'],
    languages: ['ar'],
    licenceNote: 'Sample licence note: research use only; cite the corpus authors.',
    coverage: ['2018-02-01', '2018-10-20'],
    credit: { title: 'Sample Corpus', url: 'https://corpus.example/', citation: 'A. Author and B. Author. A Sample News Corpus for Tests. Journal of Examples, 2018.' },
  },
  files: [],
};

/** Titles a hostile page or corpus might carry; they must all render as inert text. */
export const HOSTILE_TITLES: string[] = [
  '<script>window.__pwned = 1</script>عنوان',
  '<img src=x onerror="window.__pwned=1">',
  '\u202Eعكس الاتجاه override\u202C then normal',
  '\u202Dforced LTR \u2067 isolate',
  `${'طويل جدًا '.repeat(1000)}`,
  'javascript:alert(1)',
];

const DAY = 86_400_000;
/**
 * Earlier reads for "From your reading" in the preview (written for Sila, about the sample page's story), read
 * `daysAgo` before the moment they are asked for.
 */
export const SAMPLE_READS: { title: string; opening: string; sharedTerms: string[]; outlet: string; published: string; daysAgo: number; confidence: number }[] = [
  {
    title: 'جولة جديدة من مفاوضات سد النهضة تنتهي دون اتفاق على قواعد الملء',
    opening: 'اختتم وزراء الري في مصر والسودان وإثيوبيا جولة جديدة من المفاوضات حول سد النهضة دون التوصل إلى اتفاق على قواعد ملء الخزان، واتفقوا على استئناف المحادثات الشهر المقبل.',
    sharedTerms: ['سد النهضة', 'إثيوبيا', 'السودان'],
    outlet: 'Example News',
    published: '2018-05-10T09:00:00Z',
    daysAgo: 3,
    confidence: 0.82,
  },
  {
    title: 'السودان يقترح وساطة أفريقية في خلاف مياه النيل',
    opening: 'اقترحت الخرطوم أن يتولى الاتحاد الأفريقي الوساطة بين القاهرة وأديس أبابا في الخلاف حول حصص مياه النيل، بعد تعثر المفاوضات الفنية.',
    sharedTerms: ['الخرطوم', 'النيل'],
    outlet: 'Sample Daily',
    published: '2018-05-06T12:30:00Z',
    daysAgo: 8,
    confidence: 0.71,
  },
  {
    title: 'خبراء: ملء الخزان في سنوات الجفاف يقلص حصة دول المصب',
    opening: 'حذر خبراء في الموارد المائية من أن ملء خزان السد خلال سنوات الجفاف قد يقلص حصة مصر والسودان من المياه، ودعوا إلى جدول ملء مرن.',
    sharedTerms: ['المياه', 'مصر'],
    outlet: 'Example News',
    published: '2018-04-28T07:15:00Z',
    daysAgo: 21,
    confidence: 0.58,
  },
];
/** The sample reads as the library answers them: related results labelled with when they were read. */
export const sampleReadsAt = (now: number): RelatedResult[] =>
  SAMPLE_READS.map((r, i) => ({
    doc: { id: `reading:${i + 1}`, title: r.title, url: `https://news.example/reading/${i + 1}`, source: r.outlet, published: r.published, snippet: r.opening, story: -1 },
    position: -1,
    score: r.confidence,
    sharedTerms: r.sharedTerms,
    alsoIn: [],
    confidence: r.confidence,
    readAt: now - r.daysAgo * DAY,
  }));

/** A user's collections as settings list them (names and files written for Sila's previews). */
export const sampleCollectionsAt = (now: number): CollectionInfo[] => [
  { id: 1, name: 'أرشيف غرفة الأخبار', fileName: 'newsroom-archive.jsonl.gz', fileBytes: 6_812_000, addedAt: now - 12 * DAY, state: 'ready', enabled: true, articles: 10_000, skipped: [{ line: 4_211, reason: 'line 4211: field "body" is empty', why: { key: 'empty-field', params: ['body'] } }], skippedTotal: 1, bytesRead: 0, error: null },
  { id: 2, name: 'Nile water talks', fileName: 'nile-water-talks.jsonl', fileBytes: 2_450_000, addedAt: now, state: 'importing', enabled: true, articles: 1_500, skipped: [], skippedTotal: 0, bytesRead: 1_020_000, error: null },
];

/** A collection just chosen in the preview: listed as importing, nothing read yet. */
export const newSampleCollection = (id: number, fileName: string, fileBytes: number): CollectionInfo => ({
  id, name: fileName.replace(/\.jsonl(\.gz)?$/i, ''), fileName, fileBytes, addedAt: 0, state: 'importing', enabled: true, articles: 0, skipped: [], skippedTotal: 0, bytesRead: 0, error: null,
});

/** One collection article related to the sample page, labelled with its collection. */
export const SAMPLE_COLLECTION_RESULT: RelatedResult = {
  doc: { id: 'collection:1:na-118', title: 'وزراء المياه في دول حوض النيل يجتمعون لبحث آلية تبادل البيانات', url: 'https://newsroom.example/archive/118', source: 'Newsroom', published: '2017-11-20T08:00:00Z', snippet: 'يبحث وزراء المياه في دول حوض النيل في اجتماعهم آلية لتبادل بيانات الفيضان والجفاف بين دول المنبع والمصب.', story: -1 },
  position: -1,
  score: 0.76,
  sharedTerms: ['النيل', 'المياه'],
  alsoIn: [],
  confidence: 0.76,
  collection: { id: 1, name: 'أرشيف غرفة الأخبار' },
};

/** A finished restore of a backup, as the background reports it: reads and a collection back, some known, two bad lines. */
export const sampleRestoreDone = (id: number, fileName: string, fileBytes: number): RestoreInfo => ({
  id,
  fileName,
  fileBytes,
  state: 'done',
  bytesRead: fileBytes,
  reads: 141,
  readsKnown: 2,
  articles: 1_204,
  articlesKnown: 0,
  collections: [{ name: 'Newsroom archive', known: false }],
  skipped: [
    { line: 1_207, reason: 'line 1207: not valid JSON (Unexpected end of JSON input)' },
    { line: 2_311, reason: 'line 2311: field "body" is empty' },
  ],
  skippedTotal: 2,
  error: null,
  notBackup: false,
});
