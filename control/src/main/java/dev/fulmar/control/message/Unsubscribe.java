package dev.fulmar.control.message;

import java.util.Set;

/** Stops pushing events of {@code topics} to this client; answered with {@link Ok}. */
public record Unsubscribe(Set<Topic> topics) implements Request {
  public Unsubscribe {
    topics = Subscriptions.check("unsubscribe", topics);
  }
}
