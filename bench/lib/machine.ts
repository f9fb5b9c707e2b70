import fs from 'node:fs';
import os from 'node:os';

// What the figures ran on, so they can be compared across machines.

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  os: string;
  kernel: string;
  node: string;
  postgres: string;
  /** 1-minute load average when the run started: other work on the machine skews the figures. */
  loadAverageAtStart: number;
}

function osName(): string {
  try {
    const m = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(fs.readFileSync('/etc/os-release', 'utf8'));
    if (m) return m[1];
  } catch {
    // not Linux
  }
  return `${os.type()} ${os.release()}`;
}

export function describeMachine(postgresVersion: string): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: osName(),
    kernel: os.release(),
    node: process.version,
    postgres: postgresVersion.split(' on ')[0],
    loadAverageAtStart: Math.round(os.loadavg()[0] * 100) / 100,
  };
}
