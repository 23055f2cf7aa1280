import { Skeleton } from '@/ui/skeleton';

const SHOWN = 3;

/** The services a ring carries, as far as the console knows. */
export function RingServices({ services, loading, complete }: { services: string[]; loading: boolean; complete: boolean }) {
  if (loading) return <Skeleton width="6rem" />;
  if (services.length === 0) return <span className="muted">{complete ? 'No services' : 'No services among the first 100'}</span>;
  const more = services.length - SHOWN;
  return (
    <span className="ring-users">
      <span className="visually-hidden">In use by </span>
      {services.slice(0, SHOWN).join(', ')}
      {more > 0 && ` and ${more} more`}
      <span className="visually-hidden">. Move them to another ring before deleting it.</span>
    </span>
  );
}
