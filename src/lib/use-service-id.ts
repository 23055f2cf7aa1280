import { useParams } from '@tanstack/react-router';

export function useServiceId(): string {
  const { serviceId } = useParams({ strict: false });
  if (!serviceId) throw new Error('useServiceId is used outside a service route');
  return serviceId;
}
