import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, ValidationOptions, registerDecorator } from 'class-validator';

export const MIN_SECRET_LENGTH = 32;
const MIN_DISTINCT_CHARACTERS = 10;

/** An absolute http(s) URL with a host and no credentials in it (they would end up in logs and lists). */
function IsWebhookUrl(validation?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isWebhookUrl',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an absolute http:// or https:// URL with a host and without a user name or password`, ...validation },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0 && !url.username && !url.password;
          } catch {
            return false;
          }
        },
      },
    });
}

/** Long and varied enough to be random: `aaaa…` or `1234…` repeated is refused however long. */
function IsStrongSecret(validation?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isStrongSecret',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be at least ${MIN_SECRET_LENGTH} characters with at least ${MIN_DISTINCT_CHARACTERS} different ones: use 32 random bytes in hex or base64`,
        ...validation,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length >= MIN_SECRET_LENGTH && new Set(value).size >= MIN_DISTINCT_CHARACTERS,
      },
    });
}

export class RegisterWebhookDto {
  @ApiProperty({ example: 'https://crm.example.org/onedoor/events' })
  @IsWebhookUrl() @MaxLength(2048) @IsString()
  url: string;

  @ApiProperty({ description: 'The HMAC-SHA256 signing secret, at least 32 characters of random text; never shown again', example: 'f3b1…(64 hex characters)' })
  @IsStrongSecret() @MaxLength(256) @IsString()
  secret: string;
}
