import { moduleBuild } from '@kota-kit/core/tsup';
import { defineConfig } from 'tsup';

export default defineConfig(moduleBuild());
