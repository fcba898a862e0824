import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

// Keys become file names: keep them to a safe alphabet.
const KEY_PATTERN = /^[A-Za-z0-9_.-]{1,200}$/;

export function isValidKey(key: string): boolean {
  return KEY_PATTERN.test(key) && key !== '.' && key !== '..';
}

/**
 * A small key-value store on the pod's own volume: one file per key, written
 * to a temporary file and renamed, so a crash never leaves half a value.
 * Each replica has its own volume; replicating data between replicas is the
 * application's job.
 */
export class FileStore {
  readonly #dir: string;

  constructor(options: { dir: string }) {
    this.#dir = options.dir;
  }

  /** Creates the directory and proves it is writable; readiness waits for this. */
  async open(): Promise<void> {
    await fs.mkdir(this.#dir, { recursive: true });
    const probe = path.join(this.#dir, `.probe-${randomUUID()}`);
    await fs.writeFile(probe, 'ok');
    await fs.rm(probe);
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return await fs.readFile(this.#file(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return undefined;
      }
      throw error;
    }
  }

  async put(key: string, value: string): Promise<void> {
    const target = this.#file(key);
    const temporary = `${target}.${randomUUID()}.tmp`;
    await fs.writeFile(temporary, value, { flush: true });
    await fs.rename(temporary, target);
  }

  #file(key: string): string {
    if (!isValidKey(key)) {
      throw new Error(`invalid key ${JSON.stringify(key)}`);
    }
    return path.join(this.#dir, `${key}.value`);
  }
}
