import { Tabs } from 'radix-ui';
import { useState } from 'react';
import { AuthCard } from '@/ui/auth-card';
import { ApiKeyForm } from './api-key-form';
import { PasswordForm } from './password-form';
import { SsoForm } from './sso-form';

/** Three ways in: email and password, an organization API key, single sign-on (opened when single sign-on just failed, to say why). */
export function SignInPage({
  onSignedIn,
  redirect = null,
  ssoFailure = null,
  sessionEnded = false,
}: {
  onSignedIn: () => void;
  /** Where to go once signed in (single sign-on keeps it for the tab while the browser is away). */
  redirect?: string | null;
  ssoFailure?: string | null;
  /** Shown because the session could not be refreshed (it expired, or was ended elsewhere), not on a first visit. */
  sessionEnded?: boolean;
}) {
  // Typed once: the email goes with the person from the password tab to single sign-on and back.
  const [email, setEmail] = useState('');
  return (
    <AuthCard>
      <h1>Sign in</h1>
      {sessionEnded && (
        <p className="notice" role="status">
          Your session ended. Sign in again to go back to where you were.
        </p>
      )}
      <Tabs.Root defaultValue={ssoFailure ? 'sso' : 'password'} className="auth-tabs">
        <Tabs.List aria-label="Sign-in method" className="tab-list">
          <Tabs.Trigger value="password" className="tab">
            Email and password
          </Tabs.Trigger>
          <Tabs.Trigger value="api-key" className="tab">
            API key
          </Tabs.Trigger>
          <Tabs.Trigger value="sso" className="tab">
            Single sign-on
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="password">
          <PasswordForm onSignedIn={onSignedIn} email={email} onEmailChange={setEmail} />
        </Tabs.Content>
        <Tabs.Content value="api-key">
          <ApiKeyForm onSignedIn={onSignedIn} />
        </Tabs.Content>
        <Tabs.Content value="sso">
          <SsoForm redirect={redirect} failure={ssoFailure} email={email} onEmailChange={setEmail} />
        </Tabs.Content>
      </Tabs.Root>
    </AuthCard>
  );
}
