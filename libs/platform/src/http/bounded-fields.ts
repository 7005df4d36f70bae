import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsObject, Matches, Max, Min, ValidateNested } from 'class-validator';

/**
 * Shared shapes for fields whose values leave the consortium or add up: taxonomy terms published in the open
 * Open Referral feed, lists of nested objects, money and counts. One definition each, so every DTO that takes
 * one of them has the same bound and says it in the same words.
 */

/** A need or community code: lower-case words joined by single dashes, e.g. `mental-health`. */
export const TERM_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TERM_CODE_MAX_LENGTH = 50;
/** A place: letters, digits, spaces, apostrophes, dots and dashes, starting and ending with a letter or digit, e.g. `Hebden Bridge`, `HX7`. */
export const PLACE_NAME = /^[\p{L}\p{N}](?:[\p{L}\p{N} '’.-]*[\p{L}\p{N}.])?$/u;
export const PLACE_NAME_MAX_LENGTH = 60;

const CODE_WITHIN = new RegExp(`^(?=.{1,${TERM_CODE_MAX_LENGTH}}$)${TERM_CODE.source.slice(1)}`);
const PLACE_WITHIN = new RegExp(`^(?=.{1,${PLACE_NAME_MAX_LENGTH}}$)${PLACE_NAME.source.slice(1)}`, 'u');

/** A list of taxonomy codes (needs, communities): at most `max` codes of the TERM_CODE shape, at least `min`. */
export function TermCodes(field: string, { min = 0, max }: { min?: number; max: number }) {
  return applyDecorators(
    IsArray(),
    ...(min > 0 ? [ArrayMinSize(min, { message: `${field} must list at least ${min} ${min === 1 ? 'code' : 'codes'}` })] : []),
    ArrayMaxSize(max, { message: `${field} must list at most ${max} codes` }),
    Matches(CODE_WITHIN, { each: true, message: `each of ${field} must be a code of 1–${TERM_CODE_MAX_LENGTH} lower-case letters or digits in words joined by dashes, e.g. mental-health` }),
  );
}

/** A list of place names (localities): at most `max`, each of the PLACE_NAME shape. */
export function PlaceNames(field: string, { max }: { max: number }) {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(max, { message: `${field} must list at most ${max} places` }),
    Matches(PLACE_WITHIN, { each: true, message: `each of ${field} must be a place name of 1–${PLACE_NAME_MAX_LENGTH} letters, digits, spaces, apostrophes, dots or dashes, e.g. Hebden Bridge or HX7` }),
  );
}

/**
 * A list of values from a fixed set (consent purposes, interaction kinds, outcome codes, referral statuses): each
 * one of `choices`, none twice, so never more items than there are choices, and at least `min`.
 */
export function ChoiceList(field: string, choices: readonly string[], { min = 0, hint = '' }: { min?: number; hint?: string } = {}) {
  const rule = `${field} must be a list${hint} of different values${min > 0 ? ` (at least ${min})` : ''}, each one of: ${choices.join(', ')}`;
  return applyDecorators(
    IsArray({ message: rule }),
    ...(min > 0 ? [ArrayMinSize(min, { message: rule })] : []),
    ArrayMaxSize(choices.length, { message: rule }),
    ArrayUnique({ message: rule }),
    IsIn(choices as string[], { each: true, message: rule }),
  );
}

/** A list of nested objects of one DTO class: every item an object (a null item is a 400, not a crash), `min`–`max` items. */
export function NestedList(field: string, dto: () => new () => object, { min = 0, max }: { min?: number; max: number }) {
  return applyDecorators(
    IsArray(),
    ...(min > 0 ? [ArrayMinSize(min)] : []),
    ArrayMaxSize(max, { message: `${field} must have at most ${max} items` }),
    IsObject({ each: true, message: `each of ${field} must be an object` }),
    ValidateNested({ each: true }),
    Type(dto),
  );
}

/** The most any single sum of money may be: £10,000,000.00. */
export const MAX_PENCE = 1_000_000_000;

/** Whole pence from `min` to `max` (MAX_PENCE unless given), so totals stay exact integers. */
export function WholePence(field: string, { min, max = MAX_PENCE }: { min: number; max?: number }) {
  const range = `${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}`;
  return applyDecorators(
    IsInt({ message: `${field} must be a whole number of pence` }),
    Min(min, { message: `${field} must be from ${range} pence` }),
    Max(max, { message: `${field} must be from ${range} pence` }),
  );
}

/** The most places, sessions or a target count can be. */
export const MAX_COUNT = 1_000_000;

/** A whole number from 0 to `max` (MAX_COUNT unless given). */
export function BoundedCount(field: string, max: number = MAX_COUNT) {
  return applyDecorators(
    IsInt({ message: `${field} must be a whole number` }),
    Min(0, { message: `${field} must be from 0 to ${max.toLocaleString('en-GB')}` }),
    Max(max, { message: `${field} must be from 0 to ${max.toLocaleString('en-GB')}` }),
  );
}
