import { cpus, platform, release } from "node:os";

export interface Environment {
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  date: string;
}

export function describeEnvironment(): Environment {
  const processors = cpus();
  return {
    node: process.versions.node,
    cpu: processors[0]?.model.trim() || "unknown CPU",
    cores: processors.length,
    platform: `${platform()} ${release()}`,
    date: new Date().toISOString(),
  };
}
