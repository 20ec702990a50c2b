import { startClient } from '@kota-kit/core/client';
import { clientModules } from 'virtual:kota-kit/client';

startClient({ modules: clientModules });
