package dev.fulmar.helper.run;

import dev.fulmar.helper.run.SupervisorMachine.Phase;

/**
 * What a tunnel does when the way to its gateway changed (another local address, a route, a link
 * that came back) or the host woke up from suspend, by where it stands:
 *
 * <pre>
 *                   path changed                      resumed
 *  UP, MOBIKE       MOVE (UPDATE_SA_ADDRESSES)        MOVE (its answer proves the gateway)
 *  UP, no MOBIKE    REPLACE at once                   CHECK (liveness, at once)
 *  WAITING          TRY_NOW (cut the backoff short)   TRY_NOW
 *  CONNECTING       START_OVER (once it was ever up)  NOTHING (the attempt finds out itself)
 * </pre>
 *
 * A session that cannot be kept is replaced without a backoff wait: the network it failed on is
 * gone, the new one has not failed yet.
 */
enum PathReaction {
  /** The session moves to the new local address (MOBIKE) and stays. */
  MOVE(""),
  /** The session stays; the gateway is asked at once whether it still knows it. */
  CHECK(""),
  /** The session cannot follow the new address: a new one replaces it at once. */
  REPLACE(" (no MOBIKE)"),
  /** The wait for the next attempt is cut short. */
  TRY_NOW(": trying now"),
  /** The attempt under way on the old network starts over. */
  START_OVER(": starting over"),
  /** Nothing to do. */
  NOTHING("");

  private final String detail;

  PathReaction(String detail) {
    this.detail = detail;
  }

  /** For a changed way to the gateway. */
  static PathReaction toPathChange(Phase phase, boolean everUp, boolean mobike) {
    switch (phase) {
      case UP:
        return mobike ? MOVE : REPLACE;
      case WAITING:
        return TRY_NOW;
      case CONNECTING:
        return everUp ? START_OVER : NOTHING;
      default:
        return NOTHING;
    }
  }

  /** For a resume from suspend. */
  static PathReaction toResume(Phase phase, boolean mobike) {
    switch (phase) {
      case UP:
        return mobike ? MOVE : CHECK;
      case WAITING:
        return TRY_NOW;
      default:
        return NOTHING;
    }
  }

  /** Whether a new attempt starts at once, ending the session or wait in force. */
  boolean startsOver() {
    return this == REPLACE || this == TRY_NOW || this == START_OVER;
  }

  /** The user's detail line for a new attempt: {@code why} with how the tunnel reacts. */
  String detail(String why) {
    return why + detail;
  }
}
