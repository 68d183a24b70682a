import { describe } from 'vitest';
import { noOverlapAcrossSeeds } from './support/preset-seeds.ts';

describe('the geometric referee on huu-nghi-peak-2030', () => {
  noOverlapAcrossSeeds('huu-nghi-peak-2030');
});
