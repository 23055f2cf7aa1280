/**
 * The mock's outgoing mail, as a development mail catcher has it: each message
 * is written to the mock's log (one escaped line: to whom, the subject, the
 * link), and nothing is sent anywhere. In test mode (`MOCK_TEST_ROUTES=1`) the
 * last messages are also kept in memory, never on disk, for
 * `GET /api/v1/__test__/mail` — so an end-to-end story can follow a link "from
 * the log". An invitation's link carries its one-time token: the log line and
 * that test route are the only places it appears.
 */
import * as z from 'zod/mini';
import { escapeForLog } from '../core/log';

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

const KEPT = 100;

export class Outbox {
  private readonly kept: Mail[] = [];

  constructor(
    private readonly options: {
      /** The mock's log (main.ts prints it); absent in-process. */
      log?: (line: string) => void;
      /** Keep messages for the test route (test mode only). */
      keep: boolean;
    },
  ) {}

  send(mail: Mail): void {
    this.options.log?.(`mail to ${escapeForLog(mail.to)}: ${escapeForLog(mail.subject)} — ${escapeForLog(mail.link)}`);
    if (!this.options.keep) return;
    this.kept.unshift(mail);
    this.kept.length = Math.min(this.kept.length, KEPT);
  }

  /** Newest first; to one address (any case) when given. */
  list(to?: string): Mail[] {
    const wanted = to?.trim().toLowerCase();
    return this.kept.filter((m) => wanted === undefined || m.to === wanted);
  }
}
