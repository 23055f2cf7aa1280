export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

export function Badge({ tone = 'neutral', title, children }: { tone?: Tone; title?: string; children: React.ReactNode }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

/**
 * A value of an enum the platform may extend (a status, a state, a role…): a
 * known value in its tone, an unknown one as it came, in the neutral style.
 */
export function ValueBadge<T extends string>({ value, tones, prefix = '' }: { value: string; tones: Record<T, Tone>; prefix?: string }) {
  const known = Object.hasOwn(tones, value);
  return (
    <Badge
      tone={known ? tones[value as T] : 'neutral'}
      title={known ? undefined : 'A value this console does not know, shown as the platform sent it'}
    >
      {prefix}
      {value}
    </Badge>
  );
}
