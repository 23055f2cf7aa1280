/** The traffic split among a service's serving versions (CONTRACT §3, our extension): its records are the versions'. */
import { defineDomain } from '../core/domain';
import { trafficApi } from './routes';

export const trafficDomain = defineDomain({ name: 'traffic', apis: [trafficApi] });
