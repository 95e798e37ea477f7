/** "About this archive": which outlets, which dates, how many articles, when the index was built, the licence. */
import { useEffect, useState } from 'preact/hooks';
import type { IndexMeta } from '../../lib/types';
import { useUi } from '../context';
import { displayText, languageOfText } from '../display-text';
import { outletHue, outletName } from '../outlets';
import { archiveName, coveredSpan } from '../archive';
import { safeHttpUrl } from '../../lib/safe-url';
import { useOpenHandler } from './use-open';

export function AboutCorpus({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { client, i18n } = useUi();
  const onOpen = useOpenHandler();
  const [meta, setMeta] = useState<IndexMeta | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    client.about().then(
      (m) => live && setMeta(m),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [client]);

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (error) return <p class="about-error" role="alert">{i18n.t('aboutError', error)}</p>;
  if (!meta) return <p class="about-loading" role="status">{i18n.t('aboutLoading')}</p>;

  const c = meta.corpus;
  const total = Math.max(1, c.sources.reduce((n, s) => n + s.count, 0));
  const rangeText = (span: [string, string]) => i18n.t('dateRange', i18n.monthYear(span[0]), i18n.monthYear(span[1]));
  const span = coveredSpan(c);
  const range = span ? rangeText(span) : '—';
  // Under the 99 % span, the full range in smaller words, when the two differ.
  const fullRange = c.coverage && c.dateRange && rangeText(c.dateRange) !== range ? i18n.t('aboutDatesAll', 99, rangeText(c.dateRange)) : '';
  const credit = c.credit ?? null;
  const creditUrl = safeHttpUrl(credit?.url ?? null);
  const citation = displayText(credit?.citation ?? '', 600);
  const citationLang = languageOfText(citation);
  const languages = c.languages.map((l) => (l === 'ar' || l === 'en' ? i18n.t(`langName_${l}`) : l));
  return (
    <section class="about" aria-labelledby="about-heading">
      <Heading id="about-heading" class="about-name bidi" dir={i18n.dir}>
        {displayText(archiveName(c, i18n), 160)}
      </Heading>
      <dl class="about-facts">
        <div>
          <dt>{i18n.t('aboutArticles')}</dt>
          <dd>{i18n.number(c.articleCount)}</dd>
        </div>
        <div>
          <dt>{i18n.t('aboutStories')}</dt>
          <dd>{i18n.number(c.storyCount)}</dd>
        </div>
        <div>
          <dt>{i18n.t('aboutDates')}</dt>
          <dd>
            {range}
            {fullRange && <small class="about-dates-all">{fullRange}</small>}
          </dd>
        </div>
        <div>
          <dt>{i18n.t('aboutLanguages')}</dt>
          <dd>{i18n.list(languages)}</dd>
        </div>
        <div>
          <dt>{i18n.t('aboutBuilt')}</dt>
          <dd>
            <time dateTime={meta.builtAt}>{i18n.fullDate(meta.builtAt) || '—'}</time>
          </dd>
        </div>
      </dl>
      <h3 class="about-sub">
        {i18n.t('aboutOutlets')} <span class="count">{i18n.plural('outletCount', c.sources.length)}</span>
      </h3>
      <ul class="about-outlets">
        {c.sources.map((s) => (
          <li key={s.name}>
            <span class="outlet">
              <span class="outlet-dot" aria-hidden="true" style={`--hue: ${outletHue(s.name)}`} />
              <span class="bidi" dir="auto">{displayText(outletName(s.name, i18n.lang), 80)}</span>
            </span>
            <span class="about-bar" aria-hidden="true">
              <span style={`inline-size: ${((100 * s.count) / total).toFixed(1)}%; --hue: ${outletHue(s.name)}`} />
            </span>
            <span class="count">{i18n.number(s.count)}</span>
          </li>
        ))}
      </ul>
      <h3 class="about-sub">{i18n.t('aboutLicence')}</h3>
      {creditUrl ? (
        <p class="about-licence">
          {i18n.t('aboutLicenceBody')}{' '}
          <a href={creditUrl} target="_blank" rel="noopener noreferrer" class="bidi" dir="ltr" onClick={(e) => onOpen(e, creditUrl)} onAuxClick={(e) => onOpen(e, creditUrl)}>
            {displayText(creditUrl.replace(/^https?:\/\//, '').replace(/\/$/, ''), 120)}
          </a>
        </p>
      ) : (
        <p class="about-licence">{i18n.t('aboutLicenceNoLink')}</p>
      )}
      {citation && (
        <>
          <h3 class="about-sub">{i18n.t('aboutCitation')}</h3>
          <p class="about-citation bidi" dir={citationLang?.dir ?? 'auto'} lang={citationLang?.lang}>
            {citation}
          </p>
        </>
      )}
      <p class="about-privacy">{i18n.t('aboutPrivacy')}</p>
    </section>
  );
}
