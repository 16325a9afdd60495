package dev.fulmar.control.message;

import java.util.Set;

/**
 * Starts pushing events of {@code topics} to this client; answered with {@link Ok}. A {@code
 * STATE} subscriber first gets one {@code state} event with the current state.
 */
public record Subscribe(Set<Topic> topics) implements Request {
  public Subscribe {
    topics = Subscriptions.check("subscribe", topics);
  }
}
