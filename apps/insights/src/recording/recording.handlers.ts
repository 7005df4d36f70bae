import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EmploymentCommand, employmentDecider, groupAttendanceDecider, streams } from '@onedoor/domain';
import { AccessPolicy, Clock, CommandExecutor } from '@onedoor/platform';
import { PersonRegister, ServiceCatalogue } from '@onedoor/projections';
import { LiveOutcomes } from '../outcomes/live-outcomes';
import { RecordEmploymentCommand, RecordGroupAttendanceCommand } from './recording.commands';

@CommandHandler(RecordGroupAttendanceCommand)
export class RecordGroupAttendanceHandler implements ICommandHandler<RecordGroupAttendanceCommand> {
  constructor(private readonly executor: CommandExecutor, private readonly clock: Clock, private readonly catalogue: ServiceCatalogue, private readonly live: LiveOutcomes) {}

  async execute({ serviceId, sessionId, occurredOn, count, actor }: RecordGroupAttendanceCommand) {
    const result = await this.executor.execute(groupAttendanceDecider, {
      stream: streams.groupAttendance(serviceId),
      command: () => {
        const service = this.catalogue.service(serviceId);
        return {
          type: 'RecordGroupAttendance' as const, serviceId, sessionId, occurredOn, count, actor, at: this.clock.now(),
          service: { exists: service !== undefined, partnerId: service?.partnerId, active: service?.status === 'active' },
        };
      },
      metadata: { staffId: actor.staffId, partnerId: actor.partnerId },
    });
    await this.live.current(result.position);
    return result.events[0].data;
  }
}

@CommandHandler(RecordEmploymentCommand)
export class RecordEmploymentHandler implements ICommandHandler<RecordEmploymentCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
    private readonly register: PersonRegister,
    private readonly access: AccessPolicy,
    private readonly live: LiveOutcomes,
  ) {}

  async execute({ personId, change, actor }: RecordEmploymentCommand) {
    const result = await this.executor.execute(employmentDecider, {
      stream: streams.employment(personId),
      command: (): EmploymentCommand => {
        const person = this.register.person(personId);
        const personStatus = !person ? 'unknown' : person.erasedAt ? 'erased' : 'registered';
        const base = { personStatus, actorMaySee: this.access.maySeePerson(actor, personId), actor, at: this.clock.now() } as const;
        return change.type === 'RecordEmploymentStart' ? { ...base, type: change.type, personId, startedOn: change.startedOn } : { ...base, type: change.type, endedOn: change.endedOn };
      },
      metadata: { staffId: actor.staffId, partnerId: actor.partnerId },
    });
    await this.live.current(result.position);
    return result.events[0].data;
  }
}
