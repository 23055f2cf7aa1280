// @vitest-environment node
/**
 * `npm run mock` itself (main.ts), as a process: a state of another version
 * stops it with the one sentence that says how to start fresh, and
 * `--reset` starts it fresh.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMockPlatform } from './platform';
import { tempDirPerTest } from './test-helpers';

const dir = tempDirPerTest('mock-main-');

/** Run main.ts until it exits, or until it says it listens (then stop it); its output. */
function run(dataFile: string, args: string[] = []): Promise<{ code: number | null; out: string; err: string; listening: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'mock-server/main.ts', ...args], {
      env: { ...process.env, MOCK_PORT: '0', MOCK_DATA: dataFile, MOCK_SEED: 'empty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let listening = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!listening && out.includes('mock platform on')) {
        listening = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, err, listening }));
  });
}

describe('npm run mock', () => {
  it('refuses a state of another version, saying how to start fresh; --reset starts fresh', { timeout: 60_000 }, async () => {
    const file = join(dir(), 'state.sqlite');
    createMockPlatform({ dataFile: file }).close();
    const older = new Database(file);
    older.pragma('user_version = 1');
    older.close();

    const refused = await run(file);
    expect(refused.listening).toBe(false);
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^\[mock\] The state in .*state\.sqlite is version 1, and this mock reads version \d+ only: start fresh with `npm run mock -- --reset`/,
      ),
    ]);

    const reset = await run(file, ['--reset']);
    expect(reset.err).toBe('');
    expect(reset.out).toContain(`[mock] --reset: deleted the state at ${file}; starting from the empty seed`);
    expect(reset.listening).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).not.toBe(1);
    db.close();
  });
});
