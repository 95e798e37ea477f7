import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('reads --name value, --name=value and bare flags', () => {
    const args = parseArgs(['--corpus', 'a.jsonl', '--runs=3', '--json']);
    expect(args.get('corpus')).toBe('a.jsonl');
    expect(args.num('runs', 5)).toBe(3);
    expect(args.has('json')).toBe(true);
    expect(args.num('missing', 5)).toBe(5);
    expect(() => parseArgs(['--runs', 'x']).num('runs', 5)).toThrow('--runs must be a number');
  });

  it('keeps what follows a declared flag as positional', () => {
    const args = parseArgs(['--axe', 'popup-ar', '--firefox'], { flags: ['axe', 'firefox'] });
    expect(args.has('axe')).toBe(true);
    expect(args.positional).toEqual(['popup-ar']);
    expect(parseArgs(['--axe', 'popup-ar']).get('axe')).toBe('popup-ar');
  });
});
