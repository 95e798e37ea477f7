/** An outlet's name with its colour dot, in the interface language where Sila knows the outlet's own name. */
import { useUi } from '../context';
import { displayText } from '../display-text';
import { outletHue, outletName } from '../outlets';

export function OutletLabel({ source }: { source: string | null }) {
  const { i18n } = useUi();
  const name = displayText(outletName(source, i18n.lang), 80);
  return (
    <span class="outlet">
      <span class="outlet-dot" aria-hidden="true" style={`--hue: ${outletHue(source)}`} />
      <span class="bidi" dir="auto">{name || i18n.t('unknownOutlet')}</span>
    </span>
  );
}
