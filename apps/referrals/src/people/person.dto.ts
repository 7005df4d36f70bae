import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CONSENT_PURPOSES, CONTACT_METHODS, ConsentPurpose, ContactMethod } from '@onedoor/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsISO8601, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ChoiceList, IsCalendarDate, OptionalField } from '@onedoor/platform';
import { ID_PATTERN, ID_RULE } from '@onedoor/platform';

const UK_POSTCODE = /^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$/;

export class PersonalDetailsDto {
  @ApiProperty({ example: 'Amira' }) @IsString() @IsNotEmpty() @MaxLength(100)
  givenName: string;

  @ApiProperty({ example: 'Khan' }) @IsString() @IsNotEmpty() @MaxLength(100)
  familyName: string;

  @ApiProperty({ example: '1990-05-04', description: 'YYYY-MM-DD' })
  @IsCalendarDate({ notInFuture: true })
  dateOfBirth: string;

  @ApiPropertyOptional() @OptionalField() @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @ApiPropertyOptional() @OptionalField() @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be a phone number (digits, spaces, +, brackets, dashes)' })
  phone?: string;

  @ApiPropertyOptional() @OptionalField() @IsString() @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ example: 'HX1 1AA' }) @OptionalField() @Matches(UK_POSTCODE, { message: 'postcode must be a UK postcode such as HX1 1AA' })
  postcode?: string;

  @ApiPropertyOptional({ enum: CONTACT_METHODS }) @OptionalField() @IsIn(CONTACT_METHODS as unknown as string[])
  preferredContactMethod?: ContactMethod;

  @ApiPropertyOptional({ example: 'ur', description: 'BCP 47 language tag' }) @OptionalField() @Matches(/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'preferredLanguage must be a language tag such as en or ur' })
  preferredLanguage?: string;
}

export class RegisterPersonDto extends PersonalDetailsDto {
  @ApiPropertyOptional() @OptionalField() @Matches(ID_PATTERN, { message: `personId ${ID_RULE}` })
  personId?: string;

  @ApiPropertyOptional({ description: 'Set after checking the possible duplicates a 409 listed: this is a different person.' })
  @OptionalField() @IsBoolean()
  confirmedNotDuplicate?: boolean;
}

export class CorrectPersonDetailsDto extends PartialType(PersonalDetailsDto, { skipNullProperties: false }) {}

export class DuplicateCheckDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100)
  givenName: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100)
  familyName: string;

  @ApiProperty() @IsCalendarDate({ notInFuture: true })
  dateOfBirth: string;
}

export class GiveConsentDto {
  @ApiPropertyOptional() @OptionalField() @Matches(ID_PATTERN, { message: `consentId ${ID_RULE}` })
  consentId?: string;

  @ApiProperty({ enum: ['consortium', 'partners'], description: 'The whole consortium, or only the partners named' })
  @IsIn(['consortium', 'partners'])
  scope: 'consortium' | 'partners';

  @ApiPropertyOptional({ type: [String], minItems: 1, maxItems: 100 })
  @ValidateIf((c: GiveConsentDto) => c.scope === 'partners' || c.partnerIds !== undefined)
  @IsArray() @ArrayMinSize(1, { message: 'partnerIds must name at least one partner when scope is partners' }) @ArrayMaxSize(100, { message: 'partnerIds must name at most 100 partners' }) @Matches(ID_PATTERN, { each: true, message: `each of partnerIds ${ID_RULE}` })
  partnerIds?: string[];

  @ApiProperty({ enum: CONSENT_PURPOSES, isArray: true, minItems: 1, maxItems: CONSENT_PURPOSES.length, uniqueItems: true })
  @ChoiceList('purposes', CONSENT_PURPOSES, { min: 1 })
  purposes: ConsentPurpose[];

  @ApiPropertyOptional({ example: '2027-12-31T00:00:00Z' }) @OptionalField() @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO-8601 date-time' })
  expiresAt?: string;
}

export class PersonSearchDto {
  @ApiProperty({ example: 'amira kh', description: 'Words that start the given or family name (case and accents ignored)' })
  @IsString() @MaxLength(100) @Matches(/^[^\p{Cc}]*$/u, { message: 'search must not contain control characters' })
  search: string;

  @ApiPropertyOptional({ example: '1988-03-14' }) @OptionalField() @IsCalendarDate({ notInFuture: true })
  dateOfBirth?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @OptionalField()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'limit must be a whole number from 1 to 50' }) @Min(1) @Max(50)
  limit?: number;
}
