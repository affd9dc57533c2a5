import { Module } from '@nestjs/common';
import { BenchFloorResolver } from './bench-floor.resolver';

/** Loaded by ApiModule only when BENCH_FLOOR is set (the W2 benchmark's API processes). */
@Module({ providers: [BenchFloorResolver] })
export class BenchFloorModule {}
