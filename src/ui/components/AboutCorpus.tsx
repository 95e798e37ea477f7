/** "About this archive": which outlets, which dates, how many articles, when the index was built, the licence. */
import { useEffect, useState } from 'preact/hooks';
import type { IndexMeta } from '../../lib/types';
import { useUi } from '../context';
import { displayText } from '../display-text';
import { outletHue, outletName } from '../outlets';

export function AboutCorpus({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { client, i18n } = useUi();
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
  const range = c.dateRange ? i18n.t('dateRange', i18n.monthYear(c.dateRange[0]), i18n.monthYear(c.dateRange[1])) : '—';
  const languages = c.languages.map((l) => (l === 'ar' || l === 'en' ? i18n.t(`langName_${l}`) : l));
  return (
    <section class="about" aria-labelledby="about-heading">
      <Heading id="about-heading" class="about-name bidi" dir="auto">
        {displayText(c.name, 120)}
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
          <dd>{range}</dd>
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
      <p class="about-licence bidi" dir="auto">{displayText(c.licenceNote, 1200)}</p>
      <p class="about-privacy">{i18n.t('aboutPrivacy')}</p>
    </section>
  );
}
