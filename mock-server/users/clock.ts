/**
 * The time the users and single sign-on rules read (invitation expiry, sign-in
 * codes at most 5 minutes old), in one place: when the platform's one clock
 * lands (`platform.clock.now()`), this is the line to swap. Tests move it with
 * `vi.setSystemTime`.
 */
export const now = (): number => Date.now();
