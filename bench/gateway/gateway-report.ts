import { fixed, formatTable, thousands } from '../table';
import { atLeast, TARGETS } from '../targets';
import { GatewayBenchResult, SHAPE_NAMES } from './gateway-bench';

const verdictOf = (ratio: number) => atLeast(ratio, TARGETS.gatewayToAllInOneRatio);

export function renderGateway(r: GatewayBenchResult): string[] {
  const rows = (Object.keys(SHAPE_NAMES) as Array<keyof typeof SHAPE_NAMES>).map((shape) => {
    const result = r.results[shape];
    return [SHAPE_NAMES[shape], thousands(result.requests), fixed(result.requestsPerSec, 0), fixed(result.latency.p50, 1), fixed(result.latency.p99, 1)];
  });
  return [
    `(l) Create-referral through the gateway vs the all-in-one: POST /referrals at ${r.connections} connections, ${r.rounds} × ${r.roundSec} s rounds per shape in mirrored order, on this machine;`,
    `    the gateway shapes run five processes (gateway, referrals, directory, insights, relay service), every service following the log`,
    formatTable(['shape', 'requests', 'req/s', 'p50 ms', 'p99 ms'], rows),
    formatTable(
      ['check', 'measured', 'target', 'verdict'],
      [
        ['gateway (SQLite) / all-in-one (SQLite)', fixed(r.ratios.gatewaySqlite, 2), `≥ ${TARGETS.gatewayToAllInOneRatio}`, verdictOf(r.ratios.gatewaySqlite)],
        ['gateway (PostgreSQL) / all-in-one (PostgreSQL)', fixed(r.ratios.gatewayPostgresToAllInOnePostgres, 2), `≥ ${TARGETS.gatewayToAllInOneRatio}`, verdictOf(r.ratios.gatewayPostgresToAllInOnePostgres)],
        ['gateway (PostgreSQL) / all-in-one (SQLite)', fixed(r.ratios.gatewayPostgres, 2), `≥ ${TARGETS.gatewayToAllInOneRatio}`, verdictOf(r.ratios.gatewayPostgres)],
      ],
    ),
    ...r.problems.map((p) => `    problem: ${p}`),
  ];
}
