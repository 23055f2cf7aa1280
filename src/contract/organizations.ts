import { z } from 'zod';
import { Id, Timestamp, page } from './common';

export const Organization = z.object({
  id: Id,
  name: z.string(),
  slug: z.string(),
  created_at: Timestamp,
});
export type Organization = z.infer<typeof Organization>;

export const Workspace = z.object({
  id: Id,
  org_id: Id,
  name: z.string(),
  slug: z.string(),
  created_at: Timestamp,
});
export type Workspace = z.infer<typeof Workspace>;

export const OrganizationPage = page(Organization);
export const WorkspacePage = page(Workspace);
