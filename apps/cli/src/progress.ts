/**
 * A one-line progress bar on stderr. It draws only on a terminal: piped or redirected output (CI,
 * scripts, logs) stays clean.
 */
export interface Progress {
  tick(): void;
  done(): void;
}

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total === 0) return { tick: () => {}, done: () => {} };
  let count = 0;
  let lastDrawn = -1;
  const width = 30;
  const draw = () => {
    const filled = Math.round((count / total) * width);
    if (filled === lastDrawn && count !== total) return;
    lastDrawn = filled;
    stream.write(`\r${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${count}/${total}`);
  };
  draw();
  return {
    tick() {
      count += 1;
      draw();
    },
    done() {
      stream.write("\r\x1b[2K");
    },
  };
}
