import type { QueryProtocol } from '../aws-query/operations';

/** STS's query protocol: its namespace, API version, and the error of a token it did not issue. */
export const stsProtocol: QueryProtocol = { namespace: 'https://sts.amazonaws.com/doc/2011-06-15/', version: '2011-06-15', invalidMarkerCode: 'InvalidParameterValue' };
