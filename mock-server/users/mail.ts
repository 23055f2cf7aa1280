/**
 * The mock's outgoing mail, as a development mail catcher has it: each message
 * is written to the mock's log (one escaped line: to whom, the subject, the
 * link; the `mailLog` setting, which main.ts points at the console) and sent
 * nowhere. The last messages are also kept in the platform's memory, never on
 * disk, for `GET /api/v1/__test__/mail`, which only test mode
 * (`MOCK_TEST_ROUTES=1`) serves — so an end-to-end story can follow a link
 * "from the log", and an in-process test read it with `mailSent`. An
 * invitation's link carries its one-time token: the log line and that test
 * route are the only places it appears.
 */
import * as z from 'zod/mini';
import type { Platform } from '../core/context';
import { escapeForLog } from '../core/log';
import type { Store } from '../core/store';

export const Mail = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  /** The link the message asks its reader to follow. */
  link: z.string(),
  sent_at: z.string(),
});
export type Mail = z.infer<typeof Mail>;

export const MailList = z.object({ items: z.array(Mail) });
export const MailQuery = z.object({ to: z.optional(z.string().check(z.maxLength(320))) });

/** Where each message's line goes (the `mailLog` setting): main.ts prints it; in-process, nowhere unless a test asks. */
export type MailLog = (line: string) => void;

const KEPT = 100;

/** Each platform's outbox, newest first, by its store: it lives and goes with the platform, and nothing else holds it. */
const outboxes = new WeakMap<Store, Mail[]>();

/** "Send" a message: a line in the log, and the outbox. */
export function sendMail(platform: Pick<Platform, 'store' | 'settings'>, mail: Mail): void {
  platform.settings.mailLog?.(`mail to ${escapeForLog(mail.to)}: ${escapeForLog(mail.subject)} — ${escapeForLog(mail.link)}`);
  let kept = outboxes.get(platform.store);
  if (!kept) outboxes.set(platform.store, (kept = []));
  kept.unshift(mail);
  kept.length = Math.min(kept.length, KEPT);
}

/** The mail a platform sent, newest first; to one address (any case) when given. */
export function mailSent(store: Store, to?: string): Mail[] {
  const wanted = to?.trim().toLowerCase();
  return (outboxes.get(store) ?? []).filter((m) => wanted === undefined || m.to === wanted);
}
