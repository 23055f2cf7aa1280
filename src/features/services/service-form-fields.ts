/** The service fields the create and settings forms show; a server error whose loc names one lands on it. */
export const SERVICE_FORM_FIELDS = [
  'name',
  'slug',
  'execution_mode',
  'ring_id',
  'description',
  'environment_id',
  'min_replicas',
  'max_replicas',
  'concurrency_per_replica',
  'scale_threshold',
  'startup_timeout_seconds',
  'base_image',
  'system_packages',
] as const;
