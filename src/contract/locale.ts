import * as z from 'zod/mini';

let configured = false;

/**
 * zod/mini loads no locale, so a check without a message of its own says only
 * "Invalid input". Where people read such messages — the mock's 422 details,
 * the console's forms — this installs zod's English ones, once. The console
 * calls it from form code, which loads after the first page, so the services
 * list does not download the messages.
 */
export function configureEnglishMessages(): void {
  if (configured) return;
  configured = true;
  z.config(z.locales.en());
}
