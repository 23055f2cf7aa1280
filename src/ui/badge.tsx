export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

/** `base` and, unless neutral, the class that tints it in its tone (styles.css). */
export const withTone = (base: string, tone: Tone | undefined) => (tone && tone !== 'neutral' ? `${base} tone-${tone}` : base);

export function Badge({ tone = 'neutral', title, children }: { tone?: Tone; title?: string; children: React.ReactNode }) {
  return (
    <span className={withTone('badge', tone)} title={title}>
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
