import type { SandboxService } from './core/service';
import { s3Service } from './s3/service';
import { snowflakeService } from './snowflake/service';
import type { SandboxStates } from './states';

/** Every simulated service by key; each loads the world section of the same name. */
export const services: { [K in keyof SandboxStates]: SandboxService<SandboxStates[K], SandboxStates> } = {
  s3: s3Service as SandboxService<SandboxStates['s3'], SandboxStates>,
  snowflake: snowflakeService,
};
