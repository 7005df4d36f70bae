import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '@onedoor/domain';
import { AccessPolicy, Clock } from '@onedoor/platform';
import { PersonRegister } from '@onedoor/projections';
import { personView } from './person-view';

export class GetPersonQuery {
  constructor(readonly personId: string, readonly actor: Actor) {}
}

export class FindPossibleDuplicatesQuery {
  constructor(readonly givenName: string, readonly familyName: string, readonly dateOfBirth: string, readonly actor: Actor) {}
}

/** Search as you type at the contact point: only people the caller's partner may see are ever found. */
export class SearchPeopleQuery {
  constructor(readonly text: string, readonly actor: Actor, readonly dateOfBirth?: string, readonly limit = 20) {}
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
  constructor(private readonly register: PersonRegister, private readonly access: AccessPolicy) {}

  async execute({ givenName, familyName, dateOfBirth, actor }: FindPossibleDuplicatesQuery) {
    return this.access.possibleDuplicatesFor(actor, this.register.possibleDuplicates(givenName, familyName, dateOfBirth));
  }
}

@QueryHandler(SearchPeopleQuery)
export class SearchPeopleHandler implements IQueryHandler<SearchPeopleQuery> {
  constructor(private readonly register: PersonRegister, private readonly access: AccessPolicy) {}

  async execute({ text, actor, dateOfBirth, limit }: SearchPeopleQuery) {
    const { hits, more } = this.register.search(text, { dateOfBirth, limit, mayShow: (personId) => this.access.maySeePerson(actor, personId) });
    return { people: hits, more };
  }
}
