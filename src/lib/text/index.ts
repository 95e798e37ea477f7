/** Text analysis for Sila: one analyzer for indexing and querying, Arabic first, English too. */
export { analyze, analyzeTokens, normalize, createAnalyzer } from './analyze';
export type { AnalyzedToken, AnalyzerOptions } from './analyze';
export { ARABIC_STOPWORDS, ENGLISH_STOPWORDS, NEWS_BOILERPLATE, BOILERPLATE_DROPPED_BY_DEFAULT } from './stopwords';
export { stemArabic } from './arabic-stem';
