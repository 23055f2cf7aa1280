import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ApiError } from '@/lib/api-error';
import { ErrorState } from '@/ui/states';
import { NotFound } from './not-found';

/** A failed page: a not-found says so; anything else offers a retry. */
export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  const { reset } = useQueryErrorResetBoundary();
  useEffect(() => reset(), [reset]);
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  const title = error instanceof ApiError && error.status === 403 ? 'You do not have access to this' : 'This page could not be loaded';
  return <ErrorState title={title} error={error} onRetry={() => void router.invalidate()} />;
}
