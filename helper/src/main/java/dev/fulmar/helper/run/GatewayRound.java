package dev.fulmar.helper.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The profile's gateways in the order one connection attempt tries them (primary, then each
 * fallback) and what went wrong with each one tried so far. Every attempt after a loss starts
 * again at the primary. Used on the supervisor's loop only.
 */
final class GatewayRound {
  private final List<GatewayCandidate> candidates;
  private final List<String> tried = new ArrayList<>();
  private int index;

  GatewayRound(List<GatewayCandidate> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("a tunnel needs at least one gateway");
    }
    this.candidates = List.copyOf(candidates);
  }

  /** The gateway being tried, or in use. */
  GatewayCandidate current() {
    return candidates.get(index);
  }

  /** Whether a gateway after the current one is left to try. */
  boolean hasNext() {
    return index + 1 < candidates.size();
  }

  /** Notes why the current gateway failed and moves to the next one, which it returns. */
  GatewayCandidate next(String why) {
    tried.add(current().label() + ": " + why);
    index++;
    return current();
  }

  /** Notes why the current (last) gateway failed, without moving on. */
  void failedLast(String why) {
    tried.add(current().label() + ": " + why);
  }

  /** Each gateway tried in this round with why it failed, in order. */
  List<String> tried() {
    return List.copyOf(tried);
  }

  /** Back to the primary gateway, nothing tried. */
  void restart() {
    index = 0;
    tried.clear();
  }
}
