/** Query keys of the signed-in user. */
export const authKeys = {
  all: () => ['auth'] as const,
  whoami: () => [...authKeys.all(), 'whoami'] as const,
};
