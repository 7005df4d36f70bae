import { DynamicModule, Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { EventStore } from '@onedoor/event-store';
import { PersonalDataVault } from '@onedoor/personal-data';
import {
  CheckpointStore,
  ConsortiumRoster,
  DirectoryProjection,
  DirectoryReadModel,
  DirectoryShares,
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
import { EVENT_STORE, ONEDOOR_CONFIG, PLATFORM_STORAGE } from './storage/tokens';
import { openPlatformStorage } from './storage/open-platform-storage';
import type { PlatformStorage } from './storage/platform-storage';
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
    @Inject(PLATFORM_STORAGE) private readonly storage: PlatformStorage,
    private readonly runner: ProjectionRunner,
    private readonly directory: DirectoryReadModel,
  ) {}
  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
    await this.directory.close();
    await this.storage.close();
  }
}

/**
 * The platform every app module runs on: the storage the configuration names (SQLite files, or PostgreSQL shared
 * by every instance), the in-process read models kept current by one projection runner, and the command executor.
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
        {
          provide: PLATFORM_STORAGE,
          inject: [HealthRegistry],
          useFactory: async (health: HealthRegistry) => {
            const storage = await openPlatformStorage(config);
            // Shown, not critical: a store that stops answering fails the health check's own read of the head.
            health.register('storage', () => storage.health(), { critical: false });
            return storage;
          },
        },
        { provide: EVENT_STORE, inject: [PLATFORM_STORAGE], useFactory: (storage: PlatformStorage) => storage.events },
        { provide: PersonalDataVault, inject: [PLATFORM_STORAGE], useFactory: (storage: PlatformStorage) => new PersonalDataVault(storage.keys) },
        { provide: IdempotencyStore, inject: [PLATFORM_STORAGE], useFactory: (storage: PlatformStorage) => storage.idempotency },
        { provide: ConsortiumRoster, useFactory: () => new ConsortiumRoster() },
        { provide: ServiceCatalogue, useFactory: () => new ServiceCatalogue() },
        { provide: PersonRegister, inject: [PersonalDataVault], useFactory: (vault: PersonalDataVault) => new PersonRegister(vault) },
        { provide: ReferralBook, inject: [PersonalDataVault], useFactory: (vault: PersonalDataVault) => new ReferralBook(vault) },
        { provide: ServiceLoad, useFactory: () => new ServiceLoad() },
        { provide: PartnerResponsiveness, useFactory: () => new PartnerResponsiveness() },
        { provide: DirectoryShares, useFactory: () => new DirectoryShares() },
        { provide: DirectoryReadModel, useFactory: () => directoryReadModelFor(config) },
        { provide: DirectoryProjection, inject: [DirectoryReadModel], useFactory: (readModel: DirectoryReadModel) => new DirectoryProjection(readModel) },
        // After the storage: a server that cannot be reached is then reported once, by the storage, with its clear message.
        { provide: CheckpointStore, inject: [PLATFORM_STORAGE], useFactory: () => checkpointStoreFor(config) },
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, CheckpointStore, ConsortiumRoster, ServiceCatalogue, PersonRegister, ReferralBook, DirectoryProjection, ServiceLoad, PartnerResponsiveness, DirectoryShares],
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
      exports: [HealthRegistry, ONEDOOR_CONFIG, EVENT_STORE, CheckpointStore, PersonalDataVault, IdempotencyStore, ConsortiumRoster, ServiceCatalogue, PersonRegister, ReferralBook, DirectoryReadModel, ServiceLoad, PartnerResponsiveness, DirectoryShares, ProjectionRunner, CommandExecutor, Clock, JwtModule, CqrsModule],
    };
  }
}
