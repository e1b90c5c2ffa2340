import type { CustomReviewSchema } from '../../config/areas/raw-input';
import type { FieldType } from './field-types';

/** A field of a review schema. */
export interface FieldSpec {
  type: FieldType;
  required: boolean;
}

/** An expected record schema: its name and fields. */
export interface ReviewSchema {
  name: string;
  fields: Record<string, FieldSpec>;
}

const req = (type: FieldType): FieldSpec => ({ type, required: true });
const opt = (type: FieldType): FieldSpec => ({ type, required: false });

/** The published McAuley-lab Amazon review formats (2014, 2018, 2023), field by field. */
export const reviewSchemas = {
  'mcauley-2014': {
    name: 'mcauley-2014',
    fields: {
      reviewerID: req('string'),
      asin: req('string'),
      reviewerName: opt('string'),
      helpful: req('array'),
      reviewText: req('string'),
      overall: req('number'),
      summary: req('string'),
      unixReviewTime: req('integer'),
      reviewTime: req('string'),
    },
  },
  'mcauley-2018': {
    name: 'mcauley-2018',
    fields: {
      overall: req('number'),
      verified: req('boolean'),
      reviewTime: req('string'),
      reviewerID: req('string'),
      asin: req('string'),
      style: opt('object'),
      reviewerName: opt('string'),
      reviewText: opt('string'),
      summary: req('string'),
      unixReviewTime: req('integer'),
      vote: opt('string'),
      image: opt('array'),
    },
  },
  'mcauley-2023': {
    name: 'mcauley-2023',
    fields: {
      rating: req('number'),
      title: req('string'),
      text: req('string'),
      images: req('array'),
      asin: req('string'),
      parent_asin: req('string'),
      user_id: req('string'),
      timestamp: req('integer'),
      helpful_vote: req('integer'),
      verified_purchase: req('boolean'),
    },
  },
} satisfies Record<string, ReviewSchema>;

/** The name of a published review format. */
export type ReviewFormat = keyof typeof reviewSchemas;

/** The schema a configuration names: a published format, or a custom schema as written. */
export function resolveReviewSchema(configured: ReviewFormat | CustomReviewSchema): ReviewSchema {
  return typeof configured === 'string' ? reviewSchemas[configured] : configured;
}
