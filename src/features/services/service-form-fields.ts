import { PERSISTENT_SETTINGS } from '@/contract/services';

/** The service fields the create and settings forms show; a server error whose loc names one lands on it. */
export const SERVICE_FORM_FIELDS = ['name', 'slug', 'execution_mode', 'ring_id', 'description', 'environment_id', ...PERSISTENT_SETTINGS];
