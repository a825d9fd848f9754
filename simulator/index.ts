/** The simulator's API: simulate() a workflow on n8n's engine with a virtual clock, and format the timeline. */
export { simulate, assertRuntime, SimulationSetupError } from './simulate';
export type { SimulateOptions, SimulationResult, SimulatedContact, SimulatedJourney } from './simulate';
export { formatSimulation } from './format';
export { SimulationInputError } from './events';
export type { JourneyStep } from './describe';
export type { StepKind } from './describe-node';
