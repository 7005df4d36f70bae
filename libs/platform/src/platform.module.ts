import { DynamicModule, Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore, SqliteEventStore } from '@onedoor/event-store';
import { PersonalDataVault, SqlitePersonKeyStore } from '@onedoor/personal-data';
import {
  CheckpointStore,
  ConsortiumRoster,
  DirectoryProjection,
  DirectoryReadModel,
  InMemoryDirectoryReadModel,
  PartnerResponsiveness,
  PersonRegister,
  ProjectionRunner,
  RedisDirectoryReadModel,
  ReferralBook,
  ServiceCatalogue,
  ServiceLoad,
} from '@onedoor/projections';
import { devAuthSecret } from './auth/dev-auth-secret';
import { StaffTokenGuard } from './auth/staff-token.guard';
import { Clock } from './clock';
import { OnedoorConfig } from './config/onedoor-config';
import { IdempotencyStore } from './http/idempotency-store';
import { CommandExecutor } from './storage/command-executor';
import { CommittedEventBridge } from './storage/committed-event-bridge';
import { EVENT_STORE, ONEDOOR_CONFIG } from './storage/tokens';
import { HealthRegistry } from './health/health-registry';
import { CheckpointStoreShutdown, checkpointStoreFor, readModelCheckpoints } from './storage/read-model-checkpoint-store';

/**
 * The directory read model the configuration asks for. In Redis its keys carry the consortium id, so
 * consortia can share a server; a restart keeps them when Redis is still at the runner's checkpoint.
 */
function directoryReadModelFor(config: OnedoorConfig): DirectoryReadModel {
  if (config.READ_MODEL_STORE === 'redis') return new RedisDirectoryReadModel({ url: config.REDIS_URL!, keyPrefix: `onedoor:${config.CONSORTIUM_ID}:directory:` });
  return new InMemoryDirectoryReadModel();
}

/** Closes what the platform opened, in the reverse order. */
class PlatformShutdown implements OnModuleDestroy {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly vault: PersonalDataVault,
    private readonly idempotency: IdempotencyStore,
    private readonly directory: DirectoryReadModel,
  ) {}
  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
    await this.directory.close();
    await this.store.close();
    this.vault.close();
    this.idempotency.close();
  }
}

/**
 * The embedded platform every app module runs on: the SQLite event store, the person key store,
 * the in-process read models kept current by one projection runner, and the command executor.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: OnedoorConfig): DynamicModule {
    mkdirSync(config.DATA_DIR, { recursive: true });
    const secret = config.AUTH_SECRET ?? devAuthSecret(config.DATA_DIR);
    // A KeyObject, not a string: given a string, jsonwebtoken first tries it as a PEM public key on every
    // verify (~0.45 ms a request); a secret key object goes straight to HMAC.
    const signingKey = createSecretKey(Buffer.from(secret, 'utf8'));
    return {
      module: PlatformModule,
      imports: [CqrsModule.forRoot(), JwtModule.register({ secret: signingKey, signOptions: { expiresIn: '12h', algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } })],
      providers: [
        HealthRegistry,
        { provide: ONEDOOR_CONFIG, useValue: config },
        { provide: EVENT_STORE, useFactory: () => new SqliteEventStore({ file: join(config.DATA_DIR, 'events.sqlite') }) },
        { provide: PersonalDataVault, useFactory: () => new PersonalDataVault(new SqlitePersonKeyStore(join(config.DATA_DIR, 'person-keys.sqlite'))) },
        { provide: IdempotencyStore, useFactory: () => new IdempotencyStore(join(config.DATA_DIR, 'requests.sqlite')) },
        { provide: ConsortiumRoster, useFactory: () => new ConsortiumRoster() },
        { provide: ServiceCatalogue, useFactory: () => new ServiceCatalogue() },
        { provide: PersonRegister, inject: [PersonalDataVault], useFactory: (vault: PersonalDataVault) => new PersonRegister(vault) },
        { provide: ReferralBook, inject: [PersonalDataVault], useFactory: (vault: PersonalDataVault) => new ReferralBook(vault) },
        { provide: ServiceLoad, useFactory: () => new ServiceLoad() },
        { provide: PartnerResponsiveness, useFactory: () => new PartnerResponsiveness() },
        { provide: DirectoryReadModel, useFactory: () => directoryReadModelFor(config) },
        { provide: DirectoryProjection, inject: [DirectoryReadModel], useFactory: (readModel: DirectoryReadModel) => new DirectoryProjection(readModel) },
        { provide: CheckpointStore, useFactory: () => checkpointStoreFor(config) },
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, CheckpointStore, ConsortiumRoster, ServiceCatalogue, PersonRegister, ReferralBook, DirectoryProjection, ServiceLoad, PartnerResponsiveness],
          // Read models live in memory: restored from their checkpoint (or rebuilt from the log), then kept current.
          useFactory: async (store: EventStore, checkpoints: CheckpointStore, ...readModels: ConstructorParameters<typeof ProjectionRunner>[1]) => {
            const runner = new ProjectionRunner(store, readModels, { checkpoints: readModelCheckpoints(config, checkpoints, 'platform') });
            await runner.resume();
            return runner;
          },
        },
        { provide: CommandExecutor, inject: [EVENT_STORE, ProjectionRunner], useFactory: (store: EventStore, runner: ProjectionRunner) => new CommandExecutor(store, (p) => runner.waitFor(p)) },
        Clock,
        CommittedEventBridge,
        PlatformShutdown,
        CheckpointStoreShutdown,
        { provide: APP_GUARD, useClass: StaffTokenGuard },
      ],
      exports: [HealthRegistry, ONEDOOR_CONFIG, EVENT_STORE, CheckpointStore, PersonalDataVault, IdempotencyStore, ConsortiumRoster, ServiceCatalogue, PersonRegister, ReferralBook, DirectoryReadModel, ServiceLoad, PartnerResponsiveness, ProjectionRunner, CommandExecutor, Clock, JwtModule, CqrsModule],
    };
  }
}
