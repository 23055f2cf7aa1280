/**
 * Saves the state to a JSON file atomically (temp file, then rename), coalescing
 * the writes of a burst of mutations into one.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { rename, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StateFile } from './store';

export class Persister {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private seq = 0;

  constructor(
    readonly file: string,
    private readonly snapshot: () => StateFile,
    private readonly debounceMs = 25,
  ) {}

  read(): StateFile | undefined {
    if (!existsSync(this.file)) return undefined;
    const text = readFileSync(this.file, 'utf8');
    const data = JSON.parse(text) as StateFile;
    if (data.format !== 1) throw new Error(`${this.file}: unknown state format`);
    return data;
  }

  /** Mark the state changed; it is written shortly after. */
  schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.debounceMs);
    this.timer.unref?.();
  }

  private tmpName(): string {
    return `${this.file}.${process.pid}.${++this.seq}.tmp`;
  }

  /** Write now if anything changed; resolves when the file is on disk. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const text = JSON.stringify(this.snapshot());
      const tmp = this.tmpName();
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(tmp, text);
      await rename(tmp, this.file);
    });
    return this.writing;
  }

  /** Synchronous write, for shutdown. */
  flushSync(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.dirty) return;
    this.dirty = false;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = this.tmpName();
    writeFileSync(tmp, JSON.stringify(this.snapshot()));
    renameSync(tmp, this.file);
  }
}
