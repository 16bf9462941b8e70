/**
 * The programme optimizer (issue 20). So far its pure solver core: the model, the hard-rule
 * check, the feasibility pre-check naming the cause, the soft score, the seeded search, the exact
 * model and the worker-thread runner. It has no pages, API or jobs yet, so it is not in the
 * module list; the programme will call it through what is exported here.
 *
 * @example
 * import { runInWorker } from './features/optimizer';
 */
export { checkFeasibility, type Infeasibility } from './solver/check-feasibility';
export { checkHardRules, type HardViolation } from './solver/check-hard-rules';
export {
  optimizerInputSchema,
  type OptimizerInput,
  type OptimizerInputData,
  type SoftWeights,
  type Timetable,
} from './solver/model';
export { runInWorker, type WorkerRun } from './solver/run-in-worker';
export { scoreTimetable, type Score } from './solver/score-timetable';
export { solveTimetable, type SolveResult } from './solver/solve-timetable';
