import { Module } from '@nestjs/common';
import { AsyncApiController } from './asyncapi.controller';

@Module({ controllers: [AsyncApiController] })
export class AsyncApiModule {}
