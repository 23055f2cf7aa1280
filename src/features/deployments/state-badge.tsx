import { DEPLOYMENT_EVENT_STATES } from '@/contract/deployments';
import { isKnown } from '@/contract/reading';
import { Badge } from '@/ui/badge';
import { stateTone } from './deployment-rules';

const WORDS: Record<string, string> = { torn_down: 'torn down' };

/** A deployment state in its tone; one this console does not know, as it came, in the neutral style. */
export function StateBadge({ state }: { state: string }) {
  if (!isKnown(DEPLOYMENT_EVENT_STATES, state)) {
    return <Badge title="A state this console does not know, shown as the platform sent it">{state}</Badge>;
  }
  return <Badge tone={stateTone(state)}>{WORDS[state] ?? state}</Badge>;
}
