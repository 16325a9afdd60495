package dev.fulmar.helper.run;

import dev.fulmar.core.api.SessionLoop;
import java.time.Duration;
import java.util.Locale;

/**
 * The wait between a lost session (or a failed reconnect) and the next attempt: the {@link
 * Backoff}'s next wait on the loop's timer, and the backoff told when the tunnel comes up and is
 * lost so that a tunnel that stayed up long enough starts over with short waits. One wait at a
 * time; used on the supervisor's loop only.
 */
final class RetryWait {
  private final SessionLoop loop;
  private final Backoff backoff;
  private SessionLoop.Timer timer;

  RetryWait(SessionLoop loop, Backoff backoff) {
    this.loop = loop;
    this.backoff = backoff;
  }

  /** The tunnel is up (again). */
  void up() {
    backoff.up(loop.nanoTime());
  }

  /** The session that was up is lost. */
  void lost() {
    backoff.lost(loop.nanoTime());
  }

  /** The next wait; counts the attempt that follows it. */
  Duration next() {
    return backoff.next();
  }

  /** What the user reads about the attempt after {@code wait}: "attempt 3 in 3.2 s". */
  String describe(Duration wait) {
    return "attempt " + backoff.attempts() + " in " + seconds(wait);
  }

  /** Runs {@code then} on the loop after {@code wait}, unless {@link #cancel()}led first. */
  void schedule(Duration wait, Runnable then) {
    timer = loop.schedule(wait, () -> {
      timer = null;
      then.run();
    });
  }

  /** Cancels the wait, if one runs. */
  void cancel() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
