/**
 * A small corpus written for the tests (never corpus text): Arabic and English articles, with the spelling
 * variants a typed query must see through. Used by the *.test.ts files of this folder.
 */
import { buildSearchFiles, type BuildSearchOptions, type SearchDocInput } from './build';
import { loadSearcher, type LoadSearcherOptions } from './load';
import type { Searcher } from './searcher';
import { memorySource } from '../index/source';

export const ARTICLES: { title: string; body: string }[] = [
  {
    title: 'أمريكا تفرض عقوبات جديدة على شركات الشحن',
    body: 'أعلنت وزارة الخزانة الأمريكية اليوم فرض عقوبات على ثلاث شركات للشحن البحري بتهمة نقل النفط سرا.',
  },
  {
    title: 'افتتاح مستشفى جديد للأطفال في مدينة الرباط',
    body: 'افتتح وزير الصحة مستشفى تخصصيا للأطفال يضم مئتي سرير وقسما للعناية المركزة.',
  },
  {
    title: 'الحكومة تعلن خطة لدعم المزارعين بعد موجة الجفاف',
    body: 'قالت الحكومة إن الخطة تشمل قروضا ميسرة وتوزيع البذور على صغار المزارعين في المناطق المتضررة.',
  },
  {
    title: 'وزارة الخارجية تستدعي سفير الدولة المجاورة',
    body: 'استدعت الوزارة السفير احتجاجا على تصريحات اعتبرتها تدخلا في الشؤون الداخلية.',
  },
  {
    title: 'مسؤول: الجامعات ستعود إلى التعليم الحضوري في الخريف',
    body: 'أكد المسؤول أن الجامعات الحكومية والخاصة ستفتح قاعاتها للطلاب مع بداية العام الدراسي.',
  },
  {
    title: 'فريق الكرة يفوز بالكأس للمرة الثالثة على التوالي',
    body: 'حسم الفريق المباراة النهائية بهدفين نظيفين أمام جماهير غفيرة ملأت الملعب.',
  },
  {
    title: 'ارتفاع أسعار الذهب مع تراجع الدولار',
    body: 'صعدت أسعار المعدن الأصفر في التعاملات الصباحية مدفوعة بضعف العملة الأمريكية وترقب قرار الفائدة.',
  },
  {
    title: 'انطلاق مهرجان السينما بمشاركة أفلام من عشرين دولة',
    body: 'يعرض المهرجان هذا العام مئة فيلم بينها أعمال لمخرجين شباب من المنطقة العربية.',
  },
  {
    title: 'Election results delayed as officials recount ballots',
    body: 'Officials in the capital said the recount of ballots would take two more days after complaints from candidates.',
  },
  {
    title: 'Researchers grow drought-tolerant wheat in desert trials',
    body: 'A team of agronomists reported that the new wheat variety needed forty percent less water than common strains.',
  },
  {
    title: 'Central bank holds interest rates steady',
    body: 'The central bank kept its benchmark rate unchanged, citing slowing inflation and a weaker labour market.',
  },
  {
    title: 'تحذيرات من موجة حر شديدة تضرب المنطقة',
    body: 'حذرت هيئة الأرصاد من ارتفاع درجات الحرارة إلى مستويات قياسية خلال الأيام المقبلة.',
  },
];

export function fixtureDocs(): SearchDocInput[] {
  return ARTICLES.map((a, position) => ({ position, title: a.title, body: a.body, source: null, published: null }));
}

export async function fixtureSearcher(build: BuildSearchOptions = { titles: true }, load: LoadSearcherOptions = {}): Promise<Searcher> {
  const files = buildSearchFiles(fixtureDocs(), build);
  return loadSearcher(memorySource(new Map(Object.entries(files))), load);
}

/** Title of the top hit for a query, or null. */
export function topTitle(searcher: Searcher, query: string): string | null {
  const hit = searcher.search(query, { k: 1 })[0];
  return hit ? ARTICLES[hit.position].title : null;
}
