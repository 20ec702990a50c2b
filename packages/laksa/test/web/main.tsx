// The smallest host browser entry: the modules chosen by the host config, started by core.
import { startClient } from '@kota-kit/core/client';
import { clientModules } from 'virtual:kota-kit/client';

startClient({ modules: clientModules });
