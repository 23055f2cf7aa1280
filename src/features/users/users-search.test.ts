import { describe, expect, it } from 'vitest';
import { UserListQuery } from '@/contract/users';
import { toUserListQuery } from './users-query';
import { UsersSearch } from './users-search';

describe('the users list in the URL', () => {
  it('falls back to the defaults, field by field, for a bad link', () => {
    expect(UsersSearch.parse({ q: 'x'.repeat(300), status: 'deleted', by: 'salary', page: -2, size: 7 })).toEqual({
      q: '',
      status: 'all',
      by: 'newest',
      page: 1,
      size: 25,
    });
  });

  it('becomes the platform’s list parameters, which its schema accepts', () => {
    const query = toUserListQuery(UsersSearch.parse({ q: ' ada ', status: 'invited', by: 'role', page: 3, size: 10 }));
    expect(query).toEqual({ limit: 10, offset: 20, sort: 'role', order: 'asc', search: 'ada', status: 'invited' });
    expect(UserListQuery.parse(query)).toEqual(query);
  });
});
