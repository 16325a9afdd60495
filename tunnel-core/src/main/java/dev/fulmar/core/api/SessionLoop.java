package dev.fulmar.core.api;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The single-threaded event loop of one session: every IKE state change runs in a task on it, and
 * timers post to it. Tasks run one at a time in submission order. Tests use a manual loop whose
 * time only moves when the test says so.
 */
public interface SessionLoop extends Executor {

  /** Monotonic time in nanoseconds (only differences are meaningful). */
  long nanoTime();

  /** Runs {@code task} on the loop after {@code delay}; the handle cancels it if not yet run. */
  Timer schedule(Duration delay, Runnable task);

  /** Stops the loop after the current task; later submissions are dropped. Idempotent. */
  void shutdown();

  /** A scheduled task. */
  interface Timer {
    /** Cancels the task if it has not run yet. Idempotent. */
    void cancel();
  }

  /** Creates the loop of a new session; {@code name} names its thread. */
  @FunctionalInterface
  interface Factory {
    SessionLoop create(String name);
  }
}
