package dev.fulmar.control.message;

import java.util.Objects;

/** Replaces the machine's policy (administrators only); answered with {@link Ok}. */
public record SetPolicy(Policy policy) implements Request {
  public SetPolicy {
    Objects.requireNonNull(policy, "policy");
  }
}
