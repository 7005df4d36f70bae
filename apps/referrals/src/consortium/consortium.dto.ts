import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSORTIUM_STRUCTURES, ConsortiumStructure, PARTNER_ROLES, PartnerRole } from '@onedoor/domain';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalField } from '@onedoor/platform';
import { ID_PATTERN, ID_RULE } from '@onedoor/platform';

export class FormConsortiumDto {
  @ApiProperty({ example: 'Calderdale Wellbeing Consortium' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ enum: CONSORTIUM_STRUCTURES })
  @IsIn(CONSORTIUM_STRUCTURES as unknown as string[])
  structure: ConsortiumStructure;
}

export class AdmitPartnerDto {
  @ApiProperty({ example: 'calder-works' })
  @Matches(ID_PATTERN, { message: `partnerId ${ID_RULE}` })
  partnerId: string;

  @ApiProperty({ example: 'Calder Works' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ enum: PARTNER_ROLES })
  @IsIn(PARTNER_ROLES as unknown as string[])
  role: PartnerRole;
}

export class RemovePartnerDto {
  @ApiPropertyOptional({ description: 'The member that takes over open referrals; required when there are any.' })
  @OptionalField() @Matches(ID_PATTERN, { message: `successorPartnerId ${ID_RULE}` })
  successorPartnerId?: string;
}
