import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '@onedoor/domain';
import { AccessPolicy, Clock } from '@onedoor/platform';
import { PersonRegister } from '@onedoor/projections';
import { personView } from './person-view';

export class GetPersonQuery {
  constructor(readonly personId: string, readonly actor: Actor) {}
}

export class FindPossibleDuplicatesQuery {
  constructor(readonly givenName: string, readonly familyName: string, readonly dateOfBirth: string) {}
}

@QueryHandler(GetPersonQuery)
export class GetPersonHandler implements IQueryHandler<GetPersonQuery> {
  constructor(private readonly register: PersonRegister, private readonly access: AccessPolicy, private readonly clock: Clock) {}

  async execute({ personId, actor }: GetPersonQuery) {
    const record = this.access.visiblePerson(personId, actor);
    return personView(record, this.register, this.clock.now());
  }
}

@QueryHandler(FindPossibleDuplicatesQuery)
export class FindPossibleDuplicatesHandler implements IQueryHandler<FindPossibleDuplicatesQuery> {
  constructor(private readonly register: PersonRegister) {}

  async execute({ givenName, familyName, dateOfBirth }: FindPossibleDuplicatesQuery) {
    return { possibleDuplicateIds: this.register.possibleDuplicates(givenName, familyName, dateOfBirth) };
  }
}
