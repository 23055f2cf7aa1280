import { Tabs } from 'radix-ui';
import { ApiKeyForm } from './api-key-form';
import { PasswordForm } from './password-form';

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  return (
    <main className="auth-page">
      <div className="auth-card card">
        <div className="brand brand-center">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>Hosted Services</span>
        </div>
        <h1>Sign in</h1>
        <Tabs.Root defaultValue="password" className="auth-tabs">
          <Tabs.List aria-label="Sign-in method" className="tab-list">
            <Tabs.Trigger value="password" className="tab">
              Email and password
            </Tabs.Trigger>
            <Tabs.Trigger value="api-key" className="tab">
              API key
            </Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="password">
            <PasswordForm onSignedIn={onSignedIn} />
          </Tabs.Content>
          <Tabs.Content value="api-key">
            <ApiKeyForm onSignedIn={onSignedIn} />
          </Tabs.Content>
        </Tabs.Root>
      </div>
    </main>
  );
}
