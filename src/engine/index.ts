/** The engine's public entry: everything a host needs, nothing of the insides. */
export { createSimulation, SIMULATION_START_MS } from './simulation';
export type { Simulation, SimulationOptions, SimSnapshot, ClusterStart, WatchOptions, ClusterTimer, ExecStream, ExecStreamIO, ExecStreamRequest } from './simulation-api';
export type { ApiRequest, ApiResponse, ShellSession, ShellState, SimChange, WatchEvent } from './types';
export type { KubeObject } from './api/meta';
