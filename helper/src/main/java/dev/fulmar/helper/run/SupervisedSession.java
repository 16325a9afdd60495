package dev.fulmar.helper.run;

/** One IKE session as the supervisor drives it. */
interface SupervisedSession {
  /** Whether MOBIKE was negotiated: the session can move to a new local address. */
  boolean mobike();

  /** Moves the session to the current local address (MOBIKE UPDATE_SA_ADDRESSES). */
  void addressChanged();

  /** Checks now that the gateway still answers (after a resume); a loss is reported. */
  void checkLiveness();

  /**
   * Makes the next check ({@link #checkLiveness} or the update of {@link #addressChanged}) give
   * up after {@code within} if the gateway says nothing (see {@code
   * IkeSession.answerNextCheckWithin}).
   */
  void answerNextCheckWithin(java.time.Duration within);

  /** Deletes the session without waiting; its later events are ignored. Idempotent. */
  void abandon();
}
