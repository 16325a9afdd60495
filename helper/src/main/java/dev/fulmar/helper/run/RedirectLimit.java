package dev.fulmar.helper.run;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts the redirects (RFC 5685) a tunnel follows within a sliding window, so that gateways that
 * send it around in circles end the tunnel instead of keeping it busy forever (RFC 5685 §10: "the
 * client ... MUST have a limit on the number of redirects"). Time is the loop's monotonic
 * nanoseconds. Used on the supervisor's loop only.
 */
final class RedirectLimit {
  /** More redirects than this within {@link #WINDOW} end the tunnel. */
  static final int MAX = 5;
  static final Duration WINDOW = Duration.ofMinutes(5);

  private final Deque<Long> times = new ArrayDeque<>();

  /**
   * Notes a redirect at {@code now}.
   *
   * @return how many redirects the window holds now, this one included
   */
  int note(long now) {
    while (!times.isEmpty() && now - times.peekFirst() > WINDOW.toNanos()) {
      times.removeFirst();
    }
    times.addLast(now);
    return times.size();
  }

  /** Whether {@code count} redirects within the window are too many. */
  static boolean tooMany(int count) {
    return count > MAX;
  }
}
