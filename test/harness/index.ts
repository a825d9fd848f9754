// The engine harness lives in simulator/engine (the simulator CLI ships it); tests use it from here.
export * from '../../simulator/engine';
export { withNode } from './with-node';
