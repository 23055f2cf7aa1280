import type { ReactNode } from 'react';

/** The page of someone outside the console's frame (signing in, accepting an invitation, a failure): the brand over one card. */
export function AuthCard({ tabIndex, children }: { tabIndex?: number; children: ReactNode }) {
  return (
    <main id="main" className="auth-page" tabIndex={tabIndex}>
      <div className="auth-card card">
        <div className="brand brand-center">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>Hosted Services</span>
        </div>
        {children}
      </div>
    </main>
  );
}
