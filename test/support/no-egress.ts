// Keeps every test on loopback (see loopback-environment.ts); spawned processes inherit it.
import { loopbackEnvironment } from './loopback-environment';

Object.assign(process.env, loopbackEnvironment);
