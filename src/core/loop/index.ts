export { loopRecordPath, readLoop } from './read-loop';
export type { LoopFile, LoopOptions, LoopReading, ReviewLoop, NotALoop, LoopRound, LoopFinding, LoopStage, UnknownAnswer } from './read-loop';
export { loopFindings } from './findings';
export { openFindingSeverity, type LoopPlace } from './gate';
export { isFinalName, isLoopFileName, roundNumber, type RoundKind } from './rounds';
export type { FindingStatus, Severity } from './words';
export { answerLinks, roundLabel, type AnswerLink } from './links';
