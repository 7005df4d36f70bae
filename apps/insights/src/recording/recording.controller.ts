import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@onedoor/domain';
import { CurrentActor } from '@onedoor/platform';
import { newId } from '@onedoor/platform';
import { RecordEmploymentCommand, RecordGroupAttendanceCommand } from './recording.commands';
import { EmploymentEndDto, EmploymentStartDto, GroupAttendanceDto } from './recording.dto';

@ApiTags('insights')
@ApiBearerAuth()
@Controller()
export class RecordingController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('group-attendance')
  @ApiOperation({ summary: "Light-touch: how many came to a session of one of your partner's group services" })
  groupAttendance(@Body() dto: GroupAttendanceDto, @CurrentActor() actor: Actor) {
    return this.commandBus.execute(new RecordGroupAttendanceCommand(dto.serviceId, dto.sessionId ?? newId(), dto.occurredOn, dto.count, actor));
  }

  @Post('participants/:personId/employment/start')
  @ApiOperation({ summary: 'A participant started work (evidence for sustained-employment milestones)' })
  employmentStart(@Param('personId') personId: string, @Body() dto: EmploymentStartDto, @CurrentActor() actor: Actor) {
    return this.commandBus.execute(new RecordEmploymentCommand(personId, { type: 'RecordEmploymentStart', startedOn: dto.startedOn }, actor));
  }

  @Post('participants/:personId/employment/end')
  @ApiOperation({ summary: "A participant's spell in work ended" })
  employmentEnd(@Param('personId') personId: string, @Body() dto: EmploymentEndDto, @CurrentActor() actor: Actor) {
    return this.commandBus.execute(new RecordEmploymentCommand(personId, { type: 'RecordEmploymentEnd', endedOn: dto.endedOn }, actor));
  }
}
