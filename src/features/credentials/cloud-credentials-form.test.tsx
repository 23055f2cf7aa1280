import { EditorView } from '@codemirror/view';
import { act, screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { paths } from '@/contract/paths';
import { HostedService } from '@/contract/services';
import { callPlatform, holdAnswers, SCOPE, signInAs } from '@/testing/mock-platform';
import { leavesWithoutAsking, leavingAsks, renderFeature } from '@/testing/render';
import { CloudCredentialsForm } from './cloud-credentials-form';
import { OrganizationCredentialsPage } from './organization-credentials-page';
import { ServiceCredentialsPage } from './service-credentials-page';

/** Replace the JSON field's text as the editor would (jsdom has no layout for typing into CodeMirror). */
async function typeSecret(text: string) {
  const field = await screen.findByRole('textbox', { name: 'Credentials JSON' });
  const view = EditorView.findFromDOM(field)!;
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.type' }));
  return field;
}

const KEY = {
  type: 'service_account',
  project_id: 'acme',
  private_key: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n',
  client_email: 'deployer@acme.iam.gserviceaccount.com',
};

describe('the cloud credentials form', () => {
  beforeEach(() => signInAs('developer'));

  it("refuses a secret without its provider's shape before sending, on the field", async () => {
    const save = { mutateAsync: vi.fn(async () => ({})), reset: vi.fn() };
    const { user } = await renderFeature(<CloudCredentialsForm owner="service" current={null} save={save} />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Cloud provider' }), 'gcp');
    await user.type(screen.getByRole('textbox', { name: 'Project' }), 'acme');
    const field = await typeSecret('{"foo": 1}');
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));

    expect(
      await screen.findByText(
        'A GCP service account key needs type, project_id, private_key, client_email; missing: type, project_id, private_key, client_email',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(save.mutateAsync).not.toHaveBeenCalled();

    // The hint says what the chosen provider needs; a key with that shape is sent.
    expect(screen.getByText(/with type "service_account", project_id, private_key and client_email/)).toBeTruthy();
    await typeSecret(JSON.stringify(KEY));
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));
    await waitFor(() =>
      expect(save.mutateAsync).toHaveBeenCalledWith({
        cloud_provider: 'gcp',
        cloud_project_id: 'acme',
        cloud_region: null,
        cloud_credentials_json: JSON.stringify(KEY),
      }),
    );
  });

  it('follows the provider: the same document is refused for aws and accepted as an azure service principal when it has one', async () => {
    const save = { mutateAsync: vi.fn(async () => ({})), reset: vi.fn() };
    const { user } = await renderFeature(<CloudCredentialsForm owner="organization" current={null} save={save} />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Cloud provider' }), 'aws');
    await user.type(screen.getByRole('textbox', { name: 'Project' }), '123456789012');
    await typeSecret(JSON.stringify(KEY));
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));
    expect(
      await screen.findByText(/^An AWS access key needs access_key_id, secret_access_key; missing: access_key_id, secret_access_key$/),
    ).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Cloud provider' }), 'azure');
    await typeSecret(JSON.stringify({ appId: 'a', password: 'p', tenant: 't' }));
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));
    await waitFor(() => expect(save.mutateAsync).toHaveBeenCalledTimes(1));
  });

  describe('leaving it', () => {
    const SAVED = {
      cloud_provider: 'gcp',
      cloud_project_id: 'acme-prod',
      cloud_region: 'europe-west1',
      cloud_credentials_json: JSON.stringify(KEY),
    };

    /**
     * The page with the saved credentials held until it shows `loading`: once they arrive (`loaded`), leaving asks
     * nothing; once `change` has changed the form, leaving asks. Returns the question.
     */
    async function leavingBeforeAndAfterAChange(
      page: ReactElement,
      held: string,
      steps: { loading: () => Promise<unknown>; loaded: () => Promise<unknown>; change: (user: UserEvent) => Promise<unknown> },
    ) {
      const release = holdAnswers(held);
      const { user, router } = await renderFeature(page, { path: '/credentials' });
      await steps.loading();
      release();
      await steps.loaded();
      await leavesWithoutAsking(router);

      await router.navigate({ to: '/credentials' as '/' });
      await steps.change(user);
      return leavingAsks(router);
    }

    it('on the organization page: no question when nothing was typed after the saved credentials arrived; a question once something was', async () => {
      await callPlatform('admin', 'PUT', paths.orgCloudCredentials(SCOPE.orgId), SAVED, { parse: (v: unknown) => v });
      await signInAs('admin');
      const question = await leavingBeforeAndAfterAChange(
        <OrganizationCredentialsPage scope={SCOPE} />,
        paths.orgCloudCredentials(SCOPE.orgId),
        {
          loading: async () => expect(await screen.findByLabelText('Loading organization credentials')).toBeTruthy(),
          loaded: async () => expect(await screen.findByRole('textbox', { name: 'Project' })).toHaveProperty('value', 'acme-prod'),
          change: async (user) => user.type(await screen.findByRole('textbox', { name: 'Project' }), '-2'),
        },
      );
      expect(question.textContent).toContain('The credentials form has changes that are not saved.');
    });

    it('on a service’s Credentials tab: no question when nothing was typed after its own credentials arrived; a question once something was', async () => {
      const service = await callPlatform(
        'developer',
        'POST',
        paths.services(SCOPE),
        { name: 'Own Credentials', slug: 'own-credentials', execution_mode: 'persistent' },
        HostedService,
      );
      await callPlatform('developer', 'PUT', paths.serviceCredentials(SCOPE, service.id), SAVED, { parse: (v: unknown) => v });
      await leavingBeforeAndAfterAChange(
        <ServiceCredentialsPage scope={SCOPE} serviceId={service.id} />,
        paths.effectiveCredentials(SCOPE, service.id),
        {
          loading: () => screen.findByRole('status'),
          loaded: async () => expect(await screen.findByRole('textbox', { name: 'Region' })).toHaveProperty('value', 'europe-west1'),
          change: async (user) => user.selectOptions(await screen.findByRole('combobox', { name: 'Cloud provider' }), 'aws'),
        },
      );
    });
  });
});
