import './unavailable.css';
import { useId, type ReactNode } from 'react';
import type { Capability } from '@/lib/capabilities';
import { extensionWords } from '@/lib/extension-words';

/**
 * A feature the platform does not offer (one of our extensions, CONTRACT §11,
 * or a documented API it does not serve), said in words in place of the
 * feature: what is missing, what to do instead, and which call it would have
 * been. The one "not available on this platform" state: every page shows this.
 */
export function Unavailable({
  capability,
  title,
  level = 3,
  children,
}: {
  capability: Capability;
  title?: string;
  level?: 2 | 3;
  children?: ReactNode;
}) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  const extension = extensionWords(capability);
  return (
    <section className="unavailable" aria-labelledby={id} data-capability={capability}>
      <svg
        className="unavailable-icon"
        viewBox="0 0 24 24"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      >
        <path d="M9 7V3M15 7V3M7 7h10v4a5 5 0 0 1-10 0V7ZM12 16v5" />
        <path d="M4 4l16 16" />
      </svg>
      <div className="unavailable-body">
        <Heading id={id} className="unavailable-title">
          {title ?? `${extension.name} is not available on this platform`}
        </Heading>
        {children}
        <p className="unavailable-call">
          {extension.documented ? (
            <>
              The platform did not answer <code>{extension.calls}</code>, which the platform’s documents describe ({extension.documented}).
            </>
          ) : (
            <>
              The platform does not offer <code>{extension.calls}</code>, which this console adds to the platform’s documented API.
            </>
          )}
        </p>
      </div>
    </section>
  );
}
