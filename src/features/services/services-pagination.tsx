import { Pagination } from '@/ui/pagination';
import { PAGE_SIZES, type PageSize } from './services-search';

export function ServicesPagination(props: {
  total: number;
  page: number;
  size: PageSize;
  onChange: (page: number, size: PageSize) => void;
}) {
  return <Pagination {...props} sizes={PAGE_SIZES} />;
}
