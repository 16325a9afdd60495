package dev.fulmar.adapters.linux;

import java.util.Arrays;

/** Waits, without sleeping a fixed time, until a thread is parked in a given method. */
final class Blocking {

  private Blocking() {}

  /** Spins (yielding) until {@code t}'s stack holds a frame of {@code method}; at most 5 s. */
  static void awaitBlockedIn(Thread t, String method) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals(method))) {
        return;
      }
      Thread.yield();
    }
    throw new AssertionError(t.getName() + " never reached " + method);
  }
}
