import type { ActivityEntry } from '../../src/contract/activity';

/**
 * Who did what to a service, and when. An outcome known in advance (a deploy
 * planned to finish or fail at a time) is stored with that time and shown once
 * it has come, as deployments are (activity/rules.ts).
 */
export type ActivityRecord = ActivityEntry;
