package dev.fulmar.control.message;

import java.util.EnumSet;
import java.util.Set;

/** Checks topic sets. */
final class Subscriptions {
  private Subscriptions() {}

  static Set<Topic> check(String what, Set<Topic> topics) {
    if (topics == null || topics.isEmpty()) {
      throw new IllegalArgumentException(what + ": name at least one topic (STATE, STATS, LOG)");
    }
    if (topics.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException(what + ": unknown topic");
    }
    return Set.copyOf(EnumSet.copyOf(topics));
  }
}
