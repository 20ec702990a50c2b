import { defineHost } from '@kota-kit/core';
import { testRegion } from '@kota-kit/core/testing';
import { moduleTemplate } from '../src/index.js';

/** Core's shared test region with this module and its default options. */
export const host = defineHost({ region: testRegion, modules: [moduleTemplate.with({ pageSize: 5 })] });
