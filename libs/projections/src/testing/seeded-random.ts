// The generator lives with the runtime code (the demo seed uses it); tests and benchmarks keep importing it here.
export { seededRandom } from '../seeded-random';
