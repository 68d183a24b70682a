import { describe } from 'vitest';
import { noOverlapAcrossSeeds } from './support/preset-seeds.ts';

describe('the geometric referee on tan-thanh-smart-2030', () => {
  noOverlapAcrossSeeds('tan-thanh-smart-2030');
});
