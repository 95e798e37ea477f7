/** Progress for long build steps: a redrawn bar on a terminal, a plain line per phase and ~10% otherwise. */
export class Progress {
  private phase = '';
  private lastTenth = -1;
  private lastDraw = 0;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(private readonly enabled = true) {}

  update(phase: string, done: number, total: number, note = ''): void {
    if (!this.enabled) return;
    const share = total > 0 ? Math.min(1, done / total) : 1;
    if (this.tty) {
      const now = Date.now();
      if (phase === this.phase && now - this.lastDraw < 100 && share < 1) return;
      this.lastDraw = now;
      this.phase = phase;
      const width = 30;
      const filled = Math.round(share * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      process.stderr.write(`\r\x1b[2K${phase.padEnd(15)} ${bar} ${(share * 100).toFixed(0).padStart(3)}% ${note}`);
      return;
    }
    const tenth = Math.floor(share * 10);
    if (phase !== this.phase) {
      this.phase = phase;
      this.lastTenth = -1;
    }
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    process.stderr.write(`${phase}: ${tenth * 10}%${note ? ` (${note})` : ''}\n`);
  }

  done(): void {
    if (this.enabled && this.tty) process.stderr.write('\r\x1b[2K');
  }
}
