export { understandQuestion, wordsOf, QUESTION_KINDS, MAX_QUESTION_CHARS, type Question, type QuestionKind, type Alternative } from './understand-question.js';
export { readPeriod, describeWindow, nextWindow, MAX_WINDOW_DAYS, DEFAULT_WINDOW_DAYS, type DateWindow, type PeriodReading } from './read-period.js';
