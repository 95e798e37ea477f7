/**
 * Outlet names as readers know them in each language. The corpus names its outlets in English; an Arabic
 * interface shows the Arabic name the outlets use themselves. Unknown outlets keep their own name.
 */
import type { Lang } from '../i18n';

const ARABIC_NAMES: Record<string, string> = {
  'sky news arabia': 'سكاي نيوز عربية',
  'al arabiya': 'العربية',
  'bbc arabic': 'بي بي سي عربي',
  'cnn arabic': 'سي إن إن بالعربية',
  'france 24 arabic': 'فرانس 24',
  'al jazeera': 'الجزيرة',
  'rt arabic': 'آر تي عربي',
  'asharq al-awsat': 'الشرق الأوسط',
};

export function outletName(source: string | null | undefined, lang: Lang): string | null {
  if (!source) return null;
  if (lang === 'ar') return ARABIC_NAMES[source.trim().toLowerCase()] ?? source;
  return source;
}

/** Hues chosen far apart for the bundled archive's outlets, so no two of them look alike. */
const KNOWN_HUES: Record<string, number> = {
  'sky news arabia': 212,
  'al arabiya': 28,
  'bbc arabic': 352,
  'cnn arabic': 275,
  'france 24 arabic': 165,
};

/** A stable hue per outlet, for the small dot that helps tell outlets apart at a glance. */
export function outletHue(source: string | null | undefined): number {
  const known = KNOWN_HUES[(source ?? '').trim().toLowerCase()];
  if (known !== undefined) return known;
  let h = 0;
  for (const ch of source ?? '') h = (h * 31 + (ch.codePointAt(0) ?? 0)) % 360;
  return h;
}
