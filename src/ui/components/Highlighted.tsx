/** Text with some words marked, rendered as text nodes and <mark> elements only. */
import { highlight, type HighlightOptions } from '../../lib/text/highlight';

export function Highlighted({ text, terms, options }: { text: string; terms: readonly string[]; options?: HighlightOptions }) {
  return (
    <>
      {highlight(text, terms, options).map((segment, i) => (segment.hit ? <mark key={i}>{segment.text}</mark> : segment.text))}
    </>
  );
}
