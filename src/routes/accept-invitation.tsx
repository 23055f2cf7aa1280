import { createFileRoute, useLocation } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { AcceptInvitationPage, tokenFromFragment } from '@/features/users/accept-invitation-page';

/** An invitation's link (`/accept-invitation#token=…`): public, as the sign-in page is. */
export const Route = createFileRoute('/accept-invitation')({
  staticData: { title: 'Accept your invitation' },
  component: AcceptInvitationRoute,
});

function AcceptInvitationRoute() {
  const hash = useLocation({ select: (location) => location.hash });
  const navigate = Route.useNavigate();
  // Read once, into memory; then off the address, so that it is in no history entry, bookmark or screenshot.
  const [token] = useState(() => tokenFromFragment(hash));
  useEffect(() => {
    if (hash !== '') void navigate({ to: '/accept-invitation', hash: '', replace: true });
  }, [hash, navigate]);
  return <AcceptInvitationPage token={token} onAccepted={() => void navigate({ to: '/', replace: true })} />;
}
