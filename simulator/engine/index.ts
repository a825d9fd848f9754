export { JourneyHarness, readWorkflow } from './engine';
export type { HarnessOptions, JourneyRun, StartOptions, WorkflowJson } from './engine';
export type { TimelineEntry } from './timeline';
