/** What a published version generates (CONTRACT §3): its OpenAPI document and client stubs, made when asked, from the version. */
import { defineDomain } from '../core/domain';
import { stubsApi } from './routes';

export const stubsDomain = defineDomain({ name: 'stubs', apis: [stubsApi] });
