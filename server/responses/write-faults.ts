// Points in the writing of a country response where the fault tests (test/faults/) stall or
// crash a writer, the way a stalled database connection or a process killed at that instant
// would. In the service they do nothing.
export const responseWriteFaults = {
  /** The writer has read the current state and chosen its revision; nothing of it is stored yet. */
  beforeStore: async (_revision: number): Promise<void> => {},
  /** The revision is stored; the pointer to the latest one is not moved yet. */
  beforePointerMove: async (_revision: number): Promise<void> => {},
};

/** Puts the seams back to doing nothing (after each fault test). */
export function resetResponseWriteFaults(): void {
  responseWriteFaults.beforeStore = async () => {};
  responseWriteFaults.beforePointerMove = async () => {};
}
